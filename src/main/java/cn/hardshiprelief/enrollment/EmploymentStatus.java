package cn.hardshiprelief.enrollment;

/** Work situation of a household member. */
public enum EmploymentStatus {
    EMPLOYED, FLEXIBLE, UNEMPLOYED, RETIRED, STUDENT, UNABLE_TO_WORK, NOT_WORKING_AGE
}
