package cn.hardshiprelief.process.enrollment;

import cn.hardshiprelief.enrollment.HardshipEnrollmentProcess;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.task.TaskArrivals;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;

import static cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Variables.REVIEW_FROM;

/**
 * Moves inside the review chain that the diagram does not draw as flows: 回退 to a step already passed. Done with
 * Camunda's process-instance modification from outside the instance (never from one of its own listeners), so
 * Cockpit's history and the user operation log show the move; the chain itself stays drawn as a chain.
 */
class ReviewChainMoves {

    /** The steps of the chain a review can go back to, in chain order on either route. */
    static final List<String> CHAIN_STEPS = List.of(HardshipEnrollmentProcess.REVIEW_BY_DEPARTMENT_HEAD,
            HardshipEnrollmentProcess.REVIEW_BY_DIRECTOR, HardshipEnrollmentProcess.REVIEW_BY_HR,
            HardshipEnrollmentProcess.APPROVE_BY_GENERAL_OFFICE, HardshipEnrollmentProcess.REVIEW_BY_BRANCH_UNION,
            HardshipEnrollmentProcess.VERIFY_HOUSEHOLD, HardshipEnrollmentProcess.APPROVE_BY_COUNTY_UNION);
    static final String REVIEW_CHAIN = "reviewChain";

    private final RuntimeService runtime;
    private final HistoryService history;

    ReviewChainMoves(RuntimeService runtime, HistoryService history) {
        this.runtime = runtime;
        this.history = history;
    }

    void returnToStep(String processInstanceId, String openStep, String earlierStep) {
        if (!CHAIN_STEPS.contains(openStep) || !CHAIN_STEPS.contains(earlierStep) || openStep.equals(earlierStep)) {
            throw new ConflictException("review.returnTo.notEarlier");
        }
        ActivityInstance tree = runtime.getActivityInstance(processInstanceId);
        ActivityInstance[] open = tree == null ? new ActivityInstance[0] : tree.getActivityInstances(openStep);
        ActivityInstance[] chain = tree == null ? new ActivityInstance[0] : tree.getActivityInstances(REVIEW_CHAIN);
        if (open.length != 1 || chain.length != 1) {
            throw new ConflictException("review.returnTo.notOpen");
        }
        boolean passed = history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .activityId(earlierStep).finished().count() > 0;
        if (!passed) {
            throw new ConflictException("review.returnTo.notEarlier");
        }
        // start first: cancelling the chain's only open step first would end the chain itself; the earlier step's
        // people are told the case came back to them, not that a new one arrived
        TaskArrivals.asReturn(() -> runtime.createProcessInstanceModification(processInstanceId)
                .startBeforeActivity(earlierStep, chain[0].getId())
                .cancelActivityInstance(open[0].getId())
                .execute(false, false));
        runtime.setVariable(processInstanceId, REVIEW_FROM, earlierStep);
    }

    /**
     * 撤回: the chain (with its open step) is cancelled and the applicant's correction opens; the step to resume at
     * is the one withdrawn from. Started first, so the instance never has nothing open.
     */
    void withdraw(String processInstanceId, String openStep) {
        ActivityInstance tree = runtime.getActivityInstance(processInstanceId);
        ActivityInstance[] open = tree == null ? new ActivityInstance[0] : tree.getActivityInstances(openStep);
        ActivityInstance[] chain = tree == null ? new ActivityInstance[0] : tree.getActivityInstances(REVIEW_CHAIN);
        if (open.length != 1 || chain.length != 1) {
            throw new ConflictException("application.withdrawTooLate", "");
        }
        runtime.createProcessInstanceModification(processInstanceId)
                .startBeforeActivity(HardshipEnrollmentProcess.CORRECT_APPLICATION)
                .cancelActivityInstance(chain[0].getId())
                .execute(false, true);
        runtime.setVariable(processInstanceId, REVIEW_FROM, openStep);
    }

    /** 取消: the instance ends with the reason; the steps' own listeners do not run (nothing was decided). */
    void cancel(String processInstanceId, String reason) {
        runtime.deleteProcessInstance(processInstanceId, "取消: " + reason, true);
    }
}
