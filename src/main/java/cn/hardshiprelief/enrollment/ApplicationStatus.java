package cn.hardshiprelief.enrollment;

/**
 * Where an application stands. Only DRAFT and RETURNED may be edited. APPROVED: the enterprise
 * chain confirmed it; IN_NOTICE: on public notice; FILED: a household file exists; BLOCKED: a
 * member is in another active household file; CANCELLED: ended by its filer before a decision.
 */
public enum ApplicationStatus {
    DRAFT, IN_REVIEW, RETURNED, APPROVED, IN_NOTICE, FILED, REJECTED, NOT_ELIGIBLE, BLOCKED,
    /** 取消: the applicant or whoever filed it ended the application before a decision, with a reason. */
    CANCELLED;

    /**
     * The household's case is still open: under review, back with the applicant for correction,
     * confirmed or on notice and not yet filed. A FILED application is answered by its household
     * file instead (which may have exited since); the others are final.
     */
    public boolean inProgress() {
        return this == IN_REVIEW || this == RETURNED || this == APPROVED || this == IN_NOTICE;
    }

    public static java.util.Set<ApplicationStatus> inProgressStates() {
        return java.util.Arrays.stream(values()).filter(ApplicationStatus::inProgress)
                .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(ApplicationStatus.class)));
    }
}
