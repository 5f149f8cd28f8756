package cn.hardshiprelief.task;

import java.time.Instant;
import java.util.Set;

/**
 * A task waiting for someone: what the engine knows of it, without engine types. {@code formId} and
 * {@code formBinding} are the task's {@code camunda:formRef} and {@code camunda:formRefBinding}. {@code owner} is
 * set while the task is delegated (委派): the owner gave it to the assignee for an opinion and decides it when it
 * comes back ({@code delegated} is true until the assignee hands it back). {@code parentTaskId} is set on a
 * co-signer's task (加签): it belongs to the step's task, not to a process of its own.
 */
public record OpenTask(String id, String stepId, String name, String processInstanceId, String processDefinitionId,
                       String assignee, Set<String> candidateGroups, String formId, String formBinding,
                       Instant created, String owner, boolean delegated, Instant due, String parentTaskId) {

    /** May this person act on the task: assigned to them, or a candidate through one of their groups. */
    public boolean actionableBy(String username, Set<String> groupIds) {
        if (assignee != null) {
            return assignee.equals(username);
        }
        return candidateGroups.stream().anyMatch(groupIds::contains);
    }

    /** Is this a co-signer's task (加签) of another task. */
    public boolean coSigning() {
        return parentTaskId != null;
    }

    /** Is the task with the person for an opinion only, to be handed back to its owner rather than decided. */
    public boolean delegatedTo(String username) {
        return delegated && username.equals(assignee);
    }
}
