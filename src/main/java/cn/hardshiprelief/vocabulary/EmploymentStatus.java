package cn.hardshiprelief.vocabulary;

/** Work situation of a household member. */
public enum EmploymentStatus {
    EMPLOYED, FLEXIBLE, UNEMPLOYED, RETIRED, STUDENT, UNABLE_TO_WORK, NOT_WORKING_AGE
}
