package cn.hardshiprelief.vocabulary;

/** Health of a household member, from healthy to needing long-term care (declared in rising severity). */
public enum HealthStatus {
    HEALTHY, CHRONIC_ILLNESS, CRITICAL_ILLNESS, LONG_TERM_CARE;

    /** Larger is more severe: the order of declaration. */
    public int severity() {
        return ordinal();
    }
}
