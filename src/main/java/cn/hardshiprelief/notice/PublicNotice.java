package cn.hardshiprelief.notice;

import cn.hardshiprelief.organization.OrgUnit;
import jakarta.persistence.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One household on public notice at its unit. Holds only masked data (张*明, 110***********1234):
 * the public page reads nothing else.
 */
@Entity
@Table(name = "public_notice")
public class PublicNotice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "application_id", nullable = false, unique = true)
    private Long applicationId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "unit_id")
    private OrgUnit unit;

    @Column(name = "masked_name", nullable = false)
    private String maskedName;

    @Column(name = "masked_id_number", nullable = false)
    private String maskedIdNumber;

    @Column(nullable = false)
    private String tier;

    @Column(name = "planned_aid")
    private String plannedAid;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NoticeStatus status;

    @OneToMany(mappedBy = "notice", cascade = CascadeType.ALL)
    @OrderBy("lodgedAt")
    private List<NoticeObjection> objections = new ArrayList<>();

    protected PublicNotice() {
    }

    public PublicNotice(Long applicationId, OrgUnit unit, String maskedName, String maskedIdNumber, String tier,
                        String plannedAid, LocalDate startsOn, LocalDate endsOn) {
        this.applicationId = applicationId;
        this.unit = unit;
        this.maskedName = maskedName;
        this.maskedIdNumber = maskedIdNumber;
        this.tier = tier;
        this.plannedAid = plannedAid;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.status = NoticeStatus.RUNNING;
    }

    NoticeObjection object(String reason, String contact, String sourceAddress, java.time.Instant now) {
        if (!status.acceptsObjections()) {
            throw new cn.hardshiprelief.shared.ConflictException("notice.closed");
        }
        NoticeObjection objection = new NoticeObjection(this, reason, contact, sourceAddress, now);
        objections.add(objection);
        status = NoticeStatus.OBJECTED;
        return objection;
    }

    /** The period was ended early (demo): the public page shows today as its last day. */
    void endsToday(LocalDate today) {
        if (endsOn.isAfter(today)) {
            this.endsOn = today;
        }
    }

    void close(NoticeStatus outcome) {
        this.status = outcome;
    }

    public Long getId() { return id; }
    public Long getApplicationId() { return applicationId; }
    public OrgUnit getUnit() { return unit; }
    public String getMaskedName() { return maskedName; }
    public String getMaskedIdNumber() { return maskedIdNumber; }
    public String getTier() { return tier; }
    public String getPlannedAid() { return plannedAid; }
    public LocalDate getStartsOn() { return startsOn; }
    public LocalDate getEndsOn() { return endsOn; }
    public NoticeStatus getStatus() { return status; }
    public List<NoticeObjection> getObjections() { return Collections.unmodifiableList(objections); }
}
