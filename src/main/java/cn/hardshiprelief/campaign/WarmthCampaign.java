package cn.hardshiprelief.campaign;

import cn.hardshiprelief.fund.Fund;
import cn.hardshiprelief.organization.OrgUnit;
import cn.hardshiprelief.shared.ConflictException;
import jakarta.persistence.Column;
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

/** A warmth campaign: one union, one holiday, one fund, the list of households approved once as a batch. */
@Entity
@Table(name = "warmth_campaign")
public class WarmthCampaign {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "union_id")
    private OrgUnit union;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "county_union_id")
    private OrgUnit countyUnion;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "fund_id")
    private Fund fund;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Holiday holiday;

    @Column(name = "campaign_year", nullable = false)
    private int year;

    @Column(nullable = false)
    private String title;

    @Column(name = "filter_text")
    private String filterText;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CampaignStatus status;

    @Column(name = "household_count", nullable = false)
    private int householdCount;

    @Column(name = "total_amount", nullable = false, precision = 14, scale = 2)
    private BigDecimal totalAmount;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_comment")
    private String decisionComment;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Version
    private int version;

    protected WarmthCampaign() {
    }

    WarmthCampaign(OrgUnit union, OrgUnit countyUnion, Fund fund, Holiday holiday, int year, String title,
                   String filterText, int householdCount, BigDecimal totalAmount, String createdBy, Instant now) {
        this.union = union;
        this.countyUnion = countyUnion;
        this.fund = fund;
        this.holiday = holiday;
        this.year = year;
        this.title = title;
        this.filterText = filterText;
        this.householdCount = householdCount;
        this.totalAmount = totalAmount;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.status = CampaignStatus.AWAITING_APPROVAL;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void decided(boolean approved, String by, String comment, Instant now) {
        if (status != CampaignStatus.AWAITING_APPROVAL) {
            throw new ConflictException("campaign.wrongStatus", status);
        }
        this.status = approved ? CampaignStatus.PAYING : CampaignStatus.REJECTED;
        this.decidedBy = by;
        this.decisionComment = comment;
        this.decidedAt = now;
    }

    void completed(Instant now) {
        if (status != CampaignStatus.PAYING) {
            throw new ConflictException("campaign.wrongStatus", status);
        }
        this.status = CampaignStatus.COMPLETED;
        this.completedAt = now;
    }

    void lineRemoved(BigDecimal amount) {
        this.householdCount--;
        this.totalAmount = totalAmount.subtract(amount);
    }

    public Long getId() { return id; }
    public OrgUnit getUnion() { return union; }
    public OrgUnit getCountyUnion() { return countyUnion; }
    public Fund getFund() { return fund; }
    public Holiday getHoliday() { return holiday; }
    public int getYear() { return year; }
    public String getTitle() { return title; }
    public String getFilterText() { return filterText; }
    public CampaignStatus getStatus() { return status; }
    public int getHouseholdCount() { return householdCount; }
    public BigDecimal getTotalAmount() { return totalAmount; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getDecisionComment() { return decisionComment; }
    public Instant getCompletedAt() { return completedAt; }
    public String getProcessInstanceId() { return processInstanceId; }
}
