package cn.hardshiprelief.notification;

import java.time.Instant;

/** One notification as the centre lists it: its title and text in the reader's language. */
public record NotificationLine(Long id, NotificationKind kind, String title, String text, String link,
                               Instant createdAt, boolean read) {
}
