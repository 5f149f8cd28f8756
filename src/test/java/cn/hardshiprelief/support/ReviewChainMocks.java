package cn.hardshiprelief.support;

import cn.hardshiprelief.process.enrollment.ReviewOutcome;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * For process tests of {@code hardshipEnrollment}'s review chain that look at the engine only: the real
 * {@link ReviewOutcome} (it is the chain's routing) and listeners and delegates up to the approval that do nothing.
 */
public final class ReviewChainMocks {

    private ReviewChainMocks() {
    }

    public static void register() {
        TaskListener nothing = task -> { };
        JavaDelegate noWork = execution -> { };
        Mocks.register("reviewOutcome", new ReviewOutcome());
        Mocks.register("reviewDecisionListener", nothing);
        Mocks.register("resubmissionListener", nothing);
        Mocks.register("verificationListener", nothing);
        Mocks.register("objectionDecisionListener", nothing);
        Mocks.register("confirmHardshipWorker", noWork);
    }
}
