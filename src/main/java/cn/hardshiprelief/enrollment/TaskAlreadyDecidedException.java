package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.shared.ConflictException;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The task was decided already, by someone (maybe the same person in another tab). */
public class TaskAlreadyDecidedException extends ConflictException {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    public TaskAlreadyDecidedException(String decidedBy, Instant decidedAt) {
        super("task.alreadyDecided", decidedBy, decidedAt == null ? "" : FORMAT.format(decidedAt));
    }
}
