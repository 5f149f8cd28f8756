package cn.hardshiprelief.workbench;

import jakarta.persistence.*;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of a case's history written by the workbench: who did what to which step, to whom, why. The engine's
 * user operation log holds the same operations for Cockpit; this one is the case's own, in the case's words.
 */
@Entity
@Table(name = "task_operation")
public class TaskOperation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "process_id", nullable = false)
    private String processId;

    @Column(name = "process_instance_id", nullable = false)
    private String processInstanceId;

    @Column(name = "business_key")
    private String businessKey;

    @Column(name = "task_id")
    private String taskId;

    @Column(name = "step_id")
    private String stepId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OperationKind kind;

    @Column(name = "actor_username", nullable = false)
    private String actorUsername;

    @Column(name = "actor_name", nullable = false)
    private String actorName;

    @Column(name = "target_username")
    private String targetUsername;

    @Column(name = "target_name")
    private String targetName;

    private String reason;

    /** The day of an urge (unique per case): at most one a day, however many clicks and nodes race. */
    @Column(name = "urged_on")
    private LocalDate urgedOn;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected TaskOperation() {
    }

    TaskOperation(CaseTask task, OperationKind kind, String actorUsername, String actorName, String targetUsername,
                  String targetName, String reason, Instant occurredAt, LocalDate urgedOn) {
        this.processId = task.processId();
        this.processInstanceId = task.processInstanceId();
        this.businessKey = task.businessKey();
        this.taskId = task.taskId();
        this.stepId = task.stepId();
        this.kind = kind;
        this.actorUsername = actorUsername;
        this.actorName = actorName;
        this.targetUsername = targetUsername;
        this.targetName = targetName;
        this.reason = reason;
        this.occurredAt = occurredAt;
        this.urgedOn = urgedOn;
    }

    public Long getId() { return id; }
    public String getProcessId() { return processId; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getBusinessKey() { return businessKey; }
    public String getTaskId() { return taskId; }
    public String getStepId() { return stepId; }
    public OperationKind getKind() { return kind; }
    public String getActorUsername() { return actorUsername; }
    public String getActorName() { return actorName; }
    public String getTargetUsername() { return targetUsername; }
    public String getTargetName() { return targetName; }
    public String getReason() { return reason; }
    public Instant getOccurredAt() { return occurredAt; }
}
