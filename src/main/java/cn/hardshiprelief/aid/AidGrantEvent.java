package cn.hardshiprelief.aid;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The history of a grant: who did what, when, and why. */
@Entity
@Table(name = "aid_grant_event")
public class AidGrantEvent {

    public enum Kind {
        REQUESTED, APPROVED_STEP, REJECTED, REFUSED, APPROVED, DISBURSED, PAYMENT_CONFIRMED, PAYMENT_FAILED,
        PAYEE_CORRECTED, RECEIVED, DELIVERED, CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "grant_id", nullable = false)
    private Long grantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    private String detail;

    @Column(name = "actor_username", nullable = false)
    private String actorUsername;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected AidGrantEvent() {
    }

    public AidGrantEvent(Long grantId, Kind kind, String detail, String actorUsername, Instant occurredAt) {
        this.grantId = grantId;
        this.kind = kind;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        this.actorUsername = actorUsername;
        this.occurredAt = occurredAt;
    }

    public Long getGrantId() { return grantId; }
    public Kind getKind() { return kind; }
    public String getDetail() { return detail; }
    public String getActorUsername() { return actorUsername; }
    public Instant getOccurredAt() { return occurredAt; }
}
