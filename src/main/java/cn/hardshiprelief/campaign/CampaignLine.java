package cn.hardshiprelief.campaign;

import cn.hardshiprelief.shared.ConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/** One household on a campaign's list, with its amount, its grant once paid, and its visit. */
@Entity
@Table(name = "warmth_campaign_line")
public class CampaignLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "line_index", nullable = false)
    private int lineIndex;

    @Column(name = "file_id", nullable = false)
    private Long fileId;

    @Column(name = "head_name", nullable = false)
    private String headName;

    @Column(nullable = false)
    private String tier;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LineStatus status;

    @Column(name = "grant_id")
    private Long grantId;

    private String problem;

    @Column(name = "visited_at")
    private Instant visitedAt;

    @Column(name = "visited_by")
    private String visitedBy;

    @Column(name = "visit_note")
    private String visitNote;

    protected CampaignLine() {
    }

    void paid(Long grantId) {
        if (status != LineStatus.SELECTED && status != LineStatus.FAILED) {
            throw new ConflictException("campaign.line.wrongStatus", headName, status);
        }
        this.grantId = grantId;
        this.status = LineStatus.PAID;
        this.problem = null;
    }

    void failed(String problem) {
        this.status = LineStatus.FAILED;
        this.problem = problem == null || problem.length() <= 500 ? problem : problem.substring(0, 500);
    }

    void remove() {
        if (status != LineStatus.FAILED) {
            throw new ConflictException("campaign.line.wrongStatus", headName, status);
        }
        this.status = LineStatus.REMOVED;
    }

    void visited(String by, String note, Instant now) {
        if (status != LineStatus.PAID) {
            throw new ConflictException("campaign.line.wrongStatus", headName, status);
        }
        this.visitedBy = by;
        this.visitNote = note;
        this.visitedAt = now;
    }

    public Long getId() { return id; }
    public Long getCampaignId() { return campaignId; }
    public int getLineIndex() { return lineIndex; }
    public Long getFileId() { return fileId; }
    public String getHeadName() { return headName; }
    public String getTier() { return tier; }
    public BigDecimal getAmount() { return amount; }
    public LineStatus getStatus() { return status; }
    public Long getGrantId() { return grantId; }
    public String getProblem() { return problem; }
    public Instant getVisitedAt() { return visitedAt; }
    public String getVisitedBy() { return visitedBy; }
    public String getVisitNote() { return visitNote; }
}
