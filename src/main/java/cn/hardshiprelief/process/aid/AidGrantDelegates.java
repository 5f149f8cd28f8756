package cn.hardshiprelief.process.aid;

import cn.hardshiprelief.aid.AidGrantLifecycle;
import cn.hardshiprelief.aid.AidRecheck;
import cn.hardshiprelief.aid.ApprovalLevel;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of {@code aidGrant} that change the grant: each reads the grant id, calls one step of
 * the grant's life and, for the check, writes its outcome. Disbursement has its own delegate in
 * {@code disbursement.process}.
 */
@Configuration
public class AidGrantDelegates {

    static Long grantId(DelegateExecution execution) {
        return ((Number) execution.getVariable(AidGrantProcess.Variables.GRANT_ID)).longValue();
    }

    @Bean
    JavaDelegate checkAidGrantDelegate(AidRecheck recheck) {
        return execution -> execution.setVariable(AidGrantProcess.Variables.GRANT_ALLOWED,
                recheck.recheck(grantId(execution)));
    }

    @Bean
    JavaDelegate approveAidGrantDelegate(AidGrantLifecycle lifecycle) {
        return execution -> {
            Object level = execution.getVariable(AidGrantProcess.Variables.APPROVAL_LEVEL);
            if (level != null) {
                lifecycle.levelDecided(grantId(execution), ApprovalLevel.valueOf(level.toString()));
            }
            lifecycle.approve(grantId(execution));
        };
    }

    @Bean
    JavaDelegate rejectAidGrantDelegate(AidGrantLifecycle lifecycle) {
        return execution -> lifecycle.reject(grantId(execution));
    }

    @Bean
    JavaDelegate cancelAidGrantDelegate(AidGrantLifecycle lifecycle) {
        return execution -> lifecycle.cancel(grantId(execution), "system",
                (String) execution.getVariable(AidGrantProcess.Variables.COMMENT));
    }
}
