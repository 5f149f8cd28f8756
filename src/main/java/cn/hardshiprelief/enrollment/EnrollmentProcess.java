package cn.hardshiprelief.enrollment;

/**
 * What enrollment needs from the engine: starting {@code hardshipEnrollment} for a submitted application.
 * The ids the process names are in {@link HardshipEnrollmentProcess}; {@code enrollment.process} implements
 * this and holds the delegates and listeners.
 */
public interface EnrollmentProcess {

    /** Starts the process in the caller's transaction and returns its instance id (business key: the application id). */
    String start(EnrollmentApplication application);

    /**
     * 回退: takes the application from the review step now open back to a step of the review chain it has already
     * passed; the open step is cancelled, the earlier one opens again for its candidates, and a later return for
     * correction resumes there. Refused ({@code ConflictException}) when the step is not open or the target was
     * not passed.
     */
    void returnToStep(String processInstanceId, String openStep, String earlierStep);

    /**
     * 撤回: the review step open now is cancelled and the application waits with whoever filed it
     * ({@code correctApplication}); resubmitted, review resumes at that step.
     */
    void withdraw(String processInstanceId, String openStep);

    /** 取消: the application's process ends here, with the reason (Cockpit shows it as the deletion reason). */
    void cancel(String processInstanceId, String reason);
}
