package cn.hardshiprelief.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The e-mail outbox. A mail is queued in the transaction of the notification it copies ({@link #enqueue}), so it
 * exists exactly when the notification does, and is sent after the commit by {@link #sendDue}, which the schedule
 * calls every half minute on every node: each due mail is claimed by one node in its own short transaction, sent
 * outside any transaction (a slow mail server holds no lock), and its outcome recorded in another. A refused or
 * failed try is tried again after a growing pause ({@link OutgoingMail#BACKOFF}); after the last it stays failed
 * and is listed for administrators at /admin/mail. E-mail is off, and nothing is queued, when no mail server is
 * configured ({@code spring.mail.host} unset: the demo on H2).
 */
@Service
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
    /** Mails one run sends at most; the rest wait for the next run. */
    static final int BATCH = 50;
    /** How long a node holds a mail it is sending before another may try it. */
    static final Duration LEASE = Duration.ofMinutes(5);

    private final OutgoingMailRepository mails;
    private final ObjectProvider<JavaMailSender> sender;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String from;

    MailOutbox(OutgoingMailRepository mails, ObjectProvider<JavaMailSender> sender,
               PlatformTransactionManager transactionManager, Clock clock,
               @Value("${hardship.notifications.mail.from:hardship-relief@localhost}") String from) {
        this.mails = mails;
        this.sender = sender;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.from = from;
    }

    /** Whether e-mail is on: a mail server is configured. */
    public boolean enabled() {
        return sender.getIfAvailable() != null;
    }

    /** Queues a mail in the caller's transaction; sent after it commits. */
    void enqueue(String recipient, String address, String subject, String body) {
        mails.save(new OutgoingMail(recipient, address, subject, body, clock.instant()));
    }

    /** Sends the mails that are due now; returns how many were sent. */
    public int sendDue() {
        return sendDue(clock.instant());
    }

    /** Sends the mails due at {@code now} (a later moment in tests stands for time having passed). */
    int sendDue(Instant now) {
        JavaMailSender mailSender = sender.getIfAvailable();
        if (mailSender == null) {
            return 0;
        }
        List<Long> due = mails.dueIds(OutgoingMail.Status.PENDING, now, PageRequest.of(0, BATCH));
        int sent = 0;
        for (Long id : due) {
            OutgoingMail mail = transaction.execute(status ->
                    mails.claim(id, OutgoingMail.Status.PENDING, now, now.plus(LEASE)) == 1
                            ? mails.findById(id).orElse(null) : null);
            if (mail != null && send(mailSender, mail, now)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(JavaMailSender mailSender, OutgoingMail mail, Instant now) {
        String error = null;
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(mail.getAddress());
            message.setSubject(mail.getSubject());
            message.setText(mail.getBody());
            mailSender.send(message);
        } catch (RuntimeException e) { // MailException, and whatever else a mail server makes the client throw
            error = e.getMessage();
            log.warn("Mail {} to {} not sent (try {}): {}", mail.getId(), mail.getRecipient(), mail.getAttempts(), error);
        }
        String failure = error;
        transaction.executeWithoutResult(status -> mails.findById(mail.getId()).ifPresent(stored -> {
            if (failure == null) {
                stored.sent(clock.instant());
            } else {
                stored.failed(failure, now);
            }
        }));
        return failure == null;
    }

    /** A page of the mails of one status for the administrators, the latest try first. */
    public Slice<OutgoingMail> list(OutgoingMail.Status status, int page, int size) {
        return mails.findByStatusOrderByNextAttemptAtDesc(status, PageRequest.of(page, size));
    }

    /** An administrator sends a failed mail again (a fresh series of tries); false when there is no failed mail of that id. */
    public boolean retry(Long id) {
        return Boolean.TRUE.equals(transaction.execute(status -> mails.findById(id)
                .filter(m -> m.getStatus() == OutgoingMail.Status.FAILED)
                .map(m -> {
                    m.retry(clock.instant());
                    return true;
                }).orElse(false)));
    }
}
