package cn.hardshiprelief.vocabulary;

/** Causes of hardship (致困原因); one primary, any secondary. */
public enum HardshipCause {
    ILLNESS, DISABILITY, SCHOOLING, DISASTER, ACCIDENT, UNEMPLOYMENT, LOW_INCOME, SOLE_EARNER, OTHER
}
