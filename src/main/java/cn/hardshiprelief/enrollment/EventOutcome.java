package cn.hardshiprelief.enrollment;

/** What happened at a step of an application; the timeline shows one line each. */
public enum EventOutcome {
    SUBMITTED, APPROVED, RETURNED, RESUBMITTED, REJECTED, CONFIRMED, VERIFIED, MATCHED, CLASSIFIED, NOT_ELIGIBLE,
    BLOCKED, ON_NOTICE, OBJECTION, OBJECTION_DISMISSED, FILED;

    public boolean isDecision() {
        return this == APPROVED || this == RETURNED || this == REJECTED;
    }
}
