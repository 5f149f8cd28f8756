package cn.hardshiprelief.aid;

import cn.hardshiprelief.person.EncryptedAccountConverter;
import cn.hardshiprelief.vocabulary.SchoolingStage;
import cn.hardshiprelief.fund.Fund;
import cn.hardshiprelief.organization.OrgUnit;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.storage.StoredFile;
import cn.hardshiprelief.storage.UploadType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One grant of aid to one household (or, for emergency aid, one worker). Amount, standard version and
 * approval level are fixed when it is requested: a standard changed later applies to new requests only.
 * The {@code onceKey} holds a once-a-year grant (travel home, education per student, one warmth visit per
 * holiday) unique in the database while the grant counts; it is cleared when the grant is rejected,
 * refused or cancelled.
 */
@Entity
@Table(name = "aid_grant")
public class AidGrant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "grant_number")
    private String grantNumber;

    @Column(name = "request_token", unique = true)
    private String requestToken;

    @Column(name = "once_key", unique = true)
    private String onceKey;

    @Column(name = "file_id")
    private Long fileId;

    @Column(name = "beneficiary_name", nullable = false)
    private String beneficiaryName;

    @Column(name = "beneficiary_username")
    private String beneficiaryUsername;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "unit_id")
    private OrgUnit unit;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "granting_union_id")
    private OrgUnit grantingUnion;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "county_union_id")
    private OrgUnit countyUnion;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "fund_id")
    private Fund fund;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AidKind kind;

    /** The tier of the file when requested, or NONE for emergency aid to a worker not on file. */
    @Column(nullable = false)
    private String tier;

    @Enumerated(EnumType.STRING)
    private SchoolingStage stage;

    @Column(name = "student_name")
    private String studentName;

    /** The 金秋助学 student: a member of the household file, and their blind index (the same child in every file). */
    @Column(name = "student_member_id")
    private Long studentMemberId;

    @Column(name = "student_key")
    private String studentKey;

    private String holiday;

    /** The year of the holiday a warmth visit is for (a Spring Festival visit paid in December is next year's). */
    @Column(name = "holiday_year")
    private Integer holidayYear;

    @Column(name = "grant_year", nullable = false)
    private int year;

    @Column(precision = 12, scale = 2)
    private BigDecimal basis;

    @Column(name = "standard_amount", nullable = false, precision = 12, scale = 2)
    private BigDecimal standardAmount;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal supplement = BigDecimal.ZERO;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Column(name = "standard_version")
    private String standardVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "approval_level")
    private ApprovalLevel approvalLevel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private GrantStatus status;

    private String reason;

    /** What the checks found, one finding per line (shown to every approver). */
    private String findings;

    @Column(name = "payee_account")
    @Convert(converter = EncryptedAccountConverter.class)
    private String payeeAccount;

    @Column(name = "payee_bank")
    private String payeeBank;

    @Column(name = "proof_key")
    private String proofKey;

    @Column(name = "proof_name")
    private String proofName;

    @Column(name = "proof_type")
    private String proofType;

    @Column(name = "proof_size")
    private Long proofSize;

    /** The referral's outcome (service kinds) or the receipt note (cash kinds). */
    private String outcome;

    @Column(name = "campaign_id")
    private Long campaignId;

    /** Payments tried so far; the ledger key of the next payment is derived from it. */
    @Column(name = "payment_attempt", nullable = false)
    private int paymentAttempt;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Version
    private int version;

    protected AidGrant() {
    }

    AidGrant(Beneficiary beneficiary, AidKind kind, int year, String requestedBy, Instant now) {
        this.fileId = beneficiary.fileId();
        this.beneficiaryName = beneficiary.name();
        this.beneficiaryUsername = beneficiary.username();
        this.unit = beneficiary.unit();
        this.grantingUnion = beneficiary.grantingUnion();
        this.countyUnion = beneficiary.countyUnion();
        this.tier = beneficiary.tier();
        this.kind = kind;
        this.year = year;
        this.requestedBy = requestedBy;
        this.requestedAt = now;
        this.status = GrantStatus.REQUESTED;
    }

    /** 金秋助学 for a member of the household at a schooling stage. */
    void schooling(SchoolingStage stage, Beneficiary.Member student) {
        this.stage = stage;
        this.studentName = student.name();
        this.studentMemberId = student.id();
        this.studentKey = student.key();
    }

    /**
     * The same child as another education grant's: by the member's blind index, or for grants requested
     * before students were members (no key), by the name within the same file.
     */
    boolean sameStudentAs(AidGrant other) {
        if (studentKey != null && other.studentKey != null) {
            return studentKey.equals(other.studentKey);
        }
        return java.util.Objects.equals(fileId, other.fileId) && studentName != null
                && studentName.replaceAll("\\s+", "").equals(other.studentName == null ? null
                : other.studentName.replaceAll("\\s+", ""));
    }

    void price(BigDecimal basis, AidStandard standard, BigDecimal supplement, BigDecimal amount) {
        this.basis = basis;
        this.standardAmount = standard.amount() == null ? amount.subtract(supplement) : standard.amount();
        this.supplement = supplement;
        this.amount = amount;
        this.standardVersion = standard.version();
    }

    void requestDetails(Fund fund, String reason, String payeeAccount, String payeeBank, String requestToken,
                        String onceKey) {
        this.fund = fund;
        this.reason = reason;
        this.payeeAccount = payeeAccount;
        this.payeeBank = payeeBank;
        this.requestToken = requestToken;
        this.onceKey = onceKey;
    }

    void proof(StoredFile file) {
        if (file != null) {
            this.proofKey = file.key();
            this.proofName = file.originalName();
            this.proofType = file.type().name();
            this.proofSize = file.size();
        }
    }

    void campaign(Long campaignId, String holiday, int holidayYear) {
        this.campaignId = campaignId;
        this.holiday = holiday;
        this.holidayYear = holidayYear;
    }

    void findings(List<String> found) {
        this.findings = found.isEmpty() ? null : String.join("\n", found);
    }

    void numbered() {
        this.grantNumber = "JZ%d%08d".formatted(year, id);
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void levelDecided(ApprovalLevel level) {
        this.approvalLevel = level;
    }

    /** The final approval; cash grants then wait for disbursement, service grants for their outcome. */
    void approve() {
        require(GrantStatus.REQUESTED);
        status = GrantStatus.APPROVED;
    }

    void reject(Instant now) {
        require(GrantStatus.REQUESTED);
        close(GrantStatus.REJECTED, now);
    }

    void refuse(Instant now) {
        require(GrantStatus.REQUESTED);
        close(GrantStatus.REFUSED, now);
    }

    /** Approved by a campaign's batch approval. */
    void approveByCampaign(ApprovalLevel level) {
        require(GrantStatus.REQUESTED);
        approvalLevel = level;
        status = GrantStatus.APPROVED;
    }

    /** Written in the same transaction as the ledger entry with this key. */
    public String startPayment() {
        require(GrantStatus.APPROVED, GrantStatus.PAYMENT_FAILED);
        paymentAttempt++;
        status = GrantStatus.PAYING;
        return paymentKey();
    }

    /** The ledger key of the current payment attempt: derived from the grant, so a retry finds it. */
    public String paymentKey() {
        return "G%d-%d".formatted(id, paymentAttempt);
    }

    public void paymentConfirmed() {
        require(GrantStatus.PAYING);
        status = GrantStatus.PAID;
    }

    public void paymentFailed() {
        require(GrantStatus.PAYING);
        status = GrantStatus.PAYMENT_FAILED;
    }

    /** The bank details are corrected after a failed payment. */
    void correctPayee(String account, String bank) {
        require(GrantStatus.PAYMENT_FAILED);
        this.payeeAccount = account;
        this.payeeBank = bank;
    }

    void received(String note, Instant now) {
        require(GrantStatus.PAID);
        this.outcome = note;
        close(GrantStatus.RECEIVED, now);
    }

    void delivered(String outcome, Instant now) {
        require(GrantStatus.APPROVED);
        this.outcome = outcome;
        close(GrantStatus.DELIVERED, now);
    }

    void cancel(Instant now) {
        require(GrantStatus.PAYMENT_FAILED, GrantStatus.APPROVED, GrantStatus.REQUESTED);
        close(GrantStatus.CANCELLED, now);
    }

    /** Whether the fund still holds money reserved for this grant. */
    boolean holdsReservation() {
        return kind.cash() && (status == GrantStatus.REQUESTED || status == GrantStatus.APPROVED
                || status == GrantStatus.PAYMENT_FAILED);
    }

    private void close(GrantStatus to, Instant now) {
        status = to;
        closedAt = now;
        if (!to.counts()) {
            onceKey = null;
        }
    }

    private void require(GrantStatus... allowed) {
        if (!Arrays.asList(allowed).contains(status)) {
            throw new ConflictException("aid.grant.wrongStatus", grantNumber, status);
        }
    }

    public Long getId() { return id; }
    public String getGrantNumber() { return grantNumber; }
    public Long getFileId() { return fileId; }
    public String getBeneficiaryName() { return beneficiaryName; }
    public String getBeneficiaryUsername() { return beneficiaryUsername; }
    public OrgUnit getUnit() { return unit; }
    public OrgUnit getGrantingUnion() { return grantingUnion; }
    public OrgUnit getCountyUnion() { return countyUnion; }
    public Fund getFund() { return fund; }
    public AidKind getKind() { return kind; }
    public String getTier() { return tier; }
    public SchoolingStage getStage() { return stage; }
    public String getStudentName() { return studentName; }
    public Long getStudentMemberId() { return studentMemberId; }
    public String getStudentKey() { return studentKey; }
    public String getHoliday() { return holiday; }
    public Integer getHolidayYear() { return holidayYear; }
    public int getYear() { return year; }
    public BigDecimal getBasis() { return basis; }
    public BigDecimal getStandardAmount() { return standardAmount; }
    public BigDecimal getSupplement() { return supplement; }
    public BigDecimal getAmount() { return amount; }
    public String getStandardVersion() { return standardVersion; }
    public ApprovalLevel getApprovalLevel() { return approvalLevel; }
    public GrantStatus getStatus() { return status; }
    public String getReason() { return reason; }
    public List<String> getFindings() { return findings == null ? List.of() : List.of(findings.split("\n")); }
    public String getPayeeAccount() { return payeeAccount; }
    public String getPayeeBank() { return payeeBank; }
    public String getProofKey() { return proofKey; }
    public String getProofName() { return proofName; }
    public String getProofType() { return proofType; }
    /** The proof's media type, as its download sends it (image/png, application/pdf). */
    public String getProofContentType() { return proofType == null ? null : UploadType.valueOf(proofType).contentType(); }
    public Long getProofSize() { return proofSize; }
    public String getOutcome() { return outcome; }
    public Long getCampaignId() { return campaignId; }
    public int getPaymentAttempt() { return paymentAttempt; }
    public String getRequestedBy() { return requestedBy; }
    public Instant getRequestedAt() { return requestedAt; }
    public Instant getClosedAt() { return closedAt; }
    public String getProcessInstanceId() { return processInstanceId; }

    /** The account as lists show it: only the last four digits. */
    public String getPayeeAccountMasked() {
        return maskAccount(payeeAccount);
    }

    /** A bank account with all but its last four digits hidden. */
    public static String maskAccount(String account) {
        if (account == null || account.length() < 5) {
            return account;
        }
        return "*".repeat(account.length() - 4) + account.substring(account.length() - 4);
    }
}
