package cn.hardshiprelief.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One time personal data was shown: who, when, what (kind, record, a short description such as the file number)
 * and from which address. Written once, never changed.
 */
@Entity
@Table(name = "access_log")
public class AccessLogEntry {

    /** What was shown; the record id is that of the record named here. */
    public enum Kind {
        /** A household file (困难职工档案); record: the file. */
        HOUSEHOLD_FILE(false),
        /** An enrollment application's page or its API view; record: the application. */
        APPLICATION(true),
        /** The review page of a task showing an application; record: the application. */
        REVIEW_TASK(true),
        /** The 三查一访 page of an application on the union route; record: the application. */
        VERIFICATION(true),
        /** An uploaded evidence document of an application; record: the application. */
        EVIDENCE(true),
        /** The uploaded proof of an aid grant; record: the grant. */
        AID_PROOF(false),
        /** A bank batch file with full account numbers; record: the batch. */
        BANK_BATCH_FILE(false);

        private final boolean ofApplication;

        Kind(boolean ofApplication) {
            this.ofApplication = ofApplication;
        }

        /** Whether the record id is an enrollment application's (so it belongs to the file filed from it). */
        public boolean ofApplication() {
            return ofApplication;
        }
    }

    static final int USERNAME_LENGTH = 64;
    static final int SUBJECT_LENGTH = 200;
    static final int ADDRESS_LENGTH = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "record_id", nullable = false)
    private Long recordId;

    private String subject;

    private String address;

    @Column(name = "accessed_at", nullable = false)
    private Instant accessedAt;

    protected AccessLogEntry() {
    }

    AccessLogEntry(String username, Kind kind, Long recordId, String subject, String address, Instant accessedAt) {
        this.username = cut(username, USERNAME_LENGTH);
        this.kind = kind;
        this.recordId = recordId;
        this.subject = cut(subject, SUBJECT_LENGTH);
        this.address = cut(address, ADDRESS_LENGTH);
        this.accessedAt = accessedAt;
    }

    /** Values fit their columns whatever a file name or a forwarded address holds. */
    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public Kind getKind() { return kind; }
    public Long getRecordId() { return recordId; }
    public String getSubject() { return subject; }
    public String getAddress() { return address; }
    public Instant getAccessedAt() { return accessedAt; }
}
