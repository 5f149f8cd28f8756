package cn.hardshiprelief.process.enrollment;

import cn.hardshiprelief.enrollment.ReviewRecorder;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Variables.APPLICATION_ID;

/** {@code confirmHardshipWorker}: the general office approved, the household goes on the confirmed list. */
@Component("confirmHardshipWorker")
public class ConfirmHardshipWorkerDelegate implements JavaDelegate {

    private final ReviewRecorder recorder;

    ConfirmHardshipWorkerDelegate(ReviewRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public void execute(DelegateExecution execution) {
        recorder.confirm((Long) execution.getVariable(APPLICATION_ID));
    }
}
