package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.vocabulary.HardshipCause;
import cn.hardshiprelief.vocabulary.Tier;
import cn.hardshiprelief.vocabulary.Relation;
import cn.hardshiprelief.vocabulary.HousingType;

import cn.hardshiprelief.organization.OrgUnit;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ConflictException;
import jakarta.persistence.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.*;
import java.util.stream.Collectors;

/**
 * An enrollment application (困难职工申请表). State changes are the methods below; each checks the
 * current state and records a line in the timeline.
 */
@Entity
@Table(name = "enrollment_application")
public class EnrollmentApplication {

    /** Above this per-person monthly income a figure is certainly a typing error (yuan). */
    public static final BigDecimal MAX_MONTHLY_INCOME = new BigDecimal("100000.00");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "application_number", unique = true)
    private String applicationNumber;

    @Column(name = "request_token", nullable = false, unique = true)
    private String requestToken;

    @Column(name = "applicant_username", nullable = false)
    private String applicantUsername;

    @Column(name = "filed_by_username", nullable = false)
    private String filedByUsername;

    /** The applicant's company on the enterprise route; null on the union route. */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "company_id")
    private OrgUnit company;

    /** The applicant's own unit: a department of a company, or a workplace under a branch union. */
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "department_id")
    private OrgUnit department;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Route route;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "branch_union_id")
    private OrgUnit branchUnion;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "county_union_id")
    private OrgUnit countyUnion;

    @Column(name = "region_code")
    private String regionCode;

    /** The applicant's hire date (入职日期), for the year of service of plan 11 二、4. */
    @Column(name = "hire_date")
    private LocalDate hireDate;

    @Column(name = "medical_costs_half_year", precision = 12, scale = 2)
    private BigDecimal medicalCostsHalfYear;

    @Column(name = "one_off_costs", precision = 12, scale = 2)
    private BigDecimal oneOffCosts;

    @Enumerated(EnumType.STRING)
    private Tier tier;

    @Column(name = "classification_reason")
    private String classificationReason;

    /** The message code of the classification rule that decided (classification.rule.&lt;ruleId&gt;), or null. */
    @Column(name = "classification_reason_code")
    private String classificationReasonCode;

    @Column(name = "dibao_line", precision = 10, scale = 2)
    private BigDecimal dibaoLine;

    @Column(name = "receives_dibao")
    private Boolean receivesDibao;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApplicationStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "housing_type")
    private HousingType housingType;

    @Column(name = "housing_area", precision = 8, scale = 2)
    private BigDecimal housingArea;

    @Column(name = "housing_note")
    private String housingNote;

    @Enumerated(EnumType.STRING)
    @Column(name = "primary_cause")
    private HardshipCause primaryCause;

    @Column(name = "secondary_causes")
    private String secondaryCauses;

    private String account;

    @Column(name = "household_income", precision = 12, scale = 2)
    private BigDecimal householdIncome;

    @Column(name = "per_capita_income", precision = 12, scale = 2)
    private BigDecimal perCapitaIncome;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    /**
     * The applicant's username while the application is open ({@link ApplicationStatus#inProgress()}),
     * null otherwise. Its unique index makes one open application per worker (一户一档) a rule of the
     * database too: of two first applications of one worker submitted at the same moment, which both
     * pass {@link OneHouseholdPerWorker}, only one commits.
     */
    @Column(name = "open_key", unique = true)
    private String openKey;

    @Column(name = "returned_from")
    private String returnedFrom;

    @Column(name = "return_reason")
    private String returnReason;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "concluded_at")
    private Instant concludedAt;

    @Version
    private int version;

    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("ordinal")
    private List<HouseholdMember> members = new ArrayList<>();

    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Evidence> evidence = new ArrayList<>();

    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL)
    @OrderBy("occurredAt, id")
    private List<ApplicationEvent> events = new ArrayList<>();

    protected EnrollmentApplication() {
    }

    private EnrollmentApplication(String requestToken, String applicantUsername, String filedByUsername,
                                  OrgUnit unit, Instant now) {
        this.requestToken = requestToken;
        this.applicantUsername = applicantUsername;
        this.filedByUsername = filedByUsername;
        this.route = Route.of(unit);
        this.company = unit.company();
        this.department = unit;
        this.branchUnion = route == Route.UNION ? unit.branchUnion() : null;
        this.countyUnion = unit.countyUnion();
        this.regionCode = unit.region();
        moveTo(ApplicationStatus.DRAFT);
        this.createdAt = now;
    }

    /**
     * A new draft for the applicant's unit, filed by the applicant or by union staff for them. The
     * unit decides the route: a company's department takes the enterprise chain, a workplace under
     * a branch union the union route.
     */
    public static EnrollmentApplication draft(String requestToken, String applicantUsername, String filedByUsername,
                                              OrgUnit unit, Instant now) {
        if (unit.company() == null && (unit.branchUnion() == null || unit.countyUnion() == null)) {
            throw new BusinessException("application.noRoute", unit.getName());
        }
        return new EnrollmentApplication(requestToken, applicantUsername, filedByUsername, unit, now);
    }

    /**
     * 返困快速通道: a new application for an exited household that fell back, pre-filled from its
     * last application (its evidence copied, so it is as complete as that one was and a return for
     * correction can be resubmitted), already in review and routed straight to the branch union's verification.
     */
    public static EnrollmentApplication relapseOf(EnrollmentApplication previous, List<HouseholdMember> members,
                                                  List<Evidence> evidence, OrgUnit branchUnion, String requestToken,
                                                  String filedBy, String filedByName, String reason, Instant now) {
        EnrollmentApplication application = new EnrollmentApplication(requestToken, previous.applicantUsername, filedBy,
                previous.department, now);
        application.route = Route.RELAPSE;
        application.branchUnion = branchUnion;
        application.describe(new HouseholdDetails(previous.hireDate, previous.housingType, previous.housingArea, previous.housingNote,
                previous.primaryCause, previous.getSecondaryCauses(), previous.account, previous.medicalCostsHalfYear,
                previous.oneOffCosts, members));
        evidence.forEach(application::attach);
        application.moveTo(ApplicationStatus.IN_REVIEW);
        application.submittedAt = now;
        application.record(null, "applicationSubmitted", EventOutcome.SUBMITTED, "返困：" + reason, filedBy, filedByName, now);
        return application;
    }

    /** Numbers an application saved for the first time outside {@link #submit} (a relapse). */
    public void numberAs(Instant now) {
        if (applicationNumber == null) {
            this.applicationNumber = "SQ" + now.atZone(java.time.ZoneId.of("Asia/Shanghai")).getYear()
                    + String.format("%06d", id);
        }
    }

    /** Replaces what the applicant states. Only a draft or a returned application may change. */
    public void describe(HouseholdDetails details) {
        requireEditable();
        this.hireDate = details.hireDate();
        this.housingType = details.housingType();
        this.housingArea = details.housingArea();
        this.housingNote = details.housingNote();
        this.primaryCause = details.primaryCause();
        Set<HardshipCause> secondary = new TreeSet<>(details.secondaryCauses());
        if (details.primaryCause() != null) {
            secondary.remove(details.primaryCause());
        }
        this.secondaryCauses = secondary.stream().map(Enum::name).collect(Collectors.joining(","));
        this.account = details.account();
        this.medicalCostsHalfYear = details.medicalCostsHalfYear();
        this.oneOffCosts = details.oneOffCosts();
        this.members.clear();
        int ordinal = 0;
        for (HouseholdMember member : details.members()) {
            member.belongTo(this, ordinal++);
            this.members.add(member);
        }
        recomputeIncome();
    }

    public void attach(Evidence document) {
        requireEditable();
        document.belongTo(this);
        evidence.add(document);
    }

    /** Removes a document and returns it, so its stored bytes can be deleted after commit. */
    public Evidence detach(Long evidenceId) {
        requireEditable();
        Evidence document = evidence.stream().filter(e -> e.getId().equals(evidenceId)).findFirst()
                .orElseThrow(() -> new BusinessException("evidence.notFound"));
        evidence.remove(document);
        return document;
    }

    /**
     * A draft is discarded: deleted by whoever filed it, with its members and uploads. Only a draft: once
     * submitted, an application is part of the record. Returns the storage keys of its uploads, whose
     * bytes go after the commit.
     */
    public List<String> discard() {
        if (status != ApplicationStatus.DRAFT) {
            throw new ConflictException("application.onlyDraftsDeleted", applicationNumber);
        }
        return evidence.stream().map(Evidence::getStorageKey).toList();
    }

    /** Sends a draft into review. Fails with every missing part named, so the applicant fixes all at once. */
    public void submit(String actorUsername, String actorName, Instant now) {
        if (status != ApplicationStatus.DRAFT) {
            throw new ConflictException("application.alreadySubmitted", applicationNumber);
        }
        List<String> missing = missingForSubmission();
        if (!missing.isEmpty()) {
            throw new IncompleteApplicationException(missing);
        }
        moveTo(ApplicationStatus.IN_REVIEW);
        this.submittedAt = now;
        this.applicationNumber = "SQ" + now.atZone(java.time.ZoneId.of("Asia/Shanghai")).getYear()
                + String.format("%06d", id);
        record(null, "applicationSubmitted", EventOutcome.SUBMITTED, null, actorUsername, actorName, now);
    }

    /** Message keys of what is still missing before the application may be submitted or resubmitted. */
    public List<String> missingForSubmission() {
        List<String> missing = new ArrayList<>();
        if (members.isEmpty()) {
            missing.add("application.missing.members");
        } else if (members.stream().noneMatch(m -> m.getRelation() == Relation.SELF)) {
            missing.add("application.missing.self");
        }
        if (hireDate == null && route == Route.ENTERPRISE) {
            missing.add("application.missing.hireDate");
        }
        if (housingType == null) {
            missing.add("application.missing.housing");
        }
        if (primaryCause == null) {
            missing.add("application.missing.primaryCause");
        }
        if (!hasEvidence(EvidenceType.HARDSHIP_CERTIFICATE)) {
            missing.add("application.missing.hardshipCertificate");
        }
        if (causes().contains(HardshipCause.ILLNESS) && !hasEvidence(EvidenceType.MEDICAL_BILLS)) {
            missing.add("application.missing.medicalBills");
        }
        boolean disabled = causes().contains(HardshipCause.DISABILITY)
                || members.stream().anyMatch(HouseholdMember::hasDisability);
        if (disabled && !hasEvidence(EvidenceType.DISABILITY_CERTIFICATE)) {
            missing.add("application.missing.disabilityCertificate");
        }
        return missing;
    }

    public void startedAs(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** A reviewer approved this step; the process moves on to the next one. */
    public void approveStep(String step, String taskId, String actorUsername, String actorName, String comment,
                            Instant now) {
        requireInReview();
        record(taskId, step, EventOutcome.APPROVED, comment, actorUsername, actorName, now);
    }

    /** A reviewer sends the application back to whoever filed it; it re-enters at {@code step}. */
    public void returnForCorrection(String step, String taskId, String actorUsername, String actorName,
                                    String reason, Instant now) {
        requireInReview();
        requireReason(reason);
        moveTo(ApplicationStatus.RETURNED);
        this.returnedFrom = step;
        this.returnReason = reason;
        record(taskId, step, EventOutcome.RETURNED, reason, actorUsername, actorName, now);
    }

    /** 回退: the reviewer at {@code step} sends the application back to an earlier review step, with a reason. */
    public void sendBack(String step, String toStep, String taskId, String actorUsername, String actorName,
                         String reason, Instant now) {
        requireInReview();
        requireReason(reason);
        record(taskId, step, EventOutcome.SENT_BACK, reason, actorUsername, actorName, now);
    }

    /**
     * 撤回: whoever filed it takes the application back from the review step open now, to change and resubmit it —
     * only while that step has not acted (no decision since it was last submitted). Review resumes at that step.
     */
    public void withdraw(String openStep, String actorUsername, String actorName, Instant now) {
        requireInReview();
        ApplicationEvent last = events.stream().filter(e -> e.getOutcome() != EventOutcome.WITHDRAWN)
                .reduce((first, second) -> second).orElse(null);
        boolean untouched = last != null && (last.getOutcome() == EventOutcome.SUBMITTED
                || last.getOutcome() == EventOutcome.RESUBMITTED);
        if (!untouched) {
            throw new ConflictException("application.withdrawTooLate", applicationNumber);
        }
        moveTo(ApplicationStatus.RETURNED);
        this.returnedFrom = openStep;
        this.returnReason = null;
        record(null, openStep, EventOutcome.WITHDRAWN, null, actorUsername, actorName, now);
    }

    /** 取消: whoever filed it ends the application under review or back with them, with a reason; it is final. */
    public void cancel(String reason, String actorUsername, String actorName, Instant now) {
        if (status != ApplicationStatus.IN_REVIEW && status != ApplicationStatus.RETURNED) {
            throw new ConflictException("application.cancelTooLate", applicationNumber);
        }
        requireReason(reason);
        moveTo(ApplicationStatus.CANCELLED);
        this.concludedAt = now;
        record(null, "applicationCancelled", EventOutcome.CANCELLED, reason, actorUsername, actorName, now);
    }

    /** The corrected application goes back to the step that returned it. */
    public void resubmit(String taskId, String actorUsername, String actorName, String note, Instant now) {
        if (status != ApplicationStatus.RETURNED) {
            throw new ConflictException("application.notReturned", applicationNumber);
        }
        List<String> missing = missingForSubmission();
        if (!missing.isEmpty()) {
            throw new IncompleteApplicationException(missing);
        }
        moveTo(ApplicationStatus.IN_REVIEW);
        record(taskId, "correctApplication", EventOutcome.RESUBMITTED, note, actorUsername, actorName, now);
    }

    public void reject(String step, String taskId, String actorUsername, String actorName, String reason,
                       Instant now) {
        requireInReview();
        requireReason(reason);
        moveTo(ApplicationStatus.REJECTED);
        this.rejectionReason = reason;
        this.concludedAt = now;
        record(taskId, step, EventOutcome.REJECTED, reason, actorUsername, actorName, now);
    }

    /** The classification decided by the {@code classifyHardship} DMN, with the dibao line it used. */
    public void classify(Tier tier, String reason, String reasonCode, BigDecimal dibaoLine, boolean receivesDibao,
                         Instant now) {
        if (status != ApplicationStatus.IN_REVIEW && status != ApplicationStatus.APPROVED) {
            throw new ConflictException("application.notInReview", applicationNumber);
        }
        this.tier = tier;
        this.classificationReason = reason;
        this.classificationReasonCode = reasonCode;
        this.dibaoLine = dibaoLine;
        this.receivesDibao = receivesDibao;
        if (!tier.eligible()) {
            moveTo(ApplicationStatus.NOT_ELIGIBLE);
            this.concludedAt = now;
        }
        events.add(new ApplicationEvent(this, null, "classifyHardship",
                tier.eligible() ? EventOutcome.CLASSIFIED : EventOutcome.NOT_ELIGIBLE, reason, "system", "系统", now)
                .withCommentCode(reasonCode));
    }

    /** A member is in another active household file: filing is blocked (no 一户多档 / 一人多档). */
    public void blockAsDuplicate(String fileNumbers, Instant now) {
        moveTo(ApplicationStatus.BLOCKED);
        this.rejectionReason = fileNumbers;
        this.concludedAt = now;
        record(null, "matchCivilAffairsRecords", EventOutcome.BLOCKED, fileNumbers, "system", "系统", now);
    }

    public void putOnNotice(Instant now) {
        if (tier == null || !tier.eligible()) {
            throw new ConflictException("application.notClassified", applicationNumber);
        }
        moveTo(ApplicationStatus.IN_NOTICE);
        record(null, "startPublicNotice", EventOutcome.ON_NOTICE, null, "system", "系统", now);
    }

    /** An objection to the notice was upheld by the county union (whose decision is already on the timeline). */
    public void rejectAfterObjection(String actorUsername, String actorName, String reason, Instant now) {
        if (status != ApplicationStatus.IN_NOTICE) {
            throw new ConflictException("application.notOnNotice", applicationNumber);
        }
        moveTo(ApplicationStatus.REJECTED);
        this.rejectionReason = reason;
        this.concludedAt = now;
    }

    public void filed(String fileNumber, Instant now) {
        if (status != ApplicationStatus.IN_NOTICE) {
            throw new ConflictException("application.notOnNotice", applicationNumber);
        }
        moveTo(ApplicationStatus.FILED);
        this.concludedAt = now;
        record(null, "fileHousehold", EventOutcome.FILED, fileNumber, "system", "系统", now);
    }

    /** Records a decision that is not one of the review steps (e.g. on an objection). */
    public void note(String step, String taskId, EventOutcome outcome, String comment, String actorUsername,
                     String actorName, Instant now) {
        record(taskId, step, outcome, comment, actorUsername, actorName, now);
    }

    /** A note the system words: its comment is rendered from the code in the reader's language where one exists. */
    public void noteCoded(String step, EventOutcome outcome, String comment, String commentCode, Instant now) {
        events.add(new ApplicationEvent(this, null, step, outcome, comment, "system", "系统", now)
                .withCommentCode(commentCode));
    }

    /** The general office approved: the household is on the confirmed list (确认困难职工清单). */
    public void confirm(Instant now) {
        requireInReview();
        moveTo(ApplicationStatus.APPROVED);
        this.concludedAt = now;
        record(null, "confirmHardshipWorker", EventOutcome.CONFIRMED, null, "system", "系统", now);
    }

    /**
     * Whole months of service from the hire date to the day the application was submitted (in
     * China), so a case classified again later still counts the same service; null without a hire
     * date. The threshold itself (12 months) is in {@code classifyHardship}.
     */
    public Integer monthsOfServiceAtSubmission() {
        if (hireDate == null || submittedAt == null) {
            return null;
        }
        LocalDate submittedOn = submittedAt.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
        return (int) Math.max(0, ChronoUnit.MONTHS.between(hireDate, submittedOn));
    }

    public boolean isEditable() {
        return status == ApplicationStatus.DRAFT || status == ApplicationStatus.RETURNED;
    }

    public Set<HardshipCause> causes() {
        Set<HardshipCause> all = new TreeSet<>(getSecondaryCauses());
        if (primaryCause != null) {
            all.add(primaryCause);
        }
        return all;
    }

    public boolean hasEvidence(EvidenceType type) {
        return evidence.stream().anyMatch(e -> e.getType() == type);
    }

    private void recomputeIncome() {
        householdIncome = members.stream().map(HouseholdMember::getMonthlyIncome)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        perCapitaIncome = members.isEmpty() ? null
                : householdIncome.divide(BigDecimal.valueOf(members.size()), 2, RoundingMode.HALF_UP);
    }

    private void record(String taskId, String step, EventOutcome outcome, String comment, String actorUsername,
                        String actorName, Instant now) {
        events.add(new ApplicationEvent(this, taskId, step, outcome, comment, actorUsername, actorName, now));
    }

    /**
     * Every change of status passes here, so the open key follows the status: taken when the
     * application opens, kept while it moves between open states, dropped when it closes. (An
     * application already open when the key was introduced may have none; it gets none until it closes.)
     */
    private void moveTo(ApplicationStatus next) {
        boolean wasOpen = status != null && status.inProgress();
        this.status = next;
        if (!next.inProgress()) {
            this.openKey = null;
        } else if (!wasOpen) {
            this.openKey = applicantUsername;
        }
    }

    private void requireEditable() {
        if (!isEditable()) {
            throw new ConflictException("application.notEditable", applicationNumber);
        }
    }

    private void requireInReview() {
        if (status != ApplicationStatus.IN_REVIEW) {
            throw new ConflictException("application.notInReview", applicationNumber);
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessException("review.commentRequired");
        }
    }

    public Long getId() { return id; }
    public String getApplicationNumber() { return applicationNumber; }
    public String getRequestToken() { return requestToken; }
    public String getApplicantUsername() { return applicantUsername; }
    public String getFiledByUsername() { return filedByUsername; }
    public OrgUnit getCompany() { return company; }
    public Route getRoute() { return route; }
    public OrgUnit getBranchUnion() { return branchUnion; }
    public OrgUnit getCountyUnion() { return countyUnion; }
    public String getRegionCode() { return regionCode; }
    public LocalDate getHireDate() { return hireDate; }
    public BigDecimal getMedicalCostsHalfYear() { return medicalCostsHalfYear; }
    public BigDecimal getOneOffCosts() { return oneOffCosts; }
    public Tier getTier() { return tier; }
    public String getClassificationReason() { return classificationReason; }
    public String getClassificationReasonCode() { return classificationReasonCode; }
    public BigDecimal getDibaoLine() { return dibaoLine; }
    public Boolean getReceivesDibao() { return receivesDibao; }
    /** The unit whose public notice shows this household: the branch union, else the company. */
    public OrgUnit noticeUnit() { return route.usesBranchUnion() && branchUnion != null ? branchUnion : company; }
    public OrgUnit getDepartment() { return department; }
    public ApplicationStatus getStatus() { return status; }
    public HousingType getHousingType() { return housingType; }
    public BigDecimal getHousingArea() { return housingArea; }
    public String getHousingNote() { return housingNote; }
    public HardshipCause getPrimaryCause() { return primaryCause; }
    public String getAccount() { return account; }
    public BigDecimal getHouseholdIncome() { return householdIncome; }
    public BigDecimal getPerCapitaIncome() { return perCapitaIncome; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getReturnedFrom() { return returnedFrom; }
    public String getReturnReason() { return returnReason; }
    public String getRejectionReason() { return rejectionReason; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Instant getConcludedAt() { return concludedAt; }
    public List<HouseholdMember> getMembers() { return Collections.unmodifiableList(members); }
    public List<Evidence> getEvidence() { return Collections.unmodifiableList(evidence); }
    public List<ApplicationEvent> getEvents() { return Collections.unmodifiableList(events); }

    public Set<HardshipCause> getSecondaryCauses() {
        if (secondaryCauses == null || secondaryCauses.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(secondaryCauses.split(",")).map(HardshipCause::valueOf)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
