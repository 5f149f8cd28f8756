package cn.hardshiprelief.enrollment;

/**
 * What enrollment needs from the engine: starting {@code hardshipEnrollment} for a submitted application.
 * The ids the process names are in {@link HardshipEnrollmentProcess}; {@code enrollment.process} implements
 * this and holds the delegates and listeners.
 */
public interface EnrollmentProcess {

    /** Starts the process in the caller's transaction and returns its instance id (business key: the application id). */
    String start(EnrollmentApplication application);
}
