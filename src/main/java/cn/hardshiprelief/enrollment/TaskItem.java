package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.task.OpenTask;

/** A line of the inbox: the task and the application it is about. */
public record TaskItem(OpenTask task, EnrollmentApplication application, String applicantName) {
}
