package cn.hardshiprelief.enrollment;

import jakarta.persistence.*;

import java.time.Instant;

/** One line of an application's timeline: who did what at which step, when, with which comment. */
@Entity
@Table(name = "application_event")
public class ApplicationEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id")
    private EnrollmentApplication application;

    /** The Camunda task decided, unique: a task is decided once. Null for submissions. */
    @Column(name = "task_id", unique = true)
    private String taskId;

    @Column(nullable = false)
    private String step;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EventOutcome outcome;

    private String comment;

    /** A message code for the comment when the system wrote it (a classification rule): rendered per reader. */
    @Column(name = "comment_code")
    private String commentCode;

    @Column(name = "actor_username", nullable = false)
    private String actorUsername;

    @Column(name = "actor_name", nullable = false)
    private String actorName;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected ApplicationEvent() {
    }

    ApplicationEvent(EnrollmentApplication application, String taskId, String step, EventOutcome outcome,
                     String comment, String actorUsername, String actorName, Instant occurredAt) {
        this.application = application;
        this.taskId = taskId;
        this.step = step;
        this.outcome = outcome;
        this.comment = comment;
        this.actorUsername = actorUsername;
        this.actorName = actorName;
        this.occurredAt = occurredAt;
    }

    /** The same event with the code its comment is rendered from in the reader's language. */
    ApplicationEvent withCommentCode(String code) {
        this.commentCode = code;
        return this;
    }

    public String getCommentCode() { return commentCode; }

    /** Written by the system, not a person: shown as 系统 / System in the reader's language. */
    public boolean isBySystem() { return "system".equals(actorUsername); }

    /** An objection from the public notice (no login): shown as 公众 / The public. */
    public boolean isByPublic() { return "public".equals(actorUsername); }

    public Long getId() { return id; }
    public EnrollmentApplication getApplication() { return application; }
    public String getTaskId() { return taskId; }
    public String getStep() { return step; }
    public EventOutcome getOutcome() { return outcome; }
    public String getComment() { return comment; }
    public String getActorUsername() { return actorUsername; }
    public String getActorName() { return actorName; }
    public Instant getOccurredAt() { return occurredAt; }
}
