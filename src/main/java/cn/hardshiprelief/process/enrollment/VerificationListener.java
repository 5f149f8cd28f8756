package cn.hardshiprelief.process.enrollment;

import cn.hardshiprelief.enrollment.ReviewRecorder;
import cn.hardshiprelief.engine.EngineMessages;
import cn.hardshiprelief.verification.VerificationService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Variables.APPLICATION_ID;

/**
 * {@code verifyHousehold} completes only with a complete 三查一访 record, wherever it is completed
 * (our page, Tasklist, /engine-rest); then the timeline records who verified.
 */
@Component("verificationListener")
public class VerificationListener implements TaskListener {

    private final VerificationService verifications;
    private final ReviewRecorder recorder;
    private final MessageSource messages;

    VerificationListener(VerificationService verifications, ReviewRecorder recorder, MessageSource messages) {
        this.verifications = verifications;
        this.recorder = recorder;
        this.messages = messages;
    }

    @Override
    public void notify(DelegateTask task) {
        Long applicationId = (Long) task.getVariable(APPLICATION_ID);
        List<String> missing = verifications.missing(applicationId);
        if (!missing.isEmpty()) {
            throw new ProcessEngineException(missing.stream()
                    .map(key -> messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE))
                    .collect(Collectors.joining("；")));
        }
        String verifier = EngineMessages.actorOf(task);
        recorder.recordVerified(applicationId, task.getId(), verifier);
        // whoever visited the household becomes its paired cadre (结对帮扶) when it is filed
        task.getExecution().setVariable("pairedCadre", verifier);
    }
}
