package cn.hardshiprelief.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what is due in the mail outbox every half minute, on every node (a mail is claimed by one node only).
 * Tests switch it off ({@code hardship.notifications.mail.polling=false}) and send the outbox themselves.
 */
@Component
@ConditionalOnProperty(name = "hardship.notifications.mail.polling", havingValue = "true", matchIfMissing = true)
class MailOutboxSchedule {

    private final MailOutbox outbox;

    MailOutboxSchedule(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @Scheduled(fixedDelayString = "${hardship.notifications.mail.poll-interval:PT30S}", initialDelayString = "PT30S")
    void sendDue() {
        outbox.sendDue();
    }
}
