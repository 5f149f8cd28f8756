package cn.hardshiprelief.notification;

/**
 * What a notification is about. Each kind has a title ({@code notification.kind.<KIND>}) and a text
 * ({@code notification.text.<KIND>}) in messages/notifications*.properties, filled with the arguments given to
 * {@link Notifications#notify}: the meaning of each argument is listed here, {0} first.
 */
public enum NotificationKind {

    /** A task arrived for the person (待办). {0} the step, {1} the process. Produced from the engine. */
    TASK_ARRIVED,
    /** A case came back to the person: 退回 to the applicant, 回退 to an earlier step. {0} the step, {1} the process. */
    RETURNED,
    /** The applicant's case was approved. {0} the case's number. */
    APPROVED,
    /** The applicant's case was rejected. {0} the case's number, {1} the reason. */
    REJECTED,
    /** A task waited longer than it should (超期). {0} the step, {1} the case's number. */
    OVERDUE,
    /** Someone urges the person to do a task (催办). {0} the step, {1} the case's number, {2} who urges. */
    URGED,
    /** The person is sent a copy of a case for information (抄送). {0} the case's number, {1} who sent it. */
    COPIED
}
