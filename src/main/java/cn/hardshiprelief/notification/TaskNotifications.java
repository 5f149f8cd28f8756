package cn.hardshiprelief.notification;

import cn.hardshiprelief.task.TaskArrived;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * A task the engine created reaches its people as a notification, in the engine's transaction (no task, no
 * notification): "new task" ordinarily, "sent back to you" when the case came back (回退, the applicant's
 * correction). The link opens the task's own page, whichever feature it belongs to.
 */
@Component
class TaskNotifications {

    private final Notifications notifications;

    TaskNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void arrived(TaskArrived task) {
        notifications.notifyAll(task.recipients(),
                task.returned() ? NotificationKind.RETURNED : NotificationKind.TASK_ARRIVED,
                "/tasks/" + task.taskId() + "/open",
                new DefaultMessageSourceResolvable(new String[]{"step." + task.stepId()}, task.taskName()),
                new DefaultMessageSourceResolvable(new String[]{"notification.process." + task.processId()},
                        task.processName()));
    }
}
