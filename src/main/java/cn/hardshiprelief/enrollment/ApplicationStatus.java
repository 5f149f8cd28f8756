package cn.hardshiprelief.enrollment;

/** Where an application stands. Only DRAFT and RETURNED may be edited. */
public enum ApplicationStatus {
    DRAFT, IN_REVIEW, RETURNED, APPROVED, REJECTED
}
