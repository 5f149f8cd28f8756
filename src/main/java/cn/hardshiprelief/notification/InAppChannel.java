package cn.hardshiprelief.notification;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The notification centre: the notification is kept for the person's page (/notifications) and the unread count in
 * every page's header, visible as soon as the transaction that made it commits. First of the channels, so the
 * others get a notification with its id.
 */
@Component
@Order(0)
class InAppChannel implements NotificationChannel {

    private final NotificationRepository notifications;

    InAppChannel(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Override
    public void deliver(Notification notification, Recipient recipient) {
        notifications.save(notification);
    }
}
