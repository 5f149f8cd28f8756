package cn.hardshiprelief.notification;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Locale;

/** The person's notification centre: their notifications a page at a time, the unread count, marking them read. */
@Service
@Transactional
public class NotificationCentre {

    public static final int PAGE_SIZE = 20;
    /** A page number beyond any list (typed in the address) shows an empty page, not a failure. */
    private static final int LAST_PAGE = 1_000_000;

    private final NotificationRepository notifications;
    private final NotificationTexts texts;
    private final Clock clock;

    public NotificationCentre(NotificationRepository notifications, NotificationTexts texts, Clock clock) {
        this.notifications = notifications;
        this.texts = texts;
        this.clock = clock;
    }

    /** One page of the person's notifications, newest first, in the reader's language. */
    @Transactional(readOnly = true)
    public NotificationPage page(Actor actor, int page, Locale locale) {
        int number = Math.min(Math.max(0, page), LAST_PAGE);
        Slice<Notification> found = notifications.findByRecipientOrderByCreatedAtDescIdDesc(actor.username(),
                PageRequest.of(number, PAGE_SIZE));
        return new NotificationPage(found.getContent().stream().map(n -> line(n, locale)).toList(), number, PAGE_SIZE,
                found.hasNext(), unread(actor.username()));
    }

    /** How many of the person's notifications are unread: one count on the recipient's index. */
    @Transactional(readOnly = true)
    public long unread(String username) {
        return notifications.countByRecipientAndReadAtIsNull(username);
    }

    /** Marks one of the person's notifications read and returns where it leads. */
    public String markRead(Actor actor, long id) {
        Notification notification = notifications.findById(id)
                .orElseThrow(() -> new NotFoundException("notification.notFound", String.valueOf(id)));
        if (!notification.isFor(actor.username())) {
            throw new ForbiddenException("notification.notYours", String.valueOf(id));
        }
        notification.markRead(clock.instant());
        return notification.getLink();
    }

    /** Marks all the person's notifications read; returns how many were unread. */
    public int markAllRead(Actor actor) {
        return notifications.markAllRead(actor.username(), clock.instant());
    }

    private NotificationLine line(Notification notification, Locale locale) {
        return new NotificationLine(notification.getId(), notification.getKind(), texts.title(notification, locale),
                texts.text(notification, locale), notification.getLink(), notification.getCreatedAt(),
                notification.isRead());
    }
}
