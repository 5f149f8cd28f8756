package cn.hardshiprelief.notification;

/**
 * A way a notification reaches a person. {@link Notifications} hands every notification, already saved, to each
 * channel inside the transaction of whatever caused it, so a channel must only record what it will do (a row in
 * an outbox) and do anything slow or fallible after the commit. In-app ({@link InAppChannel}) and e-mail
 * ({@link EmailChannel}) are the two today; an SMS or WeChat work-notice channel would be a third bean of this type
 * with its own outbox, picked up without a change here.
 */
public interface NotificationChannel {

    /** Records the notification for delivery to the recipient on this channel, or does nothing if it does not apply. */
    void deliver(Notification notification, Recipient recipient);
}
