package cn.hardshiprelief.household;

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

import cn.hardshiprelief.support.TaskOffers.RecordingTaskListener;
import java.io.IOException;
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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The story of a household file after filing, told against the BPMN and the real {@code exitRule}
 * table: a re-check (复核) every six months or at once when a change is reported, a reminder and an
 * escalation while a re-check is left open, and after each re-check the proposal: exit (confirmed
 * or kept by the county union), standing support (解困) or continued support, and then the wait for
 * the next re-check. After an exit the household is watched for twelve months: a lighter visit
 * (脱困后回访) six and twelve months on, or at once on a change report; a relapse (返困) opens the fast
 * path. Delegates and listeners are recording mocks, so these tests pin the process contract (ids,
 * timers, the message, groups, forms, conditions), not the application code.
 */
@Deployment(resources = {
        "processes/householdFollowUp.bpmn",
        "processes/exitRule.dmn",
        "forms/recheckHousehold.form",
        "forms/confirmExit.form",
        "forms/watchRecheck.form"})
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
    private static final String AWAIT_WATCH_VISIT = "awaitWatchVisit";
    private static final String WATCH_RECHECK_DUE = "watchRecheckDue";
    private static final String RELAPSE_REPORTED = "relapseReported";
    private static final String WATCH_RECHECK = "watchRecheck";
    private static final String RELAPSE_FOUND = "relapseFound";
    private static final String REOPEN_AS_RELAPSE = "reopenAsRelapse";
    private static final String HOUSEHOLD_RELAPSED = "householdRelapsed";
    private static final String WATCH_COMPLETE = "watchComplete";
    private static final String HOUSEHOLD_EXITED = "householdExited";
    private static final String MARK_STANDING_SUPPORT = "markStandingSupport";
    private static final String RECLASSIFY_HOUSEHOLD = "reclassifyHousehold";

    /** Dates in the domain are dates in Asia/Shanghai; the build runs the JVM in that zone too. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final long FILE_ID = 42L;
    /** Filed on the last day of January: six calendar months later is 31 July, not 30 July or 1 August. */
    private static final LocalDateTime FILED_AT = LocalDateTime.of(2026, 1, 31, 10, 15);
    private static final LocalDateTime FIRST_RECHECK_DUE = LocalDateTime.of(2026, 7, 31, 10, 15);
    /** The county union confirms the exit on this day; the watch counts from here. */
    private static final LocalDateTime EXITED_AT = LocalDateTime.of(2026, 8, 10, 9, 0);
    private static final LocalDateTime FIRST_WATCH_VISIT_DUE = LocalDateTime.of(2027, 2, 10, 9, 0);

    private final RefusingRecheckListener recheckListener = new RefusingRecheckListener();
    private final RecordingTaskListener exitDecisionListener = new RecordingTaskListener("exitDecision");
    private final RecordingDelegate remindRecheck = new RecordingDelegate();
    private final RecordingDelegate escalateRecheck = new RecordingDelegate();
    private final RecordingDelegate markExited = new RecordingDelegate();
    private final RecordingDelegate markStandingSupport = new RecordingDelegate();
    private final RecordingDelegate reclassifyHousehold = new RecordingDelegate();
    private final WatchVisitListener watchRecheckListener = new WatchVisitListener();
    private final RecordingDelegate reopenAsRelapse = new RecordingDelegate();

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
        Mocks.register("watchRecheckListener", watchRecheckListener);
        Mocks.register("reopenAsRelapse", reopenAsRelapse);
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

        assertThat(household).isWaitingAtExactly(AWAIT_WATCH_VISIT)
                .hasPassedInOrder(RECHECK_HOUSEHOLD, COMPUTE_EXIT_FACTS, DECIDE_FOLLOW_UP, CONFIRM_EXIT,
                        EXIT_CONFIRMED, MARK_EXITED)
                .hasNotPassed(MARK_STANDING_SUPPORT, RECLASSIFY_HOUSEHOLD, HOUSEHOLD_EXITED);
        Assertions.assertThat(markExited.fileIds).containsExactly(FILE_ID);
        Assertions.assertThat(exitDecisionListener.completions).containsExactly("confirmExit:confirm");
        Assertions.assertThat(managementService().createJobQuery().processInstanceId(household.getId())
                .activityId(RECHECK_DUE).count()).as("no re-check after the exit").isZero();
        Assertions.assertThat(jobsOf(household)).as("only the watch visit's timer").isOne();
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
                .hasPassedInOrder(RECHECK_HOUSEHOLD, DECIDE_FOLLOW_UP, MARK_STANDING_SUPPORT, RECLASSIFY_HOUSEHOLD)
                .hasNotPassed(CONFIRM_EXIT, MARK_EXITED)
                .variables().containsEntry("proposal", "STANDING_SUPPORT");
        Assertions.assertThat(markStandingSupport.fileIds).containsExactly(FILE_ID);
        Assertions.assertThat(reclassifyHousehold.fileIds).as("its tier follows the re-checked figures too")
                .containsExactly(FILE_ID);
        Assertions.assertThat(recheckTimerOf(household).getDuedate()).as("the second re-check's timer")
                .isEqualTo(date(recheckedAt.plusMonths(6)));
        Assertions.assertThat(timesReached(household, AWAIT_NEXT_RECHECK)).isEqualTo(2);
    }

    /**
     * The facts on file decide, not only the box: a member with a grade-3 disability certificate and the box
     * "cannot be removed" left unticked still proposes 解困, as plan 8's 刘忠滨 (肢体三级残疾).
     */
    @Test
    void aFileRecordingAMemberWithAGradeThreeDisabilityIsTakenIntoStandingSupportWithoutTheBox() {
        givenTheRecheckFinds(0, true, false);
        exitFacts.put("severestDisability", "GRADE_3");
        exitFacts.put("severestHealth", "HEALTHY");
        ProcessInstance household = fileHousehold(FILE_ID);
        recheckFallsDue(household);

        branchUnionRechecks(household);

        assertThat(household).isWaitingAtExactly(AWAIT_NEXT_RECHECK)
                .hasPassedInOrder(COMPUTE_EXIT_FACTS, DECIDE_FOLLOW_UP, MARK_STANDING_SUPPORT, RECLASSIFY_HOUSEHOLD)
                .variables().containsEntry("proposal", "STANDING_SUPPORT").containsEntry("permanentCause", false);
        Assertions.assertThat(markStandingSupport.fileIds).containsExactly(FILE_ID);
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

        assertThat(household).isWaitingAtExactly(AWAIT_WATCH_VISIT).hasPassed(CHANGE_REPORTED, MARK_EXITED);
        Assertions.assertThat(timesReached(household, RECHECK_HOUSEHOLD)).isEqualTo(2);
        Assertions.assertThat(computeExitFacts.fileIds).containsExactly(FILE_ID, FILE_ID);
    }

    // --- the twelve-month watch after exit (脱困后观察) and the relapse fast path (返困)

    @Test
    void anExitedHouseholdIsVisitedByItsBranchUnionWithTheLighterFormSixMonthsAfterTheExit() throws IOException {
        ProcessInstance household = exitedOn(EXITED_AT);

        assertThat(household).isWaitingAtExactly(AWAIT_WATCH_VISIT).hasPassed(MARK_EXITED)
                .hasNotPassed(HOUSEHOLD_EXITED, HOUSEHOLD_RELAPSED);
        Assertions.assertThat(watchTimerOf(household).getDuedate()).isEqualTo(date(FIRST_WATCH_VISIT_DUE));
        clockAt(FIRST_WATCH_VISIT_DUE.minusMinutes(1));
        Assertions.assertThat(dueJobsOf(household)).as("due a minute before").isZero();

        watchVisitFallsDue(household);

        assertThat(household).isWaitingAtExactly(WATCH_RECHECK)
                .hasPassedInOrder(MARK_EXITED, AWAIT_WATCH_VISIT, WATCH_RECHECK_DUE)
                .hasNotPassed(RELAPSE_REPORTED);
        assertOfferedTo(WATCH_RECHECK, household, "branchUnion_B1", "watchRecheck");
        Assertions.assertThat(task(WATCH_RECHECK, household).getCreateTime()).isEqualTo(date(FIRST_WATCH_VISIT_DUE));
        Assertions.assertThat(jobsOf(household)).as("no reminder or escalation on the lighter visit").isZero();
    }

    @Test
    void aHouseholdStableAtBothVisitsEndsExitedWhenTheWatchIsOver() {
        ProcessInstance household = exitedOn(EXITED_AT);
        watchVisitFallsDue(household);
        LocalDateTime firstVisitDone = LocalDateTime.of(2027, 2, 20, 15, 0);
        clockAt(firstVisitDone);

        branchUnionVisits(household, "no", "夫妻均在岗，收入稳定");

        assertThat(household).isWaitingAtExactly(AWAIT_WATCH_VISIT)
                .hasPassed(RELAPSE_FOUND, WATCH_COMPLETE)
                .hasNotPassed(REOPEN_AS_RELAPSE, HOUSEHOLD_EXITED)
                .variables().containsEntry("relapsed", false).containsEntry("watchVisits", 1);
        Assertions.assertThat(watchTimerOf(household).getDuedate()).as("the second visit, six months after the first")
                .isEqualTo(date(firstVisitDone.plusMonths(6)));
        Assertions.assertThat(timesReached(household, AWAIT_WATCH_VISIT)).isEqualTo(2);

        watchVisitFallsDue(household);
        branchUnionVisits(household, "no", "生活稳定，子女已工作");

        assertThat(household).isEnded()
                .hasPassedInOrder(MARK_EXITED, AWAIT_WATCH_VISIT, WATCH_RECHECK_DUE, WATCH_RECHECK, RELAPSE_FOUND,
                        WATCH_COMPLETE, HOUSEHOLD_EXITED)
                .hasNotPassed(RELAPSE_REPORTED, REOPEN_AS_RELAPSE, HOUSEHOLD_RELAPSED);
        Assertions.assertThat(timesReached(household, WATCH_RECHECK)).isEqualTo(2);
        Assertions.assertThat(historicVariable(household, "watchVisits")).isEqualTo(2);
        Assertions.assertThat(watchRecheckListener.choices).containsExactly("no", "no");
        Assertions.assertThat(reopenAsRelapse.fileIds).isEmpty();
        Assertions.assertThat(jobsOf(household)).isZero();
    }

    @ParameterizedTest(name = "relapsed at visit {0}")
    @ValueSource(ints = {1, 2})
    void aRelapseFoundAtAWatchVisitOpensTheFastPathOnceAndEndsTheWatch(int relapsedAtVisit) {
        ProcessInstance household = exitedOn(EXITED_AT);
        for (int visit = 1; visit < relapsedAtVisit; visit++) {
            watchVisitFallsDue(household);
            branchUnionVisits(household, "no", "生活稳定");
        }
        watchVisitFallsDue(household);

        branchUnionVisits(household, "yes", "户主失业，家庭人均收入已低于低保标准");

        assertThat(household).isEnded()
                .hasPassedInOrder(WATCH_RECHECK, RELAPSE_FOUND, REOPEN_AS_RELAPSE, HOUSEHOLD_RELAPSED)
                .hasNotPassed(HOUSEHOLD_EXITED);
        Assertions.assertThat(reopenAsRelapse.fileIds).containsExactly(FILE_ID);
        Assertions.assertThat(timesReached(household, WATCH_RECHECK)).isEqualTo(relapsedAtVisit);
        Assertions.assertThat(timesReached(household, WATCH_COMPLETE)).isEqualTo(relapsedAtVisit - 1);
        Assertions.assertThat(historicVariable(household, "relapsed")).isEqualTo(true);
        Assertions.assertThat(jobsOf(household)).isZero();
    }

    @Test
    void aChangeReportedDuringTheWatchBringsTheVisitAtOnceAndAConfirmedRelapseOpensTheFastPath() {
        ProcessInstance household = exitedOn(EXITED_AT);
        LocalDateTime reportedAt = EXITED_AT.plusDays(50);
        clockAt(reportedAt);

        reportChange(String.valueOf(FILE_ID));

        assertThat(household).isWaitingAtExactly(WATCH_RECHECK)
                .hasPassedInOrder(MARK_EXITED, AWAIT_WATCH_VISIT, RELAPSE_REPORTED)
                .hasNotPassed(WATCH_RECHECK_DUE, CHANGE_REPORTED);
        Assertions.assertThat(task(WATCH_RECHECK, household).getCreateTime())
                .as("visited at once, not at the six-month date").isEqualTo(date(reportedAt));
        Assertions.assertThat(managementService().createJobQuery().processInstanceId(household.getId())
                .activityId(WATCH_RECHECK_DUE).count()).as("the watch timer is cancelled").isZero();
        Assertions.assertThatThrownBy(() -> reportChange(String.valueOf(FILE_ID)))
                .as("a second report while the visit is open finds nothing waiting")
                .isInstanceOf(MismatchingMessageCorrelationException.class);

        branchUnionVisits(household, "yes", "爱人突发重病住院，自付医疗费用高");

        assertThat(household).isEnded().hasPassed(REOPEN_AS_RELAPSE, HOUSEHOLD_RELAPSED)
                .hasNotPassed(HOUSEHOLD_EXITED);
        Assertions.assertThat(reopenAsRelapse.fileIds).containsExactly(FILE_ID);
    }

    @ParameterizedTest(name = "watchInterval {0}: first visit on {1}")
    @CsvSource({
            "P6M, 2027-02-10",
            "P3M, 2026-11-10",
            "   , 2027-02-10"})
    void theWatchVisitFallsDueAfterTheInstancesWatchIntervalAndAfterSixMonthsWithoutOne(
            String watchInterval, LocalDate dueOn) {
        givenTheHouseholdHasRecovered();
        ProcessInstance household = startFollowUp(FILE_ID, watchInterval);
        recheckFallsDue(household);
        branchUnionRechecks(household);
        clockAt(EXITED_AT);
        countyUnionDecides(household, "confirm", "已连续六个月高于低保标准");

        assertThat(household).isWaitingAtExactly(AWAIT_WATCH_VISIT);
        Assertions.assertThat(watchTimerOf(household).getDuedate()).isEqualTo(date(dueOn.atTime(9, 0)));
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
        return startFollowUp(fileId, "P6M");
    }

    /**
     * The application's start variables; without a {@code watchInterval} (null) the instance is one
     * started before the watch existed, which has no {@code watchVisits} either.
     */
    private ProcessInstance startFollowUp(long fileId, String watchInterval) {
        Map<String, Object> variables = new HashMap<>(withVariables(
                "fileId", fileId,
                "fileNumber", "JD2026" + fileId,
                "branchUnionCode", "B1",
                "countyUnionCode", "CU1",
                "recheckInterval", "P6M",
                "reminderAfter", "P14D",
                "escalationAfter", "P30D"));
        if (watchInterval != null) {
            variables.put("watchInterval", watchInterval);
            variables.put("watchVisits", 0);
        }
        return runtimeService().startProcessInstanceByKey(PROCESS, String.valueOf(fileId), variables);
    }

    /** Files a recovered household, re-checks it and has the county union confirm its exit at the given time. */
    private ProcessInstance exitedOn(LocalDateTime exitConfirmedAt) {
        givenTheHouseholdHasRecovered();
        ProcessInstance household = fileHousehold(FILE_ID);
        recheckFallsDue(household);
        branchUnionRechecks(household);
        clockAt(exitConfirmedAt);
        countyUnionDecides(household, "confirm", "已连续六个月高于低保标准，致困因素已消除");
        return household;
    }

    /** Moves the engine clock to the watch visit's due date and fires its timer. */
    private void watchVisitFallsDue(ProcessInstance household) {
        Job timer = watchTimerOf(household);
        ClockUtil.setCurrentTime(timer.getDuedate());
        Assertions.assertThat(dueJobsOf(household)).isOne();
        managementService().executeJob(timer.getId());
    }

    /** The branch union's lighter visit: relapsedChoice yes (已返困) or no (生活稳定), and what it found. */
    private void branchUnionVisits(ProcessInstance household, String relapsedChoice, String findings) {
        assertThat(household).isWaitingAtExactly(WATCH_RECHECK);
        complete(task(WATCH_RECHECK, household), withVariables("relapsedChoice", relapsedChoice, "findings", findings));
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

    private Job watchTimerOf(ProcessInstance household) {
        return timerAt(WATCH_RECHECK_DUE, household);
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

    private Object historicVariable(ProcessInstance household, String name) {
        HistoricVariableInstance variable = historyService().createHistoricVariableInstanceQuery()
                .processInstanceId(household.getId()).variableName(name).singleResult();
        return variable == null ? null : variable.getValue();
    }

    private void assertOfferedTo(String step, ProcessInstance household, String group, String formId)
            throws IOException {
        Task task = task(step, household);
        assertThat(task).isNotAssigned();
        Assertions.assertThat(candidateGroupsOf(task)).as("candidate groups of %s", step).containsExactly(group);
        Assertions.assertThat(deployedFormIdOf(task)).as("form of %s", step).isEqualTo(formId);
    }

    // --- recording mocks standing in for the application's beans

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

    /**
     * Stands in for the application's watchRecheckListener: turns the form's radio {@code relapsedChoice}
     * into the boolean {@code relapsed} the gateway reads, and counts the visit in {@code watchVisits}.
     */
    static final class WatchVisitListener implements TaskListener {
        final List<String> choices = new ArrayList<>();

        @Override
        public void notify(DelegateTask task) {
            Object choice = task.getVariable("relapsedChoice");
            if (!"yes".equals(choice) && !"no".equals(choice)) {
                throw new ProcessEngineException("请选择是否返困");
            }
            Object visits = task.getVariable("watchVisits");
            choices.add((String) choice);
            task.getExecution().setVariable("relapsed", "yes".equals(choice));
            task.getExecution().setVariable("watchVisits", (visits == null ? 0 : ((Number) visits).intValue()) + 1);
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
