package cn.hardshiprelief.enrollment;

import java.util.List;

/**
 * Ids of process {@code hardshipEnrollment} (processes/hardshipEnrollment.bpmn). They are a
 * contract with the Modeler, Cockpit, tests and the REST API: keep them stable.
 */
public final class HardshipEnrollmentProcess {

    public static final String PROCESS_ID = "hardshipEnrollment";

    public static final String REVIEW_BY_DEPARTMENT_HEAD = "reviewByDepartmentHead";
    public static final String REVIEW_BY_DIRECTOR = "reviewByDirector";
    public static final String REVIEW_BY_HR = "reviewByHr";
    public static final String APPROVE_BY_GENERAL_OFFICE = "approveByGeneralOffice";
    public static final String REVIEW_BY_BRANCH_UNION = "reviewByBranchUnion";
    public static final String VERIFY_HOUSEHOLD = "verifyHousehold";
    public static final String APPROVE_BY_COUNTY_UNION = "approveByCountyUnion";
    public static final String CORRECT_APPLICATION = "correctApplication";
    public static final String CONFIRM_HARDSHIP_WORKER = "confirmHardshipWorker";
    public static final String DECIDE_OBJECTION = "decideObjection";
    public static final String OBJECTION_MESSAGE = "objectionLodged";

    /** The review steps of both chains: approve, reject or return with the review form. */
    public static final List<String> REVIEW_STEPS = List.of(REVIEW_BY_DEPARTMENT_HEAD, REVIEW_BY_DIRECTOR,
            REVIEW_BY_HR, APPROVE_BY_GENERAL_OFFICE, REVIEW_BY_BRANCH_UNION, APPROVE_BY_COUNTY_UNION);

    public static final class Variables {
        public static final String APPLICATION_ID = "applicationId";
        public static final String APPLICATION_NUMBER = "applicationNumber";
        public static final String ROUTE = "route";
        public static final String BRANCH_UNION_CODE = "branchUnionCode";
        public static final String COUNTY_UNION_CODE = "countyUnionCode";
        public static final String REGION_CODE = "regionCode";
        public static final String ON_DAY = "onDay";
        public static final String NOTICE_PERIOD = "noticePeriod";
        public static final String DUPLICATE_FILE_FOUND = "duplicateFileFound";
        public static final String RECEIVES_DIBAO = "receivesDibao";
        public static final String DIBAO_LINE = "dibaoLine";
        public static final String CLASSIFICATION = "classification";
        public static final String ELIGIBLE = "eligible";
        public static final String OBJECTION_OUTCOME = "objectionOutcome";
        public static final String OBJECTION_SUMMARY = "objectionSummary";
        public static final String VERIFICATION_COMPLETE = "verificationComplete";
        public static final String DEPARTMENT_CODE = "departmentCode";
        public static final String COMPANY_CODE = "companyCode";
        public static final String FILED_BY = "filedBy";
        public static final String DECISION = "decision";
        public static final String COMMENT = "comment";
        /** The step the review chain starts at: the route's first step, or the step that returned the application. */
        public static final String REVIEW_FROM = "reviewFrom";
        public static final String CORRECTION_NOTE = "correctionNote";

        private Variables() {
        }
    }

    public static final class Decisions {
        public static final String APPROVE = "approve";
        public static final String REJECT = "reject";
        public static final String RETURN = "return";

        private Decisions() {
        }
    }

    /** BPMN error codes with which a review step leaves the chain. */
    public static final class Errors {
        public static final String APPLICATION_REJECTED = "applicationRejected";
        public static final String APPLICATION_RETURNED = "applicationReturned";

        private Errors() {
        }
    }

    private HardshipEnrollmentProcess() {
    }
}
