package cn.hardshiprelief.process.enrollment;

import cn.hardshiprelief.engine.EngineMessages;
import cn.hardshiprelief.enrollment.ReviewRecorder;
import cn.hardshiprelief.shared.BusinessException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Variables.*;

/**
 * On completion of a review task, however it was completed (our pages, the API, Tasklist,
 * /engine-rest), records the decision on the application. A refused decision rolls the completion back.
 */
@Component("reviewDecisionListener")
public class ReviewDecisionListener implements TaskListener {

    private final ReviewRecorder recorder;
    private final EngineMessages messages;

    ReviewDecisionListener(ReviewRecorder recorder, EngineMessages messages) {
        this.recorder = recorder;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        Long applicationId = (Long) task.getVariable(APPLICATION_ID);
        try {
            recorder.recordDecision(applicationId, task.getTaskDefinitionKey(), task.getId(),
                    EngineMessages.actorOf(task), (String) task.getVariable(DECISION),
                    (String) task.getVariable(COMMENT));
        } catch (BusinessException e) {
            throw messages.refused(e);
        }
    }
}
