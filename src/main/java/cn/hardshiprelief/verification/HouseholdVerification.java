package cn.hardshiprelief.verification;

import jakarta.persistence.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The 三查一访 record of one application: three checks, each with result and notes, and the home
 * visit (date, visitors, findings, photos or documents). The union route cannot pass without it.
 */
@Entity
@Table(name = "household_verification")
public class HouseholdVerification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "application_id", nullable = false, unique = true)
    private Long applicationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "income_result")
    private CheckResult incomeResult;
    @Column(name = "income_notes")
    private String incomeNotes;
    @Enumerated(EnumType.STRING)
    @Column(name = "property_result")
    private CheckResult propertyResult;
    @Column(name = "property_notes")
    private String propertyNotes;
    @Enumerated(EnumType.STRING)
    @Column(name = "family_result")
    private CheckResult familyResult;
    @Column(name = "family_notes")
    private String familyNotes;
    @Column(name = "visit_date")
    private LocalDate visitDate;
    private String visitors;
    @Column(name = "visit_findings")
    private String visitFindings;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_at")
    private Instant recordedAt;
    @Version
    private int version;

    @OneToMany(mappedBy = "verification", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<VerificationDocument> documents = new ArrayList<>();

    protected HouseholdVerification() {
    }

    public HouseholdVerification(Long applicationId) {
        this.applicationId = applicationId;
    }

    public void record(VerificationForm form, String actor, Instant now) {
        this.incomeResult = form.getIncomeResult();
        this.incomeNotes = form.getIncomeNotes();
        this.propertyResult = form.getPropertyResult();
        this.propertyNotes = form.getPropertyNotes();
        this.familyResult = form.getFamilyResult();
        this.familyNotes = form.getFamilyNotes();
        this.visitDate = form.getVisitDate();
        this.visitors = form.getVisitors();
        this.visitFindings = form.getVisitFindings();
        this.recordedBy = actor;
        this.recordedAt = now;
    }

    public void attach(String originalName, String contentType, long size, String sha256, String storageKey,
                       String actor, Instant now) {
        documents.add(new VerificationDocument(this, originalName, contentType, size, sha256, storageKey, actor, now));
    }

    /** Message keys of what is still missing; empty when the record is complete. */
    public List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (incomeResult == null) {
            missing.add("verification.missing.income");
        }
        if (propertyResult == null) {
            missing.add("verification.missing.property");
        }
        if (familyResult == null) {
            missing.add("verification.missing.family");
        }
        if (visitDate == null || visitors == null || visitors.isBlank() || visitFindings == null || visitFindings.isBlank()) {
            missing.add("verification.missing.visit");
        }
        boolean discrepancyUnexplained = (incomeResult == CheckResult.DISCREPANCY && blank(incomeNotes))
                || (propertyResult == CheckResult.DISCREPANCY && blank(propertyNotes))
                || (familyResult == CheckResult.DISCREPANCY && blank(familyNotes));
        if (discrepancyUnexplained) {
            missing.add("verification.missing.discrepancyNotes");
        }
        return missing;
    }

    public boolean isComplete() {
        return missing().isEmpty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public Long getId() { return id; }
    public Long getApplicationId() { return applicationId; }
    public CheckResult getIncomeResult() { return incomeResult; }
    public String getIncomeNotes() { return incomeNotes; }
    public CheckResult getPropertyResult() { return propertyResult; }
    public String getPropertyNotes() { return propertyNotes; }
    public CheckResult getFamilyResult() { return familyResult; }
    public String getFamilyNotes() { return familyNotes; }
    public LocalDate getVisitDate() { return visitDate; }
    public String getVisitors() { return visitors; }
    public String getVisitFindings() { return visitFindings; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
    public List<VerificationDocument> getDocuments() { return Collections.unmodifiableList(documents); }
}
