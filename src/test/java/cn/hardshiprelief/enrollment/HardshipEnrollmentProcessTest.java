package cn.hardshiprelief.enrollment;

import static cn.hardshiprelief.support.TaskOffers.candidateGroupsOf;
import static cn.hardshiprelief.support.TaskOffers.deployedFormIdOf;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.hardshiprelief.process.enrollment.ReviewOutcome;
import cn.hardshiprelief.support.TaskOffers.RecordingTaskListener;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The story of one 困难职工建档申请 from submission to the household file, told against the BPMN
 * and the real decision tables: through the enterprise chain or the union route (with 三查一访), or
 * for a relapse (返困) straight to 三查一访 and the county union, then civil-affairs matching, the local dibao line, classification, public notice with objections,
 * and filing. Delegates and listeners are recording mocks, so these tests pin the process contract
 * (ids, conditions, groups, forms, where a corrected application resumes, the notice timer, the
 * objection message), not the application code.
 */
@Deployment(resources = {
        "processes/hardshipEnrollment.bpmn",
        "processes/classifyHardship.dmn",
        "processes/dibaoLine.dmn",
        "forms/reviewApplication.form",
        "forms/correctApplication.form",
        "forms/verifyHousehold.form",
        "forms/decideObjection.form"})
class HardshipEnrollmentProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-test.cfg.xml")
            .build();

    private static final String PROCESS = "hardshipEnrollment";

    private static final String REVIEW_BY_DEPARTMENT_HEAD = "reviewByDepartmentHead";
    private static final String REVIEW_BY_DIRECTOR = "reviewByDirector";
    private static final String REVIEW_BY_HR = "reviewByHr";
    private static final String APPROVE_BY_GENERAL_OFFICE = "approveByGeneralOffice";
    private static final List<String> REVIEW_STEPS = List.of(
            REVIEW_BY_DEPARTMENT_HEAD, REVIEW_BY_DIRECTOR, REVIEW_BY_HR, APPROVE_BY_GENERAL_OFFICE);

    private static final String REVIEW_BY_BRANCH_UNION = "reviewByBranchUnion";
    private static final String VERIFY_HOUSEHOLD = "verifyHousehold";
    private static final String APPROVE_BY_COUNTY_UNION = "approveByCountyUnion";

    /** The review chain: an embedded subprocess holding every review step; a return leaves it for the correction. */
    private static final String REVIEW_CHAIN = "reviewChain";
    private static final String CORRECT_APPLICATION = "correctApplication";
    private static final String CONFIRM_HARDSHIP_WORKER = "confirmHardshipWorker";
    private static final String APPLICATION_APPROVED = "applicationApproved";
    private static final String APPLICATION_REJECTED = "applicationRejected";

    private static final String MATCH_CIVIL_AFFAIRS_RECORDS = "matchCivilAffairsRecords";
    private static final String FILING_BLOCKED_BY_DUPLICATE = "filingBlockedByDuplicate";
    private static final String DETERMINE_DIBAO_LINE = "determineDibaoLine";
    private static final String COMPUTE_HARDSHIP_FACTS = "computeHardshipFacts";
    private static final String CLASSIFY_HARDSHIP = "classifyHardship";
    private static final String RECORD_CLASSIFICATION = "recordClassification";
    private static final String APPLICATION_NOT_ELIGIBLE = "applicationNotEligible";
    private static final String START_PUBLIC_NOTICE = "startPublicNotice";
    /** The notice period (公示期): a subprocess holding the timer and, non-interrupting, the objections. */
    private static final String AWAIT_NOTICE_OUTCOME = "awaitNoticeOutcome";
    private static final String HANDLE_OBJECTION = "handleObjection";
    private static final String NOTICE_PERIOD_ENDED = "noticePeriodEnded";
    private static final String OBJECTION_LODGED = "objectionLodged";
    private static final String DECIDE_OBJECTION = "decideObjection";
    private static final String REJECT_AFTER_OBJECTION = "rejectAfterObjection";
    private static final String APPLICATION_REJECTED_AFTER_NOTICE = "applicationRejectedAfterNotice";
    private static final String FILE_HOUSEHOLD = "fileHousehold";
    private static final String HOUSEHOLD_FILED = "householdFiled";

    private static final String ENTERPRISE = "enterprise";
    private static final String UNION = "union";
    private static final String RELAPSE = "relapse";
    private static final long APPLICATION_ID = 42L;
    private static final String APPLICANT = "zhangsan";
    /** 大庆市萨尔图区; on {@link #SUBMITTED_ON} its demo dibao line is 650 yuan (dibaoLine.dmn). */
    private static final String DAQING_SARTU = "230602";
    private static final int SUBMITTED_ON = 20261129;
    private static final Instant SUBMITTED_AT =
            LocalDateTime.of(2026, 11, 29, 9, 30).atZone(ZoneId.of("Asia/Shanghai")).toInstant();

    private final RecordingTaskListener reviewDecisionListener = new RecordingTaskListener("decision");
    private final RecordingTaskListener resubmissionListener = new RecordingTaskListener("correctionNote");
    private final RefusingVerificationListener verificationListener = new RefusingVerificationListener();
    private final RecordingTaskListener objectionDecisionListener = new RecordingTaskListener("objectionOutcome");
    private final RecordingDelegate confirmHardshipWorker = new RecordingDelegate();
    private final RecordingDelegate startPublicNotice = new RecordingDelegate();
    private final RecordingDelegate fileHousehold = new RecordingDelegate();
    private final RecordingDelegate rejectAfterObjection = new RecordingDelegate();

    /** What the civil-affairs roster says about the household; a story step may change it. */
    private boolean duplicateFileFound;
    private boolean receivesDibao;
    /** What computeHardshipFacts finds on the application and its 三查一访 record. */
    private final Map<String, Object> householdFacts = new HashMap<>();
    /** The tiers recordClassification wrote, one per classified application. */
    private final List<Object> recordedTiers = new ArrayList<>();

    private final RecordingDelegate matchCivilAffairsRecords = new RecordingDelegate(execution -> {
        execution.setVariable("duplicateFileFound", duplicateFileFound);
        execution.setVariable("receivesDibao", receivesDibao);
    });
    private final RecordingDelegate computeHardshipFacts =
            new RecordingDelegate(execution -> execution.setVariables(householdFacts));
    private final RecordingDelegate recordClassification = new RecordingDelegate(execution -> {
        @SuppressWarnings("unchecked")
        Map<String, Object> classification = (Map<String, Object>) execution.getVariable("classification");
        recordedTiers.add(classification.get("tier"));
        execution.setVariable("eligible", !"NOT_ELIGIBLE".equals(classification.get("tier")));
    });

    @BeforeEach
    void useTheTestEngineAClockOnTheDayOfSubmissionAndRecordingMocks() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(SUBMITTED_AT));
        Mocks.register("reviewOutcome", new ReviewOutcome());
        Mocks.register("reviewDecisionListener", reviewDecisionListener);
        Mocks.register("resubmissionListener", resubmissionListener);
        Mocks.register("verificationListener", verificationListener);
        Mocks.register("objectionDecisionListener", objectionDecisionListener);
        Mocks.register("confirmHardshipWorker", confirmHardshipWorker);
        Mocks.register("matchCivilAffairsRecords", matchCivilAffairsRecords);
        Mocks.register("computeHardshipFacts", computeHardshipFacts);
        Mocks.register("recordClassification", recordClassification);
        Mocks.register("startPublicNotice", startPublicNotice);
        Mocks.register("fileHousehold", fileHousehold);
        Mocks.register("rejectAfterObjection", rejectAfterObjection);
        givenAHouseholdOfThreeAt(500);
    }

    @AfterEach
    void forgetTheMocksAndTheClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    // --- the enterprise chain

    @Test
    void anApplicationApprovedAtEveryStepIsConfirmedClassifiedAndPutOnPublicNotice() {
        ProcessInstance application = submitApplication();

        REVIEW_STEPS.forEach(step -> approve(step, application));

        assertThat(application).isWaitingAtExactly(AWAIT_NOTICE_OUTCOME, NOTICE_PERIOD_ENDED)
                .hasPassedInOrder(REVIEW_BY_DEPARTMENT_HEAD, REVIEW_BY_DIRECTOR, REVIEW_BY_HR,
                        APPROVE_BY_GENERAL_OFFICE, CONFIRM_HARDSHIP_WORKER, APPLICATION_APPROVED,
                        MATCH_CIVIL_AFFAIRS_RECORDS, DETERMINE_DIBAO_LINE, COMPUTE_HARDSHIP_FACTS,
                        CLASSIFY_HARDSHIP, RECORD_CLASSIFICATION, START_PUBLIC_NOTICE)
                .hasNotPassed(CORRECT_APPLICATION, APPLICATION_REJECTED, REVIEW_BY_BRANCH_UNION, VERIFY_HOUSEHOLD);
        assertThat(application).variables()
                .containsEntry("dibaoLine", 650.0)
                .containsEntry("classification", Map.of("tier", "SEVERE", "reason", "家庭人均月收入低于当地低保标准"))
                .containsEntry("eligible", true);
        Assertions.assertThat(confirmHardshipWorker.applicationIds).containsExactly(APPLICATION_ID);
        Assertions.assertThat(startPublicNotice.applicationIds).containsExactly(APPLICATION_ID);
        Assertions.assertThat(reviewDecisionListener.completions).containsExactly(
                "reviewByDepartmentHead:approve", "reviewByDirector:approve",
                "reviewByHr:approve", "approveByGeneralOffice:approve");
        Assertions.assertThat(resubmissionListener.completions).isEmpty();
    }

    @Test
    void anEnterpriseApplicationIsFiledWhenTheNoticePeriodEndsWithoutObjection() {
        ProcessInstance application = submitApplication();
        REVIEW_STEPS.forEach(step -> approve(step, application));

        noticePeriodEnds(application);

        assertThat(application).isEnded()
                .hasPassedInOrder(START_PUBLIC_NOTICE, NOTICE_PERIOD_ENDED, FILE_HOUSEHOLD, HOUSEHOLD_FILED)
                .hasNotPassed(OBJECTION_LODGED, DECIDE_OBJECTION, REJECT_AFTER_OBJECTION);
        Assertions.assertThat(fileHousehold.applicationIds).containsExactly(APPLICATION_ID);
    }

    @ParameterizedTest(name = "rejected at {0}")
    @ValueSource(strings = {REVIEW_BY_DEPARTMENT_HEAD, REVIEW_BY_DIRECTOR, REVIEW_BY_HR, APPROVE_BY_GENERAL_OFFICE})
    void anApplicationRejectedAtAnyStepEndsRejectedWithoutBeingConfirmed(String rejectingStep) {
        ProcessInstance application = submitApplication();
        List<String> earlierSteps = REVIEW_STEPS.subList(0, REVIEW_STEPS.indexOf(rejectingStep));
        List<String> laterSteps = REVIEW_STEPS.subList(REVIEW_STEPS.indexOf(rejectingStep) + 1, REVIEW_STEPS.size());

        earlierSteps.forEach(step -> approve(step, application));
        decide(rejectingStep, application, "reject", "家庭人均月收入高于帮扶标准");

        assertThat(application).isEnded()
                .hasPassed(rejectingStep, APPLICATION_REJECTED)
                .hasNotPassed(CONFIRM_HARDSHIP_WORKER, APPLICATION_APPROVED, CORRECT_APPLICATION,
                        MATCH_CIVIL_AFFAIRS_RECORDS);
        if (!laterSteps.isEmpty()) {
            assertThat(application).hasNotPassed(laterSteps.toArray(String[]::new));
        }
        Assertions.assertThat(confirmHardshipWorker.applicationIds).isEmpty();
        Assertions.assertThat(reviewDecisionListener.completions).last().isEqualTo(rejectingStep + ":reject");
    }

    @Test
    void anApplicationReturnedByTheDirectorIsCorrectedAndResumesAtTheDirectorNotAtTheDepartmentHead() {
        ProcessInstance application = submitApplication();
        approve(REVIEW_BY_DEPARTMENT_HEAD, application);

        decide(REVIEW_BY_DIRECTOR, application, "return", "请补充父亲的病历");

        assertThat(application).isWaitingAtExactly(CORRECT_APPLICATION)
                .variables()
                .containsEntry("reviewFrom", REVIEW_BY_DIRECTOR)
                .containsEntry("comment", "请补充父亲的病历");
        assertThat(task(CORRECT_APPLICATION, application)).isAssignedTo(APPLICANT);

        complete(task(CORRECT_APPLICATION, application), withVariables("correctionNote", "已上传病历"));

        assertThat(application).isWaitingAtExactly(REVIEW_CHAIN, REVIEW_BY_DIRECTOR);
        Assertions.assertThat(timesReached(application, REVIEW_BY_DEPARTMENT_HEAD)).isEqualTo(1);
        Assertions.assertThat(timesReached(application, REVIEW_BY_DIRECTOR)).isEqualTo(2);
        Assertions.assertThat(resubmissionListener.completions).containsExactly("correctApplication:已上传病历");

        approve(REVIEW_BY_DIRECTOR, application);
        approve(REVIEW_BY_HR, application);
        approve(APPROVE_BY_GENERAL_OFFICE, application);

        assertThat(application).isWaitingAtExactly(AWAIT_NOTICE_OUTCOME, NOTICE_PERIOD_ENDED)
                .hasPassed(CONFIRM_HARDSHIP_WORKER, APPLICATION_APPROVED);
        Assertions.assertThat(confirmHardshipWorker.applicationIds).containsExactly(APPLICATION_ID);
    }

    @ParameterizedTest(name = "returned at {0}")
    @ValueSource(strings = {REVIEW_BY_DEPARTMENT_HEAD, APPROVE_BY_GENERAL_OFFICE})
    void anApplicationReturnedAtTheFirstOrLastStepResumesAtThatStep(String returningStep) {
        ProcessInstance application = submitApplication();
        REVIEW_STEPS.subList(0, REVIEW_STEPS.indexOf(returningStep)).forEach(step -> approve(step, application));

        decide(returningStep, application, "return", "证明材料不清晰");
        assertThat(application).isWaitingAtExactly(CORRECT_APPLICATION)
                .variables().containsEntry("reviewFrom", returningStep);
        complete(task(CORRECT_APPLICATION, application), withVariables("correctionNote", "已重新上传"));

        assertThat(application).isWaitingAtExactly(REVIEW_CHAIN, returningStep);
        Assertions.assertThat(timesReached(application, returningStep)).isEqualTo(2);
        REVIEW_STEPS.subList(0, REVIEW_STEPS.indexOf(returningStep)).forEach(earlierStep ->
                Assertions.assertThat(timesReached(application, earlierStep)).as("%s is not repeated", earlierStep)
                        .isEqualTo(1));
    }

    @Test
    void eachReviewIsOfferedToTheGroupOfTheApplicantsDepartmentOrCompanyAndTheCorrectionGoesToTheApplicant() {
        ProcessInstance application = submitApplication();
        Map<String, String> expectedGroups = Map.of(
                REVIEW_BY_DEPARTMENT_HEAD, "departmentHead_D1",
                REVIEW_BY_DIRECTOR, "director_C1",
                REVIEW_BY_HR, "hr_C1",
                APPROVE_BY_GENERAL_OFFICE, "generalOffice_C1");

        for (String step : REVIEW_STEPS) {
            Task review = task(step, application);
            assertThat(review).isNotAssigned();
            Assertions.assertThat(candidateGroupsOf(review)).as("candidate groups of %s", step)
                    .containsExactly(expectedGroups.get(step));
            approve(step, application);
        }
        ProcessInstance returned = submit(ENTERPRISE, "KN-2026-0002", 43L);
        approve(REVIEW_BY_DEPARTMENT_HEAD, returned);
        decide(REVIEW_BY_DIRECTOR, returned, "return", "请补充材料");

        Task correction = task(CORRECT_APPLICATION, returned);
        assertThat(correction).isAssignedTo(APPLICANT);
        Assertions.assertThat(candidateGroupsOf(correction)).isEmpty();
    }

    @Test
    void reviewersAndTheApplicantOpenTheCamundaFormsDeployedWithTheProcess() throws IOException {
        ProcessInstance application = submitApplication();
        for (String step : REVIEW_STEPS) {
            Assertions.assertThat(deployedFormIdOf(task(step, application))).as("form of %s", step)
                    .isEqualTo("reviewApplication");
            if (step.equals(APPROVE_BY_GENERAL_OFFICE)) {
                decide(step, application, "return", "请补充材料");
            } else {
                approve(step, application);
            }
        }

        Assertions.assertThat(deployedFormIdOf(task(CORRECT_APPLICATION, application)))
                .isEqualTo("correctApplication");
    }

    // --- the union route

    @Test
    void aUnionApplicationIsReviewedByItsBranchUnionVerifiedAtHomeApprovedByItsCountyUnionAndFiled()
            throws IOException {
        givenTheHouseholdIsOnTheDibaoRoster();
        ProcessInstance application = submit(UNION, "KN-2026-0001", APPLICATION_ID);

        assertThat(application).isWaitingAtExactly(REVIEW_CHAIN, REVIEW_BY_BRANCH_UNION);
        assertOfferedTo(REVIEW_BY_BRANCH_UNION, application, "branchUnion_B1", "reviewApplication");
        approve(REVIEW_BY_BRANCH_UNION, application);
        assertOfferedTo(VERIFY_HOUSEHOLD, application, "branchUnion_B1", "verifyHousehold");
        verifyHousehold(application);
        assertOfferedTo(APPROVE_BY_COUNTY_UNION, application, "countyUnion_CU1", "reviewApplication");
        approve(APPROVE_BY_COUNTY_UNION, application);

        assertThat(application).isWaitingAtExactly(AWAIT_NOTICE_OUTCOME, NOTICE_PERIOD_ENDED)
                .variables().containsEntry("classification",
                        Map.of("tier", "DEEP", "reason", "已纳入城市居民最低生活保障"));
        noticePeriodEnds(application);

        assertThat(application).isEnded()
                .hasPassedInOrder(REVIEW_BY_BRANCH_UNION, VERIFY_HOUSEHOLD, APPROVE_BY_COUNTY_UNION,
                        APPLICATION_APPROVED, MATCH_CIVIL_AFFAIRS_RECORDS, DETERMINE_DIBAO_LINE,
                        COMPUTE_HARDSHIP_FACTS, CLASSIFY_HARDSHIP, RECORD_CLASSIFICATION, START_PUBLIC_NOTICE,
                        NOTICE_PERIOD_ENDED, FILE_HOUSEHOLD, HOUSEHOLD_FILED)
                .hasNotPassed(REVIEW_BY_DEPARTMENT_HEAD, CONFIRM_HARDSHIP_WORKER, CORRECT_APPLICATION);
        Assertions.assertThat(reviewDecisionListener.completions)
                .containsExactly("reviewByBranchUnion:approve", "approveByCountyUnion:approve");
        Assertions.assertThat(verificationListener.verifiedApplicationIds).containsExactly(APPLICATION_ID);
        Assertions.assertThat(confirmHardshipWorker.applicationIds).isEmpty();
        Assertions.assertThat(fileHousehold.applicationIds).containsExactly(APPLICATION_ID);
    }

    @Test
    void theHouseholdVisitCannotBeCompletedWhileItsRecordIsIncomplete() {
        ProcessInstance application = submit(UNION, "KN-2026-0001", APPLICATION_ID);
        approve(REVIEW_BY_BRANCH_UNION, application);
        Task verification = task(VERIFY_HOUSEHOLD, application);

        Assertions.assertThatThrownBy(() -> taskService().complete(verification.getId(),
                        withVariables("verificationComplete", false)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("三查一访记录不完整");

        assertThat(application).isWaitingAtExactly(REVIEW_CHAIN, VERIFY_HOUSEHOLD);
        assertThat(verification).isNotNull();
        verifyHousehold(application);
        assertThat(application).isWaitingAtExactly(REVIEW_CHAIN, APPROVE_BY_COUNTY_UNION);
    }

    @ParameterizedTest(name = "returned at {0}")
    @ValueSource(strings = {REVIEW_BY_BRANCH_UNION, APPROVE_BY_COUNTY_UNION})
    void aUnionApplicationReturnedForCorrectionResumesAtTheStepThatReturnedIt(String returningStep) {
        ProcessInstance application = submit(UNION, "KN-2026-0001", APPLICATION_ID);
        if (returningStep.equals(APPROVE_BY_COUNTY_UNION)) {
            approve(REVIEW_BY_BRANCH_UNION, application);
            verifyHousehold(application);
        }

        decide(returningStep, application, "return", "请补充低保证明");
        assertThat(application).isWaitingAtExactly(CORRECT_APPLICATION)
                .variables().containsEntry("reviewFrom", returningStep);
        assertThat(task(CORRECT_APPLICATION, application)).isAssignedTo(APPLICANT);
        complete(task(CORRECT_APPLICATION, application), withVariables("correctionNote", "已补充"));

        assertThat(application).isWaitingAtExactly(REVIEW_CHAIN, returningStep);
        Assertions.assertThat(timesReached(application, returningStep)).isEqualTo(2);
        if (returningStep.equals(APPROVE_BY_COUNTY_UNION)) {
            Assertions.assertThat(timesReached(application, REVIEW_BY_BRANCH_UNION)).isEqualTo(1);
            Assertions.assertThat(timesReached(application, VERIFY_HOUSEHOLD)).isEqualTo(1);
        }
    }

    @Test
    void aUnionApplicationRejectedByTheBranchUnionEndsRejectedWithoutAHouseholdVisit() {
        ProcessInstance application = submit(UNION, "KN-2026-0001", APPLICATION_ID);

        decide(REVIEW_BY_BRANCH_UNION, application, "reject", "不属于本基层工会会员");

        assertThat(application).isEnded()
                .hasPassed(REVIEW_BY_BRANCH_UNION, APPLICATION_REJECTED)
                .hasNotPassed(VERIFY_HOUSEHOLD, APPROVE_BY_COUNTY_UNION, APPLICATION_APPROVED,
                        MATCH_CIVIL_AFFAIRS_RECORDS);
        Assertions.assertThat(verificationListener.verifiedApplicationIds).isEmpty();
    }

    @Test
    void aUnionApplicationRejectedByTheCountyUnionEndsRejectedWithoutClassification() {
        ProcessInstance application = submit(UNION, "KN-2026-0001", APPLICATION_ID);
        approve(REVIEW_BY_BRANCH_UNION, application);
        verifyHousehold(application);

        decide(APPROVE_BY_COUNTY_UNION, application, "reject", "家庭人均收入高于建档标准");

        assertThat(application).isEnded()
                .hasPassed(APPROVE_BY_COUNTY_UNION, APPLICATION_REJECTED)
                .hasNotPassed(APPLICATION_APPROVED, CLASSIFY_HARDSHIP);
    }

    // --- the relapse fast path (返困快速通道)

    /**
     * Pins the routing only. What follows the approval is the shared tail; how a relapse is classified
     * is {@code classifyHardship}'s business (its rows are chosen by {@code route}).
     */
    @Test
    void aRelapsedHouseholdGoesStraightToItsBranchUnionsVerificationAndThenToTheCountyUnion() throws IOException {
        ProcessInstance application = submit(RELAPSE, "KN-2027-0001", APPLICATION_ID);

        assertThat(application).isWaitingAtExactly(REVIEW_CHAIN, VERIFY_HOUSEHOLD)
                .hasNotPassed(REVIEW_BY_BRANCH_UNION, REVIEW_BY_DEPARTMENT_HEAD);
        assertOfferedTo(VERIFY_HOUSEHOLD, application, "branchUnion_B1", "verifyHousehold");
        verifyHousehold(application);
        assertThat(application).isWaitingAtExactly(REVIEW_CHAIN, APPROVE_BY_COUNTY_UNION);
        assertOfferedTo(APPROVE_BY_COUNTY_UNION, application, "countyUnion_CU1", "reviewApplication");
        approve(APPROVE_BY_COUNTY_UNION, application);

        assertThat(application)
                .hasPassedInOrder(VERIFY_HOUSEHOLD, APPROVE_BY_COUNTY_UNION, APPLICATION_APPROVED,
                        MATCH_CIVIL_AFFAIRS_RECORDS)
                .hasNotPassed(REVIEW_BY_BRANCH_UNION, REVIEW_BY_DEPARTMENT_HEAD, REVIEW_BY_DIRECTOR, REVIEW_BY_HR,
                        APPROVE_BY_GENERAL_OFFICE, CONFIRM_HARDSHIP_WORKER, CORRECT_APPLICATION);
        Assertions.assertThat(reviewDecisionListener.completions).containsExactly("approveByCountyUnion:approve");
        Assertions.assertThat(verificationListener.verifiedApplicationIds).containsExactly(APPLICATION_ID);
        Assertions.assertThat(confirmHardshipWorker.applicationIds).isEmpty();

        // a relapse is classified with the union tiers (classifyHardship's input mapping), not left unknown
        assertThat(application).hasPassed(CLASSIFY_HARDSHIP);
        Object classification = historyService().createHistoricVariableInstanceQuery()
                .processInstanceId(application.getId()).variableName("classification").singleResult().getValue();
        Assertions.assertThat(((java.util.Map<?, ?>) classification).get("tier")).isIn("DEEP", "RELATIVE", "SUDDEN", "NOT_ELIGIBLE");
        Assertions.assertThat(((java.util.Map<?, ?>) classification).get("reason").toString()).doesNotContain("审核线不明");
    }

    @Test
    void aRelapseReturnedByTheCountyUnionResumesThereWithoutASecondVisit() {
        ProcessInstance application = submit(RELAPSE, "KN-2027-0001", APPLICATION_ID);
        verifyHousehold(application);

        decide(APPROVE_BY_COUNTY_UNION, application, "return", "请补充住院证明");
        complete(task(CORRECT_APPLICATION, application), withVariables("correctionNote", "已上传住院证明"));

        assertThat(application).isWaitingAtExactly(REVIEW_CHAIN, APPROVE_BY_COUNTY_UNION)
                .hasNotPassed(REVIEW_BY_BRANCH_UNION);
        Assertions.assertThat(timesReached(application, VERIFY_HOUSEHOLD)).isEqualTo(1);
        Assertions.assertThat(timesReached(application, APPROVE_BY_COUNTY_UNION)).isEqualTo(2);
    }

    // --- civil-affairs matching and classification

    @Test
    void aHouseholdAlreadyOnFileIsNotFiledAgainAndNotClassified() {
        givenCivilAffairsMatchingFindsAFileForTheHousehold();
        ProcessInstance application = submitApplication();

        REVIEW_STEPS.forEach(step -> approve(step, application));

        assertThat(application).isEnded()
                .hasPassedInOrder(APPLICATION_APPROVED, MATCH_CIVIL_AFFAIRS_RECORDS, FILING_BLOCKED_BY_DUPLICATE)
                .hasNotPassed(DETERMINE_DIBAO_LINE, COMPUTE_HARDSHIP_FACTS, CLASSIFY_HARDSHIP,
                        RECORD_CLASSIFICATION, START_PUBLIC_NOTICE, HOUSEHOLD_FILED);
        Assertions.assertThat(historicVariable(application, "classification")).isNull();
        Assertions.assertThat(recordedTiers).isEmpty();
    }

    @Test
    void aHouseholdAboveTwiceTheDibaoLineIsNotEligibleAndNotPutOnNotice() {
        givenAHouseholdOfThreeAt(1400);
        ProcessInstance application = submitApplication();

        REVIEW_STEPS.forEach(step -> approve(step, application));

        assertThat(application).isEnded()
                .hasPassedInOrder(CLASSIFY_HARDSHIP, RECORD_CLASSIFICATION, APPLICATION_NOT_ELIGIBLE)
                .hasNotPassed(START_PUBLIC_NOTICE, FILE_HOUSEHOLD, HOUSEHOLD_FILED);
        Assertions.assertThat(historicVariable(application, "classification")).isEqualTo(Map.of(
                "tier", "NOT_ELIGIBLE",
                "reason", "家庭人均月收入超过当地低保标准的2倍，且不符合其他困难职工界定条件"));
        Assertions.assertThat(recordedTiers).containsExactly("NOT_ELIGIBLE");
        Assertions.assertThat(startPublicNotice.applicationIds).isEmpty();
    }

    @Test
    void theDibaoLineIsTheOneInForceOnTheApplicationsDay() {
        givenAHouseholdOfThreeAt(630); // above the 610 line until 2025-06-30, below the 650 line from 2025-07-01
        ProcessInstance before = submit(ENTERPRISE, "KN-2025-0001", 41L, Map.of("onDay", 20250630));
        ProcessInstance after = submit(ENTERPRISE, "KN-2025-0002", 42L, Map.of("onDay", 20250701));

        REVIEW_STEPS.forEach(step -> approve(step, before));
        REVIEW_STEPS.forEach(step -> approve(step, after));

        assertThat(before).variables().containsEntry("dibaoLine", 610.0)
                .containsEntry("classification", Map.of("tier", "GENERAL", "reason", "家庭人均月收入不超过当地低保标准的2倍"));
        assertThat(after).variables().containsEntry("dibaoLine", 650.0)
                .containsEntry("classification", Map.of("tier", "SEVERE", "reason", "家庭人均月收入低于当地低保标准"));
    }

    // --- public notice and objections

    @ParameterizedTest(name = "notice period {0}")
    @ValueSource(strings = {"P5D", "P7D"})
    void theNoticeRunsForTheApplicationsNoticePeriodAndNotAMomentLess(String noticePeriod) {
        ProcessInstance application = submit(ENTERPRISE, "KN-2026-0001", APPLICATION_ID, Map.of("noticePeriod", noticePeriod));
        REVIEW_STEPS.forEach(step -> approve(step, application));

        Job timer = noticeTimerOf(application);
        Date due = Date.from(SUBMITTED_AT.plus(Duration.parse(noticePeriod)));
        Assertions.assertThat(timer.getDuedate()).isEqualTo(due);

        ClockUtil.setCurrentTime(Date.from(due.toInstant().minusSeconds(60)));
        Assertions.assertThat(dueJobsOf(application)).as("due a minute before the end").isZero();
        ClockUtil.setCurrentTime(Date.from(due.toInstant().plusSeconds(60)));
        Assertions.assertThat(dueJobsOf(application)).as("due a minute after the end").isOne();
    }

    @Test
    void anObjectionUpheldByTheCountyUnionEndsTheApplicationWithoutAFile() throws IOException {
        ProcessInstance application = unionApplicationOnNotice("KN-2026-0001", APPLICATION_ID);
        Date due = noticeTimerOf(application).getDuedate();

        ClockUtil.setCurrentTime(Date.from(SUBMITTED_AT.plus(Duration.ofDays(1))));
        lodgeObjection(application, "邻居反映其家庭有两套住房");

        assertThat(application).isWaitingAtExactly(AWAIT_NOTICE_OUTCOME, NOTICE_PERIOD_ENDED, HANDLE_OBJECTION, DECIDE_OBJECTION)
                .variables().containsEntry("objectionSummary", "邻居反映其家庭有两套住房");
        Assertions.assertThat(noticeTimerOf(application).getDuedate())
                .as("the notice runs on while the objection is decided").isEqualTo(due);
        assertOfferedTo(DECIDE_OBJECTION, application, "countyUnion_CU1", "decideObjection");
        decideObjection(application, "uphold", "经核实，该户另有住房一套，家庭收入高于标准");

        assertThat(application).isEnded()
                .hasPassedInOrder(START_PUBLIC_NOTICE, OBJECTION_LODGED, DECIDE_OBJECTION, REJECT_AFTER_OBJECTION,
                        APPLICATION_REJECTED_AFTER_NOTICE)
                .hasNotPassed(FILE_HOUSEHOLD, HOUSEHOLD_FILED);
        Assertions.assertThat(managementService().createJobQuery().processInstanceId(application.getId()).count())
                .as("an upheld objection stops the notice and its timer").isZero();
        Assertions.assertThat(objectionDecisionListener.completions).containsExactly("decideObjection:uphold");
        Assertions.assertThat(rejectAfterObjection.applicationIds).containsExactly(APPLICATION_ID);
        Assertions.assertThat(fileHousehold.applicationIds).isEmpty();
    }

    @Test
    void aDismissedObjectionNeitherCutsTheNoticeShortNorFilesTheHouseholdBeforeItsPeriodEnds() {
        ProcessInstance application = unionApplicationOnNotice("KN-2026-0001", APPLICATION_ID);
        Date due = noticeTimerOf(application).getDuedate();

        ClockUtil.setCurrentTime(Date.from(SUBMITTED_AT.plus(Duration.ofDays(1))));
        lodgeObjection(application, "有人反映其子女已工作");
        ClockUtil.setCurrentTime(Date.from(SUBMITTED_AT.plus(Duration.ofDays(2))));
        decideObjection(application, "dismiss", "子女仍在读大学，异议不成立");

        assertThat(application).isWaitingAtExactly(AWAIT_NOTICE_OUTCOME, NOTICE_PERIOD_ENDED).hasNotPassed(FILE_HOUSEHOLD);
        Assertions.assertThat(noticeTimerOf(application).getDuedate()).isEqualTo(due);
        Assertions.assertThat(fileHousehold.applicationIds).isEmpty();
        ClockUtil.setCurrentTime(Date.from(due.toInstant().minusSeconds(60)));
        Assertions.assertThat(dueJobsOf(application)).as("still on notice a minute before its end").isZero();

        noticePeriodEnds(application);

        assertThat(application).isEnded()
                .hasPassedInOrder(OBJECTION_LODGED, DECIDE_OBJECTION, NOTICE_PERIOD_ENDED, FILE_HOUSEHOLD, HOUSEHOLD_FILED)
                .hasPassed(AWAIT_NOTICE_OUTCOME)
                .hasNotPassed(REJECT_AFTER_OBJECTION, APPLICATION_REJECTED_AFTER_NOTICE);
        Assertions.assertThat(fileHousehold.applicationIds).containsExactly(APPLICATION_ID);
    }

    @Test
    void aNoticeThatEndsWhileAnObjectionIsUndecidedWaitsForTheDecisionBeforeFiling() {
        ProcessInstance application = unionApplicationOnNotice("KN-2026-0001", APPLICATION_ID);
        lodgeObjection(application, "有人反映其子女已工作");

        noticePeriodEnds(application);

        assertThat(application).isWaitingAtExactly(AWAIT_NOTICE_OUTCOME, HANDLE_OBJECTION, DECIDE_OBJECTION).hasNotPassed(FILE_HOUSEHOLD);
        decideObjection(application, "dismiss", "子女仍在读大学，异议不成立");
        assertThat(application).isEnded().hasPassed(HOUSEHOLD_FILED);
        Assertions.assertThat(fileHousehold.applicationIds).containsExactly(APPLICATION_ID);
    }

    @Test
    void aSecondObjectionAfterADismissalIsDecidedToo() {
        ProcessInstance application = unionApplicationOnNotice("KN-2026-0001", APPLICATION_ID);
        lodgeObjection(application, "有人反映其子女已工作");
        decideObjection(application, "dismiss", "子女仍在读大学，异议不成立");

        lodgeObjection(application, "反映其家中另有门面房");
        decideObjection(application, "uphold", "经核实，门面房为本人所有，出租收入未申报");

        assertThat(application).isEnded().hasPassed(APPLICATION_REJECTED_AFTER_NOTICE).hasNotPassed(FILE_HOUSEHOLD);
        Assertions.assertThat(objectionDecisionListener.completions)
                .containsExactly("decideObjection:dismiss", "decideObjection:uphold");
    }

    @Test
    void anObjectionReachesOnlyTheApplicationItNames() {
        ProcessInstance first = unionApplicationOnNotice("KN-2026-0001", 41L);
        ProcessInstance second = unionApplicationOnNotice("KN-2026-0002", 42L);

        Assertions.assertThatThrownBy(() -> runtimeService().correlateMessage(OBJECTION_LODGED))
                .as("two applications on notice: an objection must say which one")
                .isInstanceOf(MismatchingMessageCorrelationException.class);

        lodgeObjection(second, "反映其配偶有固定收入");
        assertThat(second).isWaitingAtExactly(AWAIT_NOTICE_OUTCOME, NOTICE_PERIOD_ENDED, HANDLE_OBJECTION, DECIDE_OBJECTION);
        assertThat(first).isWaitingAtExactly(AWAIT_NOTICE_OUTCOME, NOTICE_PERIOD_ENDED);
        Assertions.assertThat(noticeTimerOf(first)).isNotNull();

        runtimeService().createMessageCorrelation(OBJECTION_LODGED)
                .processInstanceBusinessKey("KN-2026-0001")
                .setVariable("objectionSummary", "反映其家中有车辆")
                .correlate();
        assertThat(first).isWaitingAtExactly(AWAIT_NOTICE_OUTCOME, NOTICE_PERIOD_ENDED, HANDLE_OBJECTION, DECIDE_OBJECTION)
                .variables().containsEntry("objectionSummary", "反映其家中有车辆");
        assertThat(second).variables().containsEntry("objectionSummary", "反映其配偶有固定收入");
    }

    @Test
    void anObjectionAfterTheNoticePeriodFindsNoApplicationWaitingForIt() {
        ProcessInstance application = unionApplicationOnNotice("KN-2026-0001", APPLICATION_ID);
        noticePeriodEnds(application);

        Assertions.assertThatThrownBy(() -> lodgeObjection(application, "公示期后才反映"))
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(application).isEnded().hasPassed(HOUSEHOLD_FILED);
    }

    // --- the steps of the story

    private void givenAHouseholdOfThreeAt(double incomePerCapita) {
        householdFacts.clear();
        householdFacts.put("incomePerCapita", incomePerCapita);
        householdFacts.put("medicalCostsHalfYear", 0.0);
        householdFacts.put("householdIncomeHalfYear", incomePerCapita * 3 * 6);
        householdFacts.put("disasterAffected", false);
        householdFacts.put("soleEarner", false);
        householdFacts.put("studentsInSchool", 0);
        householdFacts.put("oneOffCosts", 0.0);
        householdFacts.put("yearlyIncome", incomePerCapita * 3 * 12);
    }

    private void givenTheHouseholdIsOnTheDibaoRoster() {
        receivesDibao = true;
        givenAHouseholdOfThreeAt(700);
    }

    private void givenCivilAffairsMatchingFindsAFileForTheHousehold() {
        duplicateFileFound = true;
    }

    private ProcessInstance submitApplication() {
        return submit(ENTERPRISE, "KN-2025-0001", APPLICATION_ID);
    }

    private ProcessInstance submit(String route, String applicationNumber, long applicationId) {
        return submit(route, applicationNumber, applicationId, Map.of());
    }

    /** Starts the process with the variables EnrollmentProcessStarter gives it, some overridden. */
    private ProcessInstance submit(String route, String applicationNumber, long applicationId,
                                   Map<String, Object> overrides) {
        Map<String, Object> variables = new HashMap<>(withVariables(
                "applicationId", applicationId,
                "applicationNumber", applicationNumber,
                "applicantName", "张三",
                "route", route,
                "departmentCode", "D1",
                "companyCode", "C1",
                "branchUnionCode", "B1",
                "countyUnionCode", "CU1",
                "regionCode", DAQING_SARTU,
                "onDay", SUBMITTED_ON,
                "noticePeriod", "P5D",
                "filedBy", APPLICANT));
        variables.putAll(overrides);
        return runtimeService().startProcessInstanceByKey(PROCESS, applicationNumber, variables);
    }

    private ProcessInstance unionApplicationOnNotice(String applicationNumber, long applicationId) {
        ProcessInstance application = submit(UNION, applicationNumber, applicationId);
        approve(REVIEW_BY_BRANCH_UNION, application);
        verifyHousehold(application);
        approve(APPROVE_BY_COUNTY_UNION, application);
        assertThat(application).isWaitingAtExactly(AWAIT_NOTICE_OUTCOME, NOTICE_PERIOD_ENDED);
        return application;
    }

    private void approve(String step, ProcessInstance application) {
        decide(step, application, "approve", "情况属实");
    }

    private void decide(String step, ProcessInstance application, String decision, String comment) {
        assertThat(application).isWaitingAtExactly(REVIEW_CHAIN, step);
        complete(task(step, application), withVariables("decision", decision, "comment", comment));
    }

    private void verifyHousehold(ProcessInstance application) {
        assertThat(application).isWaitingAtExactly(REVIEW_CHAIN, VERIFY_HOUSEHOLD);
        complete(task(VERIFY_HOUSEHOLD, application), withVariables("verificationComplete", true));
    }

    /** Moves the engine clock past the end of the notice and fires the timer, as the job executor would. */
    private void noticePeriodEnds(ProcessInstance application) {
        Job timer = noticeTimerOf(application);
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plusSeconds(1)));
        Assertions.assertThat(dueJobsOf(application)).isOne();
        managementService().executeJob(timer.getId());
    }

    private void lodgeObjection(ProcessInstance application, String summary) {
        runtimeService().createMessageCorrelation(OBJECTION_LODGED)
                .processInstanceId(application.getId())
                .setVariable("objectionSummary", summary)
                .correlate();
    }

    private void decideObjection(ProcessInstance application, String outcome, String comment) {
        assertThat(application).isWaitingAt(DECIDE_OBJECTION);
        complete(task(DECIDE_OBJECTION, application), withVariables("objectionOutcome", outcome, "comment", comment));
    }

    // --- looking at the engine

    private Job noticeTimerOf(ProcessInstance application) {
        Job timer = managementService().createJobQuery().processInstanceId(application.getId()).timers().singleResult();
        Assertions.assertThat(timer).as("notice timer of %s", application.getBusinessKey()).isNotNull();
        return timer;
    }

    private long dueJobsOf(ProcessInstance application) {
        return managementService().createJobQuery().processInstanceId(application.getId()).executable().count();
    }

    private void assertOfferedTo(String step, ProcessInstance application, String group, String formId) {
        Task task = task(step, application);
        assertThat(task).isNotAssigned();
        Assertions.assertThat(candidateGroupsOf(task)).as("candidate groups of %s", step).containsExactly(group);
        try {
            Assertions.assertThat(deployedFormIdOf(task)).as("form of %s", step).isEqualTo(formId);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long timesReached(ProcessInstance application, String activityId) {
        return historyService().createHistoricActivityInstanceQuery()
                .processInstanceId(application.getId())
                .activityId(activityId)
                .count();
    }

    private Object historicVariable(ProcessInstance application, String name) {
        HistoricVariableInstance variable = historyService().createHistoricVariableInstanceQuery()
                .processInstanceId(application.getId()).variableName(name).singleResult();
        return variable == null ? null : variable.getValue();
    }

    // --- recording mocks standing in for the application's beans

    /**
     * Stands in for the application's verificationListener: refuses the completion, and so keeps
     * the task open, unless the household visit is done (here: the form's checkbox is ticked).
     */
    static final class RefusingVerificationListener implements TaskListener {
        final List<Object> verifiedApplicationIds = new ArrayList<>();

        @Override
        public void notify(DelegateTask task) {
            if (!Boolean.TRUE.equals(task.getVariable("verificationComplete"))) {
                throw new ProcessEngineException("三查一访记录不完整");
            }
            verifiedApplicationIds.add(task.getVariable("applicationId"));
        }
    }

    /** Records the applicationId of every application it is called for, then does what the story needs. */
    static final class RecordingDelegate implements JavaDelegate {
        final List<Object> applicationIds = new ArrayList<>();
        private final Consumer<DelegateExecution> effect;

        RecordingDelegate() {
            this(execution -> { });
        }

        RecordingDelegate(Consumer<DelegateExecution> effect) {
            this.effect = effect;
        }

        @Override
        public void execute(DelegateExecution execution) {
            applicationIds.add(execution.getVariable("applicationId"));
            effect.accept(execution);
        }
    }
}
