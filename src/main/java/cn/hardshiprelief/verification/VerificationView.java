package cn.hardshiprelief.verification;

import cn.hardshiprelief.task.TaskForm;

import cn.hardshiprelief.enrollment.EnrollmentApplication;

/** The verification page: the application, its record, whether the task is open and the actor may record. */
public record VerificationView(EnrollmentApplication application, HouseholdVerification verification,
                               boolean taskOpen, boolean mayRecord, TaskForm form) {
}
