package cn.hardshiprelief.notification;

import jakarta.persistence.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One e-mail in the outbox: written in the transaction of the notification it copies, sent after the commit by
 * {@link MailOutbox}, tried again with growing pauses when the mail server refuses or cannot be reached, and kept
 * as failed after the last try for the administrators to see and send again (/admin/mail).
 */
@Entity
@Table(name = "outgoing_mail")
public class OutgoingMail {

    public enum Status { PENDING, SENT, FAILED }

    /** The pause after the n-th failed try; after the last one the mail is failed. Six tries over about 15 hours. */
    static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(12));
    static final int MAX_ATTEMPTS = BACKOFF.size() + 1;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String recipient;

    @Column(nullable = false, length = 254)
    private String address;

    @Column(nullable = false, length = 500)
    private String subject;

    @Column(nullable = false, length = 4000)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status = Status.PENDING;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutgoingMail() {
    }

    OutgoingMail(String recipient, String address, String subject, String body, Instant now) {
        this.recipient = recipient;
        this.address = address;
        this.subject = cut(subject, 500);
        this.body = cut(body, 4000);
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    void sent(Instant now) {
        status = Status.SENT;
        sentAt = now;
        lastError = null;
    }

    /** A try failed (its attempt already counted when the try began): try again after a pause, or give up. */
    void failed(String error, Instant now) {
        lastError = cut(error == null ? "unknown error" : error, 1000);
        if (attempts >= MAX_ATTEMPTS) {
            status = Status.FAILED;
            nextAttemptAt = now;
        } else {
            nextAttemptAt = now.plus(BACKOFF.get(Math.max(0, attempts - 1)));
        }
    }

    /** An administrator sends a failed mail again: a fresh series of tries, starting now. */
    void retry(Instant now) {
        if (status != Status.FAILED) {
            throw new IllegalStateException("Only a failed mail is sent again, not one " + status);
        }
        status = Status.PENDING;
        attempts = 0;
        nextAttemptAt = now;
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    public Long getId() { return id; }
    public String getRecipient() { return recipient; }
    public String getAddress() { return address; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public Status getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public String getLastError() { return lastError; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }
}
