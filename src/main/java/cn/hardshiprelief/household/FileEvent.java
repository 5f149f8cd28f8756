package cn.hardshiprelief.household;

import cn.hardshiprelief.vocabulary.Tier;

import jakarta.persistence.*;

import java.time.Instant;

/** The history of a file: every status change, re-check, reminder, escalation and change report — who, when, why. */
@Entity
@Table(name = "household_file_event")
public class FileEvent {

    private static final String ARG_SEPARATOR = "\u001f";

    public enum Kind {
        FILED, RECHECKED, REMINDED, ESCALATED, CHANGE_REPORTED, STATUS_CHANGED, RECLASSIFIED, WATCH_VISIT, RELAPSED,
        CANCELLED, MEMBERS_UPDATED, INCOME_CORRECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "file_id", nullable = false)
    private Long fileId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    private FileStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    private FileStatus toStatus;

    /** What a person wrote (findings, a note, a reason); the system's own words are a code and its arguments. */
    private String detail;

    /** A message code for what the system says of the event, rendered in the reader's language. */
    @Column(name = "detail_code")
    private String detailCode;

    /** The code's arguments, separated by U+001F; for a classification rule, the decision table's own words. */
    @Column(name = "detail_args")
    private String detailArgs;

    /** The tier before and after (filing, re-classification): codes, labelled in the reader's language. */
    @Enumerated(EnumType.STRING)
    @Column(name = "from_tier")
    private Tier fromTier;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_tier")
    private Tier toTier;

    @Column(name = "actor_username", nullable = false)
    private String actorUsername;

    @Column(name = "actor_name", nullable = false)
    private String actorName;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    protected FileEvent() {
    }

    FileEvent(Long fileId, Kind kind, FileStatus fromStatus, FileStatus toStatus, String detail, String actorUsername,
              String actorName, Instant occurredAt) {
        this.fileId = fileId;
        this.kind = kind;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.detail = detail;
        this.actorUsername = actorUsername;
        this.actorName = actorName;
        this.occurredAt = occurredAt;
    }

    /** The same event with the system's words as a message code and its arguments. */
    FileEvent saying(String code, String... args) {
        this.detailCode = code;
        this.detailArgs = args.length == 0 ? null : String.join(ARG_SEPARATOR, args);
        return this;
    }

    /** The same event with the tier it moved the file from and to. */
    FileEvent withTiers(Tier from, Tier to) {
        this.fromTier = from;
        this.toTier = to;
        return this;
    }

    /** Written by the system rather than a person (shown as 系统 / System in the reader's language). */
    public boolean isBySystem() {
        return "system".equals(actorUsername);
    }

    public Tier getFromTier() { return fromTier; }
    public Tier getToTier() { return toTier; }
    public Kind getKind() { return kind; }
    public FileStatus getFromStatus() { return fromStatus; }
    public FileStatus getToStatus() { return toStatus; }
    public String getDetail() { return detail; }
    public String getDetailCode() { return detailCode; }
    public Object[] getDetailArgArray() { return detailArgs == null ? new Object[0] : detailArgs.split(ARG_SEPARATOR, -1); }
    /** The words shown where the reader's language has no message for the code: its first argument, if any. */
    public String getDetailDefault() { return detailArgs == null ? "" : detailArgs.split(ARG_SEPARATOR, -1)[0]; }
    public String getActorName() { return actorName; }
    public Instant getOccurredAt() { return occurredAt; }
}
