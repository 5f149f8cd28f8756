package cn.hardshiprelief.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * E-mail for people who asked for it (an address and the choice on /notifications/settings): the notification's
 * text in Chinese, with the link to the case, queued in the {@link MailOutbox} and sent after the commit. Does
 * nothing while e-mail is off (no mail server configured).
 */
@Component
@Order(10)
class EmailChannel implements NotificationChannel {

    private static final Locale MAIL_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final MailOutbox outbox;
    private final NotificationTexts texts;
    private final MessageSource messages;
    private final String baseUrl;

    EmailChannel(MailOutbox outbox, NotificationTexts texts, MessageSource messages,
                 @Value("${hardship.notifications.base-url:}") String baseUrl) {
        this.outbox = outbox;
        this.texts = texts;
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public void deliver(Notification notification, Recipient recipient) {
        if (!recipient.wantsEmail() || !outbox.enabled()) {
            return;
        }
        String text = texts.text(notification, MAIL_LOCALE);
        String subject = messages.getMessage("notification.mail.subject", new Object[]{text}, MAIL_LOCALE);
        String body = messages.getMessage("notification.mail.body",
                new Object[]{text, baseUrl + notification.getLink()}, MAIL_LOCALE);
        outbox.enqueue(recipient.username(), recipient.emailAddress(), subject, body);
    }
}
