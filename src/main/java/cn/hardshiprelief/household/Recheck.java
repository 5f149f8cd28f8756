package cn.hardshiprelief.household;

import jakarta.persistence.*;

import java.time.Instant;
import java.time.LocalDate;

/** One re-check (复核) of a file: the visit, its findings, and whether causes of hardship remain. */
@Entity
@Table(name = "household_recheck")
public class Recheck {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "file_id", nullable = false)
    private Long fileId;

    /** The {@code recheckHousehold} task this record answers. */
    @Column(name = "task_id")
    private String taskId;

    @Column(name = "visit_date", nullable = false)
    private LocalDate visitDate;

    @Column(nullable = false)
    private String findings;

    @Column(name = "causes_remaining", nullable = false)
    private boolean causesRemaining;

    @Column(name = "permanent_cause", nullable = false)
    private boolean permanentCause;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected Recheck() {
    }

    Recheck(Long fileId, String taskId, LocalDate visitDate, String findings, boolean causesRemaining,
            boolean permanentCause, String recordedBy, Instant recordedAt) {
        this.fileId = fileId;
        this.taskId = taskId;
        this.visitDate = visitDate;
        this.findings = findings;
        this.causesRemaining = causesRemaining;
        this.permanentCause = permanentCause;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() { return id; }
    public Long getFileId() { return fileId; }
    public String getTaskId() { return taskId; }
    public LocalDate getVisitDate() { return visitDate; }
    public String getFindings() { return findings; }
    public boolean isCausesRemaining() { return causesRemaining; }
    public boolean isPermanentCause() { return permanentCause; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
