package cn.hardshiprelief.process.aid;

import cn.hardshiprelief.aid.AidGrant;
import cn.hardshiprelief.aid.AidProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Starts {@code aidGrant} for a grant (business key = grant id) and correlates the bank's results. */
@Component
public class AidGrantEngine implements AidProcess {

    private final RuntimeService runtime;

    public AidGrantEngine(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public String start(AidGrant grant) {
        return runtime.startProcessInstanceByKey(AidGrantProcess.PROCESS_ID, grant.getId().toString(), variables(grant))
                .getId();
    }

    @Override
    public String startAtPayment(AidGrant grant) {
        return startBefore(grant, AidGrantProcess.DISBURSE_GRANT);
    }

    @Override
    public String startAtFailedPayment(AidGrant grant) {
        return startBefore(grant, AidGrantProcess.RESOLVE_FAILED_PAYMENT);
    }

    /**
     * Looks for the waiting instance first: a failed correlation inside the engine's command would mark the
     * caller's whole transaction (the import of a bank file) for rollback, even if the exception were caught.
     */
    @Override
    public boolean bankResult(AidGrant grant, boolean confirmed) {
        boolean waiting = runtime.createExecutionQuery()
                .processDefinitionKey(AidGrantProcess.PROCESS_ID)
                .processInstanceBusinessKey(grant.getId().toString())
                .messageEventSubscriptionName(AidGrantProcess.BANK_RESULT_MESSAGE)
                .count() > 0;
        if (!waiting) {
            return false;
        }
        runtime.createMessageCorrelation(AidGrantProcess.BANK_RESULT_MESSAGE)
                .processInstanceBusinessKey(grant.getId().toString())
                .setVariable(AidGrantProcess.Variables.PAYMENT_CONFIRMED, confirmed)
                .correlate();
        return true;
    }

    private String startBefore(AidGrant grant, String activityId) {
        return runtime.createProcessInstanceByKey(AidGrantProcess.PROCESS_ID)
                .businessKey(grant.getId().toString())
                .setVariables(variables(grant))
                .startBeforeActivity(activityId)
                .execute().getId();
    }

    private static VariableMap variables(AidGrant grant) {
        return Variables.createVariables()
                .putValue(AidGrantProcess.Variables.GRANT_ID, grant.getId())
                .putValue(AidGrantProcess.Variables.UNIT_CODE, grant.getGrantingUnion().getCode())
                .putValue(AidGrantProcess.Variables.COUNTY_UNIT_CODE, grant.getCountyUnion().getCode())
                .putValue(AidGrantProcess.Variables.AMOUNT, grant.getAmount().doubleValue())
                .putValue(AidGrantProcess.Variables.CASH, grant.getKind().cash())
                .putValue(AidGrantProcess.Variables.KIND, grant.getKind().name())
                .putValue(AidGrantProcess.Variables.REQUESTED_BY, grant.getRequestedBy());
    }
}
