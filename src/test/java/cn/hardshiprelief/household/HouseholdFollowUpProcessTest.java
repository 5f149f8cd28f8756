package cn.hardshiprelief.household;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
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
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The story of a household file after filing, told against the BPMN and the real {@code exitRule}
 * table: a re-check (复核) every six months or at once when a change is reported, a reminder and an
 * escalation while a re-check is left open, and after each re-check the proposal: exit (confirmed
 * or kept by the county union), standing support (解困) or continued support, and then the wait for
 * the next re-check. Delegates and listeners are recording mocks, so these tests pin the process
 * contract (ids, timers, the message, groups, forms, conditions), not the application code.
 */
@Deployment(resources = {
        "processes/householdFollowUp.bpmn",
        "processes/exitRule.dmn",
        "forms/recheckHousehold.form",
        "forms/confirmExit.form"})
class HouseholdFollowUpProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-test.cfg.xml")
            .build();

    private static final String PROCESS = "householdFollowUp";

    private static final String HOUSEHOLD_FILED = "householdFiled";
    private static final String AWAIT_NEXT_RECHECK = "awaitNextRecheck";
    private static final String RECHECK_DUE = "recheckDue";
    private static final String CHANGE_REPORTED = "changeReported";
    private static final String RECHECK_HOUSEHOLD = "recheckHousehold";
    private static final String RECHECK_REMINDER = "recheckReminder";
    private static final String REMIND_RECHECK = "remindRecheck";
    private static final String REMINDER_SENT = "reminderSent";
    private static final String RECHECK_ESCALATION = "recheckEscalation";
    private static final String ESCALATE_RECHECK = "escalateRecheck";
    private static final String RECHECK_ESCALATED = "recheckEscalated";
    private static final String COMPUTE_EXIT_FACTS = "computeExitFacts";
    private static final String DECIDE_FOLLOW_UP = "decideFollowUp";
    private static final String CONFIRM_EXIT = "confirmExit";
    private static final String EXIT_CONFIRMED = "exitConfirmed";
    private static final String MARK_EXITED = "markExited";
    private static final String HOUSEHOLD_EXITED = "householdExited";
    private static final String MARK_STANDING_SUPPORT = "markStandingSupport";
    private static final String RECLASSIFY_HOUSEHOLD = "reclassifyHousehold";

    /** Dates in the domain are dates in Asia/Shanghai; the build runs the JVM in that zone too. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final long FILE_ID = 42L;
    /** Filed on the last day of January: six calendar months later is 31 July, not 30 July or 1 August. */
    private static final LocalDateTime FILED_AT = LocalDateTime.of(2026, 1, 31, 10, 15);
    private static final LocalDateTime FIRST_RECHECK_DUE = LocalDateTime.of(2026, 7, 31, 10, 15);

    private final RefusingRecheckListener recheckListener = new RefusingRecheckListener();
    private final RecordingTaskListener exitDecisionListener = new RecordingTaskListener("exitDecision");
    private final RecordingDelegate remindRecheck = new RecordingDelegate();
    private final RecordingDelegate escalateRecheck = new RecordingDelegate();
    private final RecordingDelegate markExited = new RecordingDelegate();
    private final RecordingDelegate markStandingSupport = new RecordingDelegate();
    private final RecordingDelegate reclassifyHousehold = new RecordingDelegate();

    /** What computeExitFacts finds in the incomes and the latest re-check record; a story step sets it. */
    private final Map<String, Object> exitFacts = new HashMap<>();
    private final RecordingDelegate computeExitFacts = new RecordingDelegate(execution -> execution.setVariables(exitFacts));

    @BeforeEach
    void useTheTestEngineAClockOnTheDayOfFilingAndRecordingMocks() {
        BpmnAwareTests.init(engine.getProcessEngine());
        clockAt(FILED_AT);
        Mocks.register("recheckListener", recheckListener);
        Mocks.register("exitDecisionListener", exitDecisionListener);
        Mocks.register("remindRecheck", remindRecheck);
        Mocks.register("escalateRecheck", escalateRecheck);
        Mocks.register("computeExitFacts", computeExitFacts);
        Mocks.register("markExited", markExited);
        Mocks.register("markStandingSupport", markStandingSupport);
        Mocks.register("reclassifyHousehold", reclassifyHousehold);
        givenTheHouseholdIsStillBelowTheLine();
    }

    @AfterEach
    void forgetTheMocksAndTheClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    // --- the six-monthly re-check

    @ParameterizedTest(name = "filed {0}, re-checked {1}")
    @CsvSource({
            "2026-01-31, 2026-07-31",
            "2026-03-15, 2026-09-15",
            "2026-08-31, 2027-02-28"})
    void theFirstRecheckFallsDueSixCalendarMonthsAfterFiling(LocalDate filedOn, LocalDate dueOn) {
        clockAt(filedOn.atTime(10, 15));
        ProcessInstance household = fileHousehold(FILE_ID);

        assertThat(household).isWaitingAtExactly(AWAIT_NEXT_RECHECK);
        Assertions.assertThat(recheckTimerOf(household).getDuedate()).isEqualTo(date(dueOn.atTime(10, 15)));

        clockAt(dueOn.atTime(10, 14));
        Assertions.assertThat(dueJobsOf(household)).as("due a minute before").isZero();
        clockAt(dueOn.atTime(10, 15));
        Assertions.assertThat(dueJobsOf(household)).as("due on the day").isOne();
    }

    @Test
    void sixMonthsAfterFilingTheBranchUnionIsAskedToRecheckTheHousehold() throws IOException {
        ProcessInstance household = fileHousehold(FILE_ID);

        recheckFallsDue(household);

        assertThat(household).isWaitingAtExactly(RECHECK_HOUSEHOLD)
                .hasPassedInOrder(HOUSEHOLD_FILED, AWAIT_NEXT_RECHECK, RECHECK_DUE)
                .hasNotPassed(CHANGE_REPORTED);
        assertOfferedTo(RECHECK_HOUSEHOLD, household, "branchUnion_B1", "recheckHousehold");
        Assertions.assertThat(task(RECHECK_HOUSEHOLD, household).getCreateTime())
                .isEqualTo(date(FIRST_RECHECK_DUE));
    }

    @Test
    void theRecheckCannotBeCompletedUntilItsRecordIsFilledIn() {
        ProcessInstance household = fileHousehold(FILE_ID);
        recheckFallsDue(household);
        Task recheck = task(RECHECK_HOUSEHOLD, household);

        Assertions.assertThatThrownBy(() -> taskService().complete(recheck.getId(),
                        withVariables("recheckRecorded", false)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("复核记录不完整");

        assertThat(household).isWaitingAtExactly(RECHECK_HOUSEHOLD).hasNotPassed(COMPUTE_EXIT_FACTS);
        branchUnionRechecks(household);
        Assertions.assertThat(recheckListener.recheckedFileIds).containsExactly(FILE_ID);
    }

    @Test
    void aRecheckLeftOpenRemindsTheBranchUnionAfterTwoWeeksAndIsEscalatedAfterThirtyDaysWhileItStaysOpen() {
        ProcessInstance household = fileHousehold(FILE_ID);
        recheckFallsDue(household);
        Task recheck = task(RECHECK_HOUSEHOLD, household);
        LocalDateTime recheckCreated = FIRST_RECHECK_DUE;
        Assertions.assertThat(timerAt(RECHECK_REMINDER, household).getDuedate())
                .isEqualTo(date(recheckCreated.plusDays(14)));
        Assertions.assertThat(timerAt(RECHECK_ESCALATION, household).getDuedate())
                .isEqualTo(date(recheckCreated.plusDays(30)));

        clockAt(recheckCreated.plusDays(14));
        Assertions.assertThat(dueJobsOf(household)).as("only the reminder is due after 14 days").isOne();
        managementService().executeJob(timerAt(RECHECK_REMINDER, household).getId());

        assertThat(household).isWaitingAtExactly(RECHECK_HOUSEHOLD)
                .hasPassedInOrder(RECHECK_REMINDER, REMIND_RECHECK, REMINDER_SENT)
                .hasNotPassed(RECHECK_ESCALATION, ESCALATE_RECHECK);
        Assertions.assertThat(task(RECHECK_HOUSEHOLD, household).getId()).isEqualTo(recheck.getId());
        Assertions.assertThat(remindRecheck.fileIds).containsExactly(FILE_ID);
        Assertions.assertThat(escalateRecheck.fileIds).isEmpty();

        clockAt(recheckCreated.plusDays(30));
        managementService().executeJob(timerAt(RECHECK_ESCALATION, household).getId());

        assertThat(household).isWaitingAtExactly(RECHECK_HOUSEHOLD)
                .hasPassedInOrder(RECHECK_ESCALATION, ESCALATE_RECHECK, RECHECK_ESCALATED);
        Assertions.assertThat(task(RECHECK_HOUSEHOLD, household).getId()).isEqualTo(recheck.getId());
        Assertions.assertThat(escalateRecheck.fileIds).containsExactly(FILE_ID);
        Assertions.assertThat(remindRecheck.fileIds).as("reminded once only").containsExactly(FILE_ID);
        Assertions.assertThat(jobsOf(household)).as("no more timers while the re-check is open").isZero();

        branchUnionRechecks(household);

        assertThat(household).isWaitingAtExactly(AWAIT_NEXT_RECHECK).hasPassed(COMPUTE_EXIT_FACTS);
    }

    @Test
    void aRecheckDoneInTimeCancelsItsReminderAndEscalation() {
        ProcessInstance household = fileHousehold(FILE_ID);
        recheckFallsDue(household);
        clockAt(LocalDateTime.of(2026, 8, 5, 15, 0));

        branchUnionRechecks(household);

        assertThat(household).isWaitingAtExactly(AWAIT_NEXT_RECHECK)
                .hasNotPassed(REMIND_RECHECK, ESCALATE_RECHECK);
        Assertions.assertThat(managementService().createJobQuery().processInstanceId(household.getId())
                .activityId(RECHECK_REMINDER).count()).isZero();
        Assertions.assertThat(managementService().createJobQuery().processInstanceId(household.getId())
                .activityId(RECHECK_ESCALATION).count()).isZero();
        Assertions.assertThat(jobsOf(household)).as("only the next re-check's timer").isOne();
    }

    // --- a change reported between re-checks

    @Test
    void aChangeReportedForOneHouseholdStartsItsRecheckAtOnceAndLeavesTheOtherWaiting() {
        ProcessInstance first = fileHousehold(41L);
        ProcessInstance second = fileHousehold(42L);

        Assertions.assertThatThrownBy(() -> runtimeService().correlateMessage(CHANGE_REPORTED))
                .as("two households waiting: a change report must say which file")
                .isInstanceOf(MismatchingMessageCorrelationException.class);

        clockAt(FILED_AT.plusDays(40));
        reportChange("42");

        assertThat(second).isWaitingAtExactly(RECHECK_HOUSEHOLD)
                .hasPassedInOrder(AWAIT_NEXT_RECHECK, CHANGE_REPORTED)
                .hasNotPassed(RECHECK_DUE);
        Assertions.assertThat(task(RECHECK_HOUSEHOLD, second).getCreateTime())
                .as("re-checked at once, not at the six-month date").isEqualTo(date(FILED_AT.plusDays(40)));
        Assertions.assertThat(managementService().createJobQuery().processInstanceId(second.getId())
                .activityId(RECHECK_DUE).count()).as("the six-month timer is cancelled").isZero();
        assertThat(first).isWaitingAtExactly(AWAIT_NEXT_RECHECK).hasNotPassed(CHANGE_REPORTED);
        Assertions.assertThat(recheckTimerOf(first).getDuedate()).isEqualTo(date(FIRST_RECHECK_DUE));
    }

    @Test
    void aChangeReportedWhileARecheckIsOpenFindsNoHouseholdWaitingForIt() {
        ProcessInstance household = fileHousehold(FILE_ID);
        recheckFallsDue(household);

        Assertions.assertThatThrownBy(() -> reportChange(String.valueOf(FILE_ID)))
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(household).isWaitingAtExactly(RECHECK_HOUSEHOLD);
    }

    // --- what the re-check proposes

    @Test
    void aHouseholdSixMonthsAboveTheLineWithoutCausesIsProposedForExitAndTheCountyUnionConfirmsIt()
            throws IOException {
        givenTheHouseholdHasRecovered();
        ProcessInstance household = fileHousehold(FILE_ID);
        recheckFallsDue(household);

        branchUnionRechecks(household);

        assertThat(household).isWaitingAtExactly(CONFIRM_EXIT)
                .variables().containsEntry("proposal", "EXIT").containsEntry("monthsAboveLine", 6);
        assertOfferedTo(CONFIRM_EXIT, household, "countyUnion_CU1", "confirmExit");

        countyUnionDecides(household, "confirm", "家庭收入稳定，致困因素已消除");

        assertThat(household).isEnded()
                .hasPassedInOrder(RECHECK_HOUSEHOLD, COMPUTE_EXIT_FACTS, DECIDE_FOLLOW_UP, CONFIRM_EXIT,
                        EXIT_CONFIRMED, MARK_EXITED, HOUSEHOLD_EXITED)
                .hasNotPassed(MARK_STANDING_SUPPORT, RECLASSIFY_HOUSEHOLD);
        Assertions.assertThat(markExited.fileIds).containsExactly(FILE_ID);
        Assertions.assertThat(exitDecisionListener.completions).containsExactly("confirmExit:confirm");
        Assertions.assertThat(jobsOf(household)).as("no re-check after the exit").isZero();
    }

    @Test
    void theCountyUnionMayKeepAHouseholdProposedForExitWhichThenWaitsForItsNextRecheck() {
        givenTheHouseholdHasRecovered();
        ProcessInstance household = fileHousehold(FILE_ID);
        recheckFallsDue(household);
        branchUnionRechecks(household);
        LocalDateTime keptAt = LocalDateTime.of(2026, 8, 10, 9, 0);
        clockAt(keptAt);

        countyUnionDecides(household, "keep", "刚找到工作，收入尚不稳定，再观察半年");

        assertThat(household).isWaitingAtExactly(AWAIT_NEXT_RECHECK)
                .hasPassed(CONFIRM_EXIT, EXIT_CONFIRMED)
                .hasNotPassed(MARK_EXITED, HOUSEHOLD_EXITED);
        Assertions.assertThat(markExited.fileIds).isEmpty();
        Assertions.assertThat(exitDecisionListener.completions).containsExactly("confirmExit:keep");
        Assertions.assertThat(recheckTimerOf(household).getDuedate()).isEqualTo(date(keptAt.plusMonths(6)));
        Assertions.assertThat(timesReached(household, AWAIT_NEXT_RECHECK)).isEqualTo(2);
    }

    @Test
    void aHouseholdWithACauseThatCannotBeRemovedIsTakenIntoStandingSupportAndRecheckedAgain() {
        givenAMemberDisabledForLife();
        ProcessInstance household = fileHousehold(FILE_ID);
        recheckFallsDue(household);
        LocalDateTime recheckedAt = LocalDateTime.of(2026, 8, 3, 16, 30);
        clockAt(recheckedAt);

        branchUnionRechecks(household);

        assertThat(household).isWaitingAtExactly(AWAIT_NEXT_RECHECK)
                .hasPassedInOrder(RECHECK_HOUSEHOLD, DECIDE_FOLLOW_UP, MARK_STANDING_SUPPORT)
                .hasNotPassed(CONFIRM_EXIT, RECLASSIFY_HOUSEHOLD, MARK_EXITED)
                .variables().containsEntry("proposal", "STANDING_SUPPORT");
        Assertions.assertThat(markStandingSupport.fileIds).containsExactly(FILE_ID);
        Assertions.assertThat(recheckTimerOf(household).getDuedate()).as("the second re-check's timer")
                .isEqualTo(date(recheckedAt.plusMonths(6)));
        Assertions.assertThat(timesReached(household, AWAIT_NEXT_RECHECK)).isEqualTo(2);
    }

    @Test
    void aHouseholdStillBelowTheLineIsReclassifiedAndRecheckedAgain() {
        givenTheHouseholdIsStillBelowTheLine();
        ProcessInstance household = fileHousehold(FILE_ID);
        recheckFallsDue(household);
        LocalDateTime recheckedAt = LocalDateTime.of(2026, 8, 3, 16, 30);
        clockAt(recheckedAt);

        branchUnionRechecks(household);

        assertThat(household).isWaitingAtExactly(AWAIT_NEXT_RECHECK)
                .hasPassedInOrder(RECHECK_HOUSEHOLD, DECIDE_FOLLOW_UP, RECLASSIFY_HOUSEHOLD)
                .hasNotPassed(CONFIRM_EXIT, MARK_STANDING_SUPPORT, MARK_EXITED)
                .variables().containsEntry("proposal", "CONTINUE");
        Assertions.assertThat(reclassifyHousehold.fileIds).containsExactly(FILE_ID);
        Assertions.assertThat(recheckTimerOf(household).getDuedate()).as("the second re-check's timer")
                .isEqualTo(date(recheckedAt.plusMonths(6)));
        Assertions.assertThat(timesReached(household, AWAIT_NEXT_RECHECK)).isEqualTo(2);
    }

    @Test
    void aHouseholdBackToWaitingCanBeRecheckedAgainOnAChangeAndThenExit() {
        ProcessInstance household = fileHousehold(FILE_ID);
        recheckFallsDue(household);
        branchUnionRechecks(household);
        assertThat(household).isWaitingAtExactly(AWAIT_NEXT_RECHECK).hasPassed(RECLASSIFY_HOUSEHOLD);

        givenTheHouseholdHasRecovered();
        clockAt(LocalDateTime.of(2027, 1, 20, 9, 0));
        reportChange(String.valueOf(FILE_ID));
        branchUnionRechecks(household);
        countyUnionDecides(household, "confirm", "已连续六个月高于低保标准");

        assertThat(household).isEnded().hasPassed(CHANGE_REPORTED, HOUSEHOLD_EXITED);
        Assertions.assertThat(timesReached(household, RECHECK_HOUSEHOLD)).isEqualTo(2);
        Assertions.assertThat(computeExitFacts.fileIds).containsExactly(FILE_ID, FILE_ID);
    }

    // --- the steps of the story

    private void givenTheHouseholdIsStillBelowTheLine() {
        givenTheRecheckFinds(0, true, false);
    }

    private void givenTheHouseholdHasRecovered() {
        givenTheRecheckFinds(6, false, false);
    }

    private void givenAMemberDisabledForLife() {
        givenTheRecheckFinds(2, true, true);
    }

    private void givenTheRecheckFinds(int monthsAboveLine, boolean causesRemaining, boolean permanentCause) {
        exitFacts.clear();
        exitFacts.put("monthsAboveLine", monthsAboveLine);
        exitFacts.put("causesRemaining", causesRemaining);
        exitFacts.put("permanentCause", permanentCause);
    }

    /** Starts the process as the application does when it files a household: business key = file id. */
    private ProcessInstance fileHousehold(long fileId) {
        return runtimeService().startProcessInstanceByKey(PROCESS, String.valueOf(fileId), withVariables(
                "fileId", fileId,
                "fileNumber", "JD2026" + fileId,
                "branchUnionCode", "B1",
                "countyUnionCode", "CU1",
                "recheckInterval", "P6M",
                "reminderAfter", "P14D",
                "escalationAfter", "P30D"));
    }

    /** Moves the engine clock to the re-check's due date and fires its timer, as the job executor would. */
    private void recheckFallsDue(ProcessInstance household) {
        Job timer = recheckTimerOf(household);
        ClockUtil.setCurrentTime(timer.getDuedate());
        Assertions.assertThat(dueJobsOf(household)).isOne();
        managementService().executeJob(timer.getId());
    }

    private void reportChange(String fileId) {
        runtimeService().createMessageCorrelation(CHANGE_REPORTED)
                .processInstanceBusinessKey(fileId)
                .correlate();
    }

    private void branchUnionRechecks(ProcessInstance household) {
        assertThat(household).isWaitingAtExactly(RECHECK_HOUSEHOLD);
        complete(task(RECHECK_HOUSEHOLD, household), withVariables("recheckRecorded", true));
    }

    private void countyUnionDecides(ProcessInstance household, String exitDecision, String comment) {
        assertThat(household).isWaitingAtExactly(CONFIRM_EXIT);
        complete(task(CONFIRM_EXIT, household), withVariables("exitDecision", exitDecision, "comment", comment));
    }

    // --- looking at the engine

    private static void clockAt(LocalDateTime time) {
        ClockUtil.setCurrentTime(date(time));
    }

    private static Date date(LocalDateTime time) {
        return Date.from(ZonedDateTime.of(time, CHINA).toInstant());
    }

    private Job recheckTimerOf(ProcessInstance household) {
        return timerAt(RECHECK_DUE, household);
    }

    private Job timerAt(String activityId, ProcessInstance household) {
        Job timer = managementService().createJobQuery().processInstanceId(household.getId())
                .timers().activityId(activityId).singleResult();
        Assertions.assertThat(timer).as("timer %s of file %s", activityId, household.getBusinessKey()).isNotNull();
        return timer;
    }

    private long jobsOf(ProcessInstance household) {
        return managementService().createJobQuery().processInstanceId(household.getId()).count();
    }

    private long dueJobsOf(ProcessInstance household) {
        return managementService().createJobQuery().processInstanceId(household.getId()).executable().count();
    }

    private long timesReached(ProcessInstance household, String activityId) {
        return historyService().createHistoricActivityInstanceQuery()
                .processInstanceId(household.getId())
                .activityId(activityId)
                .count();
    }

    private void assertOfferedTo(String step, ProcessInstance household, String group, String formId)
            throws IOException {
        Task task = task(step, household);
        assertThat(task).isNotAssigned();
        Assertions.assertThat(candidateGroupsOf(task)).as("candidate groups of %s", step).containsExactly(group);
        Assertions.assertThat(deployedFormIdOf(task)).as("form of %s", step).isEqualTo(formId);
    }

    private List<String> candidateGroupsOf(Task task) {
        return taskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .toList();
    }

    /** Resolves the task's camunda:formRef to the form deployed with it and returns that form's JSON id. */
    private String deployedFormIdOf(Task task) throws IOException {
        CamundaFormRef formRef = formService().getTaskFormData(task.getId()).getCamundaFormRef();
        Assertions.assertThat(formRef.getBinding()).isEqualTo("deployment");
        try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
            JsonNode json = new ObjectMapper().readTree(form);
            Assertions.assertThat(json.path("id").asText()).isEqualTo(formRef.getKey());
            return json.path("id").asText();
        }
    }

    // --- recording mocks standing in for the application's beans

    /** Records "taskDefinitionKey:value" of one variable for every task completion it hears. */
    static final class RecordingTaskListener implements TaskListener {
        final List<String> completions = new ArrayList<>();
        private final String variable;

        RecordingTaskListener(String variable) {
            this.variable = variable;
        }

        @Override
        public void notify(DelegateTask task) {
            completions.add(task.getTaskDefinitionKey() + ":" + task.getVariable(variable));
        }
    }

    /**
     * Stands in for the application's recheckListener: refuses the completion, and so keeps the task
     * open, unless the re-check record is complete (here: the form's checkbox is ticked).
     */
    static final class RefusingRecheckListener implements TaskListener {
        final List<Object> recheckedFileIds = new ArrayList<>();

        @Override
        public void notify(DelegateTask task) {
            if (!Boolean.TRUE.equals(task.getVariable("recheckRecorded"))) {
                throw new ProcessEngineException("复核记录不完整");
            }
            recheckedFileIds.add(task.getVariable("fileId"));
        }
    }

    /** Records the fileId of every household it is called for, then does what the story needs. */
    static final class RecordingDelegate implements JavaDelegate {
        final List<Object> fileIds = new ArrayList<>();
        private final Consumer<DelegateExecution> effect;

        RecordingDelegate() {
            this(execution -> { });
        }

        RecordingDelegate(Consumer<DelegateExecution> effect) {
            this.effect = effect;
        }

        @Override
        public void execute(DelegateExecution execution) {
            fileIds.add(execution.getVariable("fileId"));
            effect.accept(execution);
        }
    }
}
