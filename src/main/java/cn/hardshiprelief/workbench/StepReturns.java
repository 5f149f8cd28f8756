package cn.hardshiprelief.workbench;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.task.OpenTask;

import java.util.List;

/**
 * 回退 on the workbench: the steps of a case a task may be sent back to (already passed), and the move itself.
 * Implemented by the feature whose process has such a chain (enrollment's review chain).
 */
public interface StepReturns {

    /** The process whose tasks this sends back (its BPMN id). */
    String processId();

    /** The steps the task may go back to, in the chain's order; empty when none (or not a step of the chain). */
    List<String> stepsToReturnTo(Actor actor, OpenTask task);

    /** Sends the case back to {@code step} with the reason; the step returned to sees why. */
    void returnTo(Actor actor, OpenTask task, String step, String reason);
}
