package cn.hardshiprelief.enrollment;

/** Disability grade as on the national disability certificate (残疾人证). */
public enum DisabilityGrade {
    NONE, GRADE_1, GRADE_2, GRADE_3, GRADE_4
}
