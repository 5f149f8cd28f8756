package cn.hardshiprelief.survey;

/** Ids and variable names of the {@code annualSurvey} process (processes/annualSurvey.bpmn). */
public final class AnnualSurveyProcess {

    public static final String PROCESS_ID = "annualSurvey";

    public static final String SURVEY_YEAR_STARTS = "surveyYearStarts";
    public static final String OPEN_SURVEY = "openSurvey";
    public static final String SURVEY_TASK = "surveyBranchUnion";
    public static final String CLOSE_SURVEY = "closeSurvey";
    public static final String SURVEY_CLOSED = "surveyClosed";

    /** Set by {@code openSurvey}: the survey's id (Long), its year (Integer), its due date (ISO-8601 string). */
    public static final String SURVEY_ID = "surveyId";
    public static final String SURVEY_YEAR = "surveyYear";
    public static final String DUE_DATE = "dueDate";
    /** Set by {@code openSurvey}: the codes of every branch union, one survey task each. */
    public static final String BRANCH_UNION_CODES = "branchUnionCodes";
    /** The multi-instance element variable: the branch union of one survey task. */
    public static final String BRANCH_UNION_CODE = "branchUnionCode";
    /** Set when an administrator opens the survey by hand: their username. Absent when the yearly timer starts it. */
    public static final String OPENED_BY = "openedBy";
    /** The form's required checkbox: the branch union confirms its survey is done. */
    public static final String SURVEY_CONFIRMED = "surveyConfirmed";

    private AnnualSurveyProcess() {
    }
}
