package cn.hardshiprelief.notice;

import jakarta.persistence.*;

import java.time.Instant;

/** An objection lodged by anyone against a household on notice: reason and a contact for the follow-up. */
@Entity
@Table(name = "notice_objection")
public class NoticeObjection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "notice_id")
    private PublicNotice notice;

    @Column(nullable = false)
    private String reason;

    @Column(nullable = false)
    private String contact;

    @Column(name = "lodged_at", nullable = false)
    private Instant lodgedAt;

    @Column(name = "source_address")
    private String sourceAddress;

    protected NoticeObjection() {
    }

    NoticeObjection(PublicNotice notice, String reason, String contact, String sourceAddress, Instant lodgedAt) {
        this.notice = notice;
        this.reason = reason;
        this.contact = contact;
        this.sourceAddress = sourceAddress;
        this.lodgedAt = lodgedAt;
    }

    public Long getId() { return id; }
    public String getReason() { return reason; }
    public String getContact() { return contact; }
    public Instant getLodgedAt() { return lodgedAt; }
}
