package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.task.TaskForm;

/** Everything a reviewer needs on one page: the task, the whole application, its form. */
public record ReviewView(OpenTask task, EnrollmentApplication application, TaskForm form, String applicantName,
                         java.util.List<CivilAffairsFindings.Finding> civilAffairs) {
}
