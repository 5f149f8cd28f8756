package cn.hardshiprelief.enrollment;

/** What happened at a step of an application; the timeline shows one line each. */
public enum EventOutcome {
    SUBMITTED, APPROVED, RETURNED, RESUBMITTED, REJECTED, CONFIRMED, VERIFIED, MATCHED, CLASSIFIED, NOT_ELIGIBLE,
    BLOCKED, ON_NOTICE, OBJECTION, OBJECTION_DISMISSED, FILED,
    /** An administrator ended the public notice before its period (demo data only, see NoticePeriodShortcut). */
    NOTICE_ENDED_EARLY,
    /** 回退: a reviewer sent the application back to a review step it had already passed. */
    SENT_BACK,
    /** 撤回: whoever filed it took the application back before the reviewer acted, to change it. */
    WITHDRAWN,
    /** 取消: whoever filed it ended the application, with a reason. */
    CANCELLED;

    public boolean isDecision() {
        return this == APPROVED || this == RETURNED || this == REJECTED;
    }
}
