package cn.hardshiprelief.task;

import java.time.Instant;
import java.util.Set;

/**
 * A task waiting for someone: what the engine knows of it, without engine types. {@code formId} and
 * {@code formBinding} are the task's {@code camunda:formRef} and {@code camunda:formRefBinding}.
 */
public record OpenTask(String id, String stepId, String name, String processInstanceId, String processDefinitionId,
                       String assignee, Set<String> candidateGroups, String formId, String formBinding,
                       Instant created) {

    /** May this person act on the task: assigned to them, or a candidate through one of their groups. */
    public boolean actionableBy(String username, Set<String> groupIds) {
        if (assignee != null) {
            return assignee.equals(username);
        }
        return candidateGroups.stream().anyMatch(groupIds::contains);
    }
}
