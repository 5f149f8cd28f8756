package cn.hardshiprelief.enrollment;

/**
 * Where an application stands. Only DRAFT and RETURNED may be edited. APPROVED: the enterprise
 * chain confirmed it; IN_NOTICE: on public notice; FILED: a household file exists; BLOCKED: a
 * member is in another active household file.
 */
public enum ApplicationStatus {
    DRAFT, IN_REVIEW, RETURNED, APPROVED, IN_NOTICE, FILED, REJECTED, NOT_ELIGIBLE, BLOCKED
}
