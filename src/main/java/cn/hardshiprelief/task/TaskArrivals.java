package cn.hardshiprelief.task;

import cn.hardshiprelief.organization.Directory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells the application that a task arrived and for whom ({@link TaskArrived}): a built-in listener on every user
 * task's creation ({@link StepGuardPlugin}), after the step's escalation, so the BPMN cannot leave it out. The
 * candidates' members are read from the directory by group (an indexed lookup), not through the engine's identity
 * provider, and those the step's separation of duties bars are left out: the applicant who heads the department is
 * not told of a task they may not take.
 */
@Component
public class TaskArrivals {

    /** BPMN extension property of a user task: how its arrival reads to its people. */
    public static final String ARRIVES_AS = "arrivesAs";
    /** {@link #ARRIVES_AS} of a step that always means the case was sent back (the applicant's correction). */
    public static final String RETURNED = "returned";

    /** Set while a case is being moved back (回退): the tasks it creates arrive as returns. */
    private static final ThreadLocal<Boolean> RETURNING = ThreadLocal.withInitial(() -> false);

    private final StepRules rules;
    private final Directory directory;
    private final ApplicationEventPublisher events;

    TaskArrivals(StepRules rules, Directory directory, ApplicationEventPublisher events) {
        this.rules = rules;
        this.directory = directory;
        this.events = events;
    }

    /**
     * Runs a move that sends a case back to an earlier step (回退: a process-instance modification); the tasks it
     * creates on this thread arrive as returns, not as ordinary new tasks.
     */
    public static void asReturn(Runnable move) {
        boolean outer = RETURNING.get();
        RETURNING.set(true);
        try {
            move.run();
        } finally {
            if (outer) {
                RETURNING.set(true);
            } else {
                RETURNING.remove();
            }
        }
    }

    void arrived(DelegateTask task) {
        Set<String> people = new HashSet<>();
        if (task.getAssignee() != null) {
            people.add(task.getAssignee());
        } else {
            Set<String> groups = new HashSet<>();
            for (IdentityLink link : task.getCandidates()) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                    if (link.getGroupId() != null) {
                        groups.add(link.getGroupId());
                    }
                    if (link.getUserId() != null) {
                        people.add(link.getUserId());
                    }
                }
            }
            people.addAll(directory.membersOf(groups));
        }
        Set<String> recipients = rules.notBarred(task, people);
        if (recipients.isEmpty()) {
            return;
        }
        ProcessDefinition process = task.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(task.getProcessDefinitionId());
        boolean returned = RETURNING.get() || RETURNED.equals(rules.arrivesAs(task));
        String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        events.publishEvent(new TaskArrived(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                process.getKey(), Objects.requireNonNullElse(process.getName(), process.getKey()), businessKey,
                recipients.stream().sorted().collect(Collectors.toCollection(java.util.LinkedHashSet::new)),
                returned));
    }
}
