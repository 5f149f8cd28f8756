package cn.hardshiprelief.notification;

import java.util.List;

/** One page of a person's notifications, newest first; whether a later page has more (no total: no count of all). */
public record NotificationPage(List<NotificationLine> lines, int page, int size, boolean hasNext, long unread) {

    public boolean hasPrevious() {
        return page > 0;
    }
}
