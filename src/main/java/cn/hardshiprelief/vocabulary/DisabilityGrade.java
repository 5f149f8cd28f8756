package cn.hardshiprelief.vocabulary;

/** Disability grade as on the national disability certificate (残疾人证); grade 1 is the most severe. */
public enum DisabilityGrade {
    NONE, GRADE_1, GRADE_2, GRADE_3, GRADE_4;

    /** 0 for none, then 1 (grade 4) up to 4 (grade 1): larger is more severe. */
    public int severity() {
        return this == NONE ? 0 : values().length - ordinal();
    }
}
