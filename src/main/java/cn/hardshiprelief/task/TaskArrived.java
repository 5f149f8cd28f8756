package cn.hardshiprelief.task;

import java.util.Set;

/**
 * A user task arrived for people: published (as a Spring application event, inside the engine's transaction) when
 * the engine creates a task, whatever created it (a flow, a BPMN error, 回退 by process-instance modification).
 * No engine types, so features may listen without knowing the engine.
 *
 * @param recipients  who may take it: its assignee, or the members of its candidate groups and its candidate users
 *                    that the step's separation of duties does not bar
 * @param returned    the case came back to these people rather than forward: 回退 to an earlier step
 *                    ({@link TaskArrivals#asReturn}), or a step the BPMN marks as a return
 *                    ({@value TaskArrivals#ARRIVES_AS} = {@value TaskArrivals#RETURNED})
 * @param processName the process's name as the BPMN gives it (Chinese); {@code taskName} likewise
 */
public record TaskArrived(String taskId, String stepId, String taskName, String processId, String processName,
                          String businessKey, Set<String> recipients, boolean returned) {
}
