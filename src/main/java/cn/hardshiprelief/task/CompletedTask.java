package cn.hardshiprelief.task;

import java.time.Instant;

/** A task that has ended: who completed it and when. */
public record CompletedTask(String id, String stepId, String completedBy, Instant completedAt) {
}
