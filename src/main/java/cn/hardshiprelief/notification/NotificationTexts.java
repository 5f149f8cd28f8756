package cn.hardshiprelief.notification;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** A notification's title and text in one language, from messages/notifications*.properties. */
@Component
class NotificationTexts {

    private final MessageSource messages;

    NotificationTexts(MessageSource messages) {
        this.messages = messages;
    }

    String title(Notification notification, Locale locale) {
        return messages.getMessage("notification.kind." + notification.getKind(), null,
                notification.getKind().name(), locale);
    }

    String text(Notification notification, Locale locale) {
        return messages.getMessage("notification.text." + notification.getKind(), notification.messageArgs(),
                notification.getKind().name(), locale);
    }
}
