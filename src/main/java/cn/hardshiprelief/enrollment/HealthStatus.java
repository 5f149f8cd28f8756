package cn.hardshiprelief.enrollment;

/** Health of a household member. */
public enum HealthStatus {
    HEALTHY, CHRONIC_ILLNESS, CRITICAL_ILLNESS, LONG_TERM_CARE
}
