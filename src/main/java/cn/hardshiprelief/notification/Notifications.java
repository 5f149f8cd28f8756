package cn.hardshiprelief.notification;

import cn.hardshiprelief.organization.AppUser;
import cn.hardshiprelief.organization.Directory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The one way to notify someone: {@code notifications.notify("head1", NotificationKind.URGED, "/tasks/" + taskId +
 * "/open", stepName, applicationNumber, urgedByName)}. The notification is made in the caller's transaction (rolled
 * back with it) and handed to every {@link NotificationChannel}: the centre keeps it, the e-mail outbox queues a
 * mail for a person who asked for e-mail, which is sent after the commit.
 * <p>
 * Arguments fill the kind's text ({@link NotificationKind} lists what each one means): plain values (a number, a
 * reason) are kept as given; a {@link org.springframework.context.MessageSourceResolvable} (a step's name:
 * {@code new DefaultMessageSourceResolvable(new String[]{"step." + stepId}, taskName)}) is resolved in the reader's
 * language when read, its default text standing in where no language has the code.
 */
@Service
@Transactional
public class Notifications {

    private final List<NotificationChannel> channels;
    private final Directory directory;
    private final Clock clock;

    public Notifications(List<NotificationChannel> channels, Directory directory, Clock clock) {
        this.channels = channels;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Notifies one person.
     *
     * @param recipientUsername whom (a username; one with no account of ours gets the in-app notification only)
     * @param kind              what about
     * @param caseLink          where the notification leads: a path inside the application, such as
     *                          {@code /applications/12} or {@code /tasks/{taskId}/open} (which finds the task's page)
     * @param messageArgs       the arguments of the kind's text, in the order {@link NotificationKind} gives
     */
    public void notify(String recipientUsername, NotificationKind kind, String caseLink, Object... messageArgs) {
        if (recipientUsername == null || recipientUsername.isBlank()) {
            throw new IllegalArgumentException("A notification needs a recipient");
        }
        if (kind == null) {
            throw new IllegalArgumentException("A notification needs a kind");
        }
        Notification notification = new Notification(recipientUsername, kind, checkedLink(caseLink),
                messageArgs == null ? new Object[0] : messageArgs, clock.instant());
        Recipient recipient = recipient(recipientUsername);
        channels.forEach(channel -> channel.deliver(notification, recipient));
    }

    /** Notifies each of these people once (a name given twice is notified once), as {@link #notify} does. */
    public void notifyAll(Collection<String> recipientUsernames, NotificationKind kind, String caseLink,
                          Object... messageArgs) {
        new LinkedHashSet<>(recipientUsernames).forEach(username -> notify(username, kind, caseLink, messageArgs));
    }

    private Recipient recipient(String username) {
        Optional<AppUser> user = directory.user(username);
        String address = user.filter(AppUser::isNotifyByEmail).map(AppUser::getEmail).orElse(null);
        return new Recipient(username, address);
    }

    /**
     * Only a path of this application: the page follows the link after marking the notification read, so a link
     * elsewhere ({@code https://…}, {@code //host}) would make the centre an open redirect.
     */
    private static String checkedLink(String link) {
        if (link == null || !link.startsWith("/") || link.startsWith("//") || link.contains("\\") || link.length() > 500) {
            throw new IllegalArgumentException("A notification links to a path of the application, not " + link);
        }
        return link;
    }
}
