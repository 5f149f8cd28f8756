package cn.hardshiprelief.process.aid;

import cn.hardshiprelief.aid.AidGrantLifecycle;
import cn.hardshiprelief.task.TaskPerformer;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Complete listeners of the people's steps of {@code aidGrant}: whether the step was completed in the
 * app's pages or in Tasklist, the grant records the same decision, outcome or receipt, and who gave it.
 */
@Configuration
public class AidTaskListeners {

    static Long grantId(DelegateTask task) {
        return ((Number) task.getVariable(AidGrantProcess.Variables.GRANT_ID)).longValue();
    }

    @Bean
    TaskListener aidApprovalListener(AidGrantLifecycle lifecycle) {
        return task -> lifecycle.decisionTaken(grantId(task), task.getTaskDefinitionKey(),
                TaskPerformer.yes(task.getVariable(AidGrantProcess.Variables.APPROVED)),
                (String) task.getVariable(AidGrantProcess.Variables.COMMENT), TaskPerformer.of(task));
    }

    @Bean
    TaskListener referralOutcomeListener(AidGrantLifecycle lifecycle) {
        return task -> lifecycle.delivered(grantId(task),
                (String) task.getVariable(AidGrantProcess.Variables.REFERRAL_OUTCOME), TaskPerformer.of(task));
    }

    /**
     * The candidate users of {@code confirmReceipt} besides the branch union: the recipient, when they have an
     * account. Read from the grant when the step is created ({@code ${aidRecipients.of(grantId)}}), never
     * from a variable someone could set.
     */
    @Bean
    AidRecipients aidRecipients(AidGrantLifecycle lifecycle) {
        return grantId -> {
            String recipient = lifecycle.grant(((Number) grantId).longValue()).getBeneficiaryUsername();
            return recipient == null ? java.util.List.of() : java.util.List.of(recipient);
        };
    }

    /** Who, besides the union, may confirm a grant's receipt. */
    @FunctionalInterface
    public interface AidRecipients {
        java.util.List<String> of(Object grantId);
    }

    @Bean
    TaskListener receiptListener(AidGrantLifecycle lifecycle) {
        return task -> lifecycle.received(grantId(task),
                (String) task.getVariable(AidGrantProcess.Variables.RECEIPT_NOTE), TaskPerformer.of(task));
    }
}
