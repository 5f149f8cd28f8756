package cn.hardshiprelief.enrollment;

/** What happened at a step of an application; the timeline shows one line each. */
public enum EventOutcome {
    SUBMITTED, APPROVED, RETURNED, RESUBMITTED, REJECTED, CONFIRMED;

    public boolean isDecision() {
        return this == APPROVED || this == RETURNED || this == REJECTED;
    }
}
