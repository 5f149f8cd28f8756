package cn.hardshiprelief.task;

import java.time.Instant;

/** One line of a person's inbox (待办), whatever feature the task belongs to: what, about whom, where to act. */
public record InboxEntry(String taskId, String stepId, Instant created, String reference, String subject,
                         String unit, String link) {
}
