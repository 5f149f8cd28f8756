package cn.hardshiprelief.process.enrollment;

import cn.hardshiprelief.engine.EngineMessages;
import cn.hardshiprelief.enrollment.ReviewRecorder;
import cn.hardshiprelief.shared.BusinessException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Variables.*;

/** On completion of {@code correctApplication}: the application goes back into review with its new figures. */
@Component("resubmissionListener")
public class ResubmissionListener implements TaskListener {

    private final ReviewRecorder recorder;
    private final EngineMessages messages;

    ResubmissionListener(ReviewRecorder recorder, EngineMessages messages) {
        this.recorder = recorder;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        Long applicationId = (Long) task.getVariable(APPLICATION_ID);
        try {
            recorder.recordResubmission(applicationId, task.getId(), EngineMessages.actorOf(task),
                    (String) task.getVariable(CORRECTION_NOTE));
        } catch (BusinessException e) {
            throw messages.refused(e);
        }
    }
}
