package cn.hardshiprelief.process.enrollment;

import cn.hardshiprelief.enrollment.ReviewRecorder;
import cn.hardshiprelief.engine.EngineMessages;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Variables.*;

/** On {@code decideObjection}: records the county union's decision; upholding needs a reason for the applicant. */
@Component("objectionDecisionListener")
class ObjectionDecisionListener implements TaskListener {

    private final ReviewRecorder recorder;

    ObjectionDecisionListener(ReviewRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable(OBJECTION_OUTCOME);
        Object comment = task.getVariable(COMMENT);
        if (!"uphold".equals(outcome) && !"dismiss".equals(outcome)) {
            throw new ProcessEngineException("请选择异议是否成立");
        }
        if ("uphold".equals(outcome) && (comment == null || comment.toString().isBlank())) {
            throw new ProcessEngineException("异议成立、不予建档时必须填写意见说明");
        }
        recorder.recordObjectionDecision((Long) task.getVariable(APPLICATION_ID), task.getId(),
                EngineMessages.actorOf(task), "uphold".equals(outcome), comment == null ? null : comment.toString());
    }
}
