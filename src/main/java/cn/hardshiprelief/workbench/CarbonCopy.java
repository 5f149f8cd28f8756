package cn.hardshiprelief.workbench;

import jakarta.persistence.*;

import java.time.Instant;

/** A case copied to someone who should know (抄送): they may read that case, and only that one. */
@Entity
@Table(name = "carbon_copy")
public class CarbonCopy {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "process_id", nullable = false)
    private String processId;

    @Column(name = "process_instance_id", nullable = false)
    private String processInstanceId;

    @Column(name = "business_key", nullable = false)
    private String businessKey;

    @Column(name = "recipient_username", nullable = false)
    private String recipientUsername;

    @Column(name = "sent_by_username", nullable = false)
    private String sentByUsername;

    @Column(name = "sent_by_name", nullable = false)
    private String sentByName;

    @Column(name = "step_id")
    private String stepId;

    private String note;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected CarbonCopy() {
    }

    CarbonCopy(CaseTask task, String recipientUsername, String sentByUsername, String sentByName, String note,
               Instant sentAt) {
        this.processId = task.processId();
        this.processInstanceId = task.processInstanceId();
        this.businessKey = task.businessKey();
        this.stepId = task.stepId();
        this.recipientUsername = recipientUsername;
        this.sentByUsername = sentByUsername;
        this.sentByName = sentByName;
        this.note = note;
        this.sentAt = sentAt;
    }

    /** The recipient opened the case. */
    void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public Long getId() { return id; }
    public String getProcessId() { return processId; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getBusinessKey() { return businessKey; }
    public String getRecipientUsername() { return recipientUsername; }
    public String getSentByUsername() { return sentByUsername; }
    public String getSentByName() { return sentByName; }
    public String getStepId() { return stepId; }
    public String getNote() { return note; }
    public Instant getSentAt() { return sentAt; }
    public Instant getReadAt() { return readAt; }
    public boolean isRead() { return readAt != null; }
}
