package cn.hardshiprelief.process.enrollment;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import static cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Decisions.*;
import static cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Errors.*;
import static cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Variables.DECISION;
import static cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Variables.REVIEW_FROM;

/**
 * Ends a review step the way the reviewer decided, so the diagram needs no gateway per step: an
 * approval leaves along the step's only outgoing flow; a rejection throws {@code applicationRejected},
 * which the event subprocess 审核不予通过 catches; a return records the step in {@code reviewFrom} and
 * throws {@code applicationReturned}, which leaves the review chain for the applicant's correction and
 * brings the application back to this step afterwards. Runs after {@code reviewDecisionListener}, which
 * has already recorded and checked the decision, so every surface (our pages, the API, Tasklist,
 * /engine-rest) ends a step the same way.
 */
@Component("reviewOutcome")
public class ReviewOutcome implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(DECISION);
        if (APPROVE.equals(decision)) {
            return;
        }
        if (REJECT.equals(decision)) {
            throw new BpmnError(APPLICATION_REJECTED, "rejected at " + task.getTaskDefinitionKey());
        }
        if (RETURN.equals(decision)) {
            task.getExecution().getProcessInstance().setVariable(REVIEW_FROM, task.getTaskDefinitionKey());
            throw new BpmnError(APPLICATION_RETURNED, "returned at " + task.getTaskDefinitionKey());
        }
        throw new ProcessEngineException("Review step " + task.getTaskDefinitionKey()
                + " completed without a decision of approve, reject or return: " + decision);
    }
}
