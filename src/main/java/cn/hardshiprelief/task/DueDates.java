package cn.hardshiprelief.task;

import java.time.Instant;
import java.util.Optional;

/**
 * When a new task of a step is due (办理时限), set on the task as the engine creates it unless the BPMN gives it a
 * due date of its own. Implemented by the workbench, which keeps the steps' deadlines and the working-day calendar.
 */
public interface DueDates {

    /** The due time of a task of this step created at {@code created}; empty when the step has no deadline. */
    Optional<Instant> dueOf(String processId, String stepId, Instant created);
}
