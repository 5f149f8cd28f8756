package cn.hardshiprelief.notice;

/** A notice runs until its period ends (FILED) or an objection is decided. */
public enum NoticeStatus {
    RUNNING, OBJECTED, FILED, WITHDRAWN;

    public boolean acceptsObjections() {
        return this == RUNNING || this == OBJECTED;
    }
}
