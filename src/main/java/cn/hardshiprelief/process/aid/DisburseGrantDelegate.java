package cn.hardshiprelief.process.aid;

import cn.hardshiprelief.disbursement.Disbursement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code disburseGrant}: an asynchronous step, so it runs as a job that the engine retries on failure.
 * {@link Disbursement} makes a retry harmless: the ledger entry is found, not written again.
 */
@Component("disburseGrantDelegate")
public class DisburseGrantDelegate implements JavaDelegate {

    private final Disbursement disbursement;

    public DisburseGrantDelegate(Disbursement disbursement) {
        this.disbursement = disbursement;
    }

    @Override
    public void execute(DelegateExecution execution) {
        disbursement.disburse(((Number) execution.getVariable("grantId")).longValue());
    }
}
