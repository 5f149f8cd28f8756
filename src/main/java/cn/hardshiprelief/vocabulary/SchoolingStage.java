package cn.hardshiprelief.vocabulary;

/** Schooling stage, kindergarten to doctorate (金秋助学 covers every stage). */
public enum SchoolingStage {
    NONE, KINDERGARTEN, PRIMARY, JUNIOR_MIDDLE, SENIOR_MIDDLE, VOCATIONAL, JUNIOR_COLLEGE, UNDERGRADUATE, MASTER, DOCTORATE
}
