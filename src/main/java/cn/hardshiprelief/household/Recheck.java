package cn.hardshiprelief.household;

import jakarta.persistence.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One re-check (复核) of a file: the visit, its findings, whether causes of hardship remain, and the costs and
 * earners it found (empty for re-checks recorded before they were asked).
 */
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

    @Column(name = "medical_costs_half_year", precision = 12, scale = 2)
    private BigDecimal medicalCostsHalfYear;

    @Column(name = "one_off_costs", precision = 12, scale = 2)
    private BigDecimal oneOffCosts;

    private Integer earners;

    @Column(name = "disaster_affected")
    private Boolean disasterAffected;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected Recheck() {
    }

    Recheck(Long fileId, String taskId, LocalDate visitDate, String findings, boolean causesRemaining,
            boolean permanentCause, HouseholdCircumstances found, String recordedBy, Instant recordedAt) {
        this.medicalCostsHalfYear = found.medicalCostsHalfYear();
        this.oneOffCosts = found.oneOffCosts();
        this.earners = found.earners();
        this.disasterAffected = found.disasterAffected();
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
    public BigDecimal getMedicalCostsHalfYear() { return medicalCostsHalfYear; }
    public BigDecimal getOneOffCosts() { return oneOffCosts; }
    public Integer getEarners() { return earners; }
    public Boolean getDisasterAffected() { return disasterAffected; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
