package cn.hardshiprelief.verification;

/** Outcome of one of the three checks: the stated facts hold, or they differ (explained in the notes). */
public enum CheckResult {
    CONFIRMED, DISCREPANCY
}
