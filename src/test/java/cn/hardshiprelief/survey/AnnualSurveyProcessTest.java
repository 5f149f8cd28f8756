package cn.hardshiprelief.survey;

import static cn.hardshiprelief.support.TaskOffers.deployedFormIdOf;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The year of the annual survey (年度调查摸底), told against the BPMN: the start timer fires at
 * midnight on 1 October, every branch union gets a survey task due on 30 November, the survey
 * closes when all have submitted, and the timer waits for 1 October of the next year. Delegates,
 * the listener and the schedule are test doubles, so these tests pin the process contract (ids, the
 * timer, the multi-instance, groups, due dates, the form), not the application code.
 */
@org.camunda.bpm.engine.test.Deployment(resources = {"processes/annualSurvey.bpmn", "forms/surveyBranchUnion.form"})
class AnnualSurveyProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-test.cfg.xml")
            .build();

    private static final String PROCESS = AnnualSurveyProcess.PROCESS_ID;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The day before the survey year starts. */
    private static final LocalDateTime LAST_DAY_OF_SEPTEMBER = LocalDateTime.of(2026, 9, 30, 16, 45);
    private static final LocalDateTime FIRST_OF_OCTOBER = LocalDateTime.of(2026, 10, 1, 0, 0);
    private static final LocalDateTime DUE = LocalDateTime.of(2026, 11, 30, 23, 59, 59);

    /** What openSurvey finds: three branch unions; B3 has no files on the register, and still gets its task. */
    private static final List<String> BRANCH_UNIONS = List.of("B1", "B2", "B3");

    private final RecordingDelegate openSurvey = new RecordingDelegate(execution -> {
        execution.setVariable("surveyId", 7L);
        execution.setVariable("surveyYear", 2026);
        execution.setVariable("dueDate", "2026-11-30T23:59:59+08:00");
        execution.setVariable("branchUnionCodes", new ArrayList<>(BRANCH_UNIONS));
    });
    private final RecordingDelegate closeSurvey = new RecordingDelegate(execution -> { });
    private final ConfirmingListener surveySubmittedListener = new ConfirmingListener();

    @BeforeEach
    void theDayBeforeTheSurveyYearWithTheDefaultScheduleAndRecordingMocks() {
        // the extension deploys after this method: the start timer is scheduled from this clock and schedule
        BpmnAwareTests.init(engine.getProcessEngine());
        clockAt(LAST_DAY_OF_SEPTEMBER);
        Mocks.register("annualSurveySchedule", new AnnualSurveySchedule(AnnualSurveySchedule.EVERY_FIRST_OF_OCTOBER));
        Mocks.register("openSurvey", openSurvey);
        Mocks.register("closeSurvey", closeSurvey);
        Mocks.register("surveySubmittedListener", surveySubmittedListener);
    }

    @AfterEach
    void forgetTheMocksAndTheClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    // --- the start timer

    @Test
    void theSurveyYearStartsAtMidnightOnTheFirstOfOctober() {
        Job timer = startTimer();

        Assertions.assertThat(timer.getDuedate()).isEqualTo(date(FIRST_OF_OCTOBER));
        clockAt(FIRST_OF_OCTOBER.minusSeconds(1));
        Assertions.assertThat(dueStartTimers()).as("a second before midnight").isZero();
        clockAt(FIRST_OF_OCTOBER);
        Assertions.assertThat(dueStartTimers()).as("at midnight").isOne();
        Assertions.assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS).count())
                .as("nothing runs before the timer fires").isZero();
    }

    @Test
    void onTheFirstOfOctoberEveryBranchUnionIsAskedForItsSurveyDueOnTheThirtiethOfNovember() throws IOException {
        ProcessInstance survey = surveyYearStarts();

        assertThat(survey).isWaitingAt(AnnualSurveyProcess.SURVEY_TASK)
                .hasPassedInOrder(AnnualSurveyProcess.SURVEY_YEAR_STARTS, AnnualSurveyProcess.OPEN_SURVEY);
        Assertions.assertThat(openSurvey.calls).isOne();
        List<Task> tasks = surveyTasks(survey);
        Assertions.assertThat(tasks).extracting(this::candidateGroupOf)
                .as("one task per branch union, the one without files included")
                .containsExactlyInAnyOrder("branchUnion_B1", "branchUnion_B2", "branchUnion_B3");
        for (Task task : tasks) {
            Assertions.assertThat(task.getAssignee()).isNull();
            Assertions.assertThat(task.getDueDate()).as("due date of %s", candidateGroupOf(task)).isEqualTo(date(DUE));
            Assertions.assertThat(task.getCreateTime()).isEqualTo(date(FIRST_OF_OCTOBER));
            Assertions.assertThat(deployedFormIdOf(task)).isEqualTo("surveyBranchUnion");
            Assertions.assertThat(taskService().getVariable(task.getId(), "branchUnionCode"))
                    .isEqualTo(candidateGroupOf(task).substring("branchUnion_".length()));
        }
    }

    @Test
    void afterTheTimerFiresTheNextSurveyIsDueOnTheFirstOfOctoberOfTheNextYear() {
        surveyYearStarts();

        Job next = startTimer();
        Assertions.assertThat(next.getDuedate()).isEqualTo(date(LocalDateTime.of(2027, 10, 1, 0, 0)));
        clockAt(LocalDateTime.of(2027, 1, 1, 0, 0));
        Assertions.assertThat(dueStartTimers()).as("not due across the new year").isZero();
    }

    @Test
    void theSurveyClosesWhenEveryBranchUnionHasSubmittedAndNotBefore() {
        ProcessInstance survey = surveyYearStarts();

        branchUnionSubmits(survey, "B2");
        branchUnionSubmits(survey, "B1");
        assertThat(survey).isWaitingAt(AnnualSurveyProcess.SURVEY_TASK).hasNotPassed(AnnualSurveyProcess.CLOSE_SURVEY);
        Assertions.assertThat(closeSurvey.calls).isZero();
        Assertions.assertThat(surveyTasks(survey)).extracting(this::candidateGroupOf).containsExactly("branchUnion_B3");

        branchUnionSubmits(survey, "B3");

        assertThat(survey).isEnded().hasPassedInOrder(AnnualSurveyProcess.SURVEY_TASK,
                AnnualSurveyProcess.CLOSE_SURVEY, AnnualSurveyProcess.SURVEY_CLOSED);
        Assertions.assertThat(closeSurvey.calls).isOne();
        Assertions.assertThat(closeSurvey.surveyIds).containsExactly(7L);
        Assertions.assertThat(surveySubmittedListener.submitted).containsExactly("B2", "B1", "B3");
    }

    @Test
    void aSubmissionTheListenerRefusesLeavesTheTaskOpen() {
        ProcessInstance survey = surveyYearStarts();
        Task b1 = surveyTaskOf(survey, "B1");

        Assertions.assertThatThrownBy(() -> taskService().complete(b1.getId(), withVariables("surveyConfirmed", false)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("请确认");

        Assertions.assertThat(surveyTasks(survey)).hasSize(3);
        Assertions.assertThat(surveySubmittedListener.submitted).isEmpty();
    }

    // --- starting by hand and changing the schedule

    @Test
    void theSurveyCanAlsoBeStartedByHandWhichLeavesTheYearlyTimerAsItWas() {
        ProcessInstance survey = runtimeService().startProcessInstanceByKey(PROCESS);

        assertThat(survey).isWaitingAt(AnnualSurveyProcess.SURVEY_TASK);
        Assertions.assertThat(surveyTasks(survey)).hasSize(3);
        Assertions.assertThat(startTimer().getDuedate()).isEqualTo(date(FIRST_OF_OCTOBER));
    }

    @Test
    void theScheduleIsReadFromTheScheduleBeanWhenTheProcessIsDeployed() {
        Mocks.register("annualSurveySchedule", new AnnualSurveySchedule("0 0 8 15 9 ?"));
        Deployment redeployed = repositoryService().createDeployment()
                .addClasspathResource("processes/annualSurvey.bpmn")
                .addClasspathResource("forms/surveyBranchUnion.form")
                .deploy();
        try {
            Assertions.assertThat(startTimer().getDuedate()).as("the new version's timer replaces the old one")
                    .isEqualTo(date(LocalDateTime.of(2027, 9, 15, 8, 0)));
        } finally {
            repositoryService().deleteDeployment(redeployed.getId(), true);
        }
    }

    // --- the steps of the story

    /** Moves the engine clock to the timer's due date and fires it, as the job executor would. */
    private ProcessInstance surveyYearStarts() {
        Job timer = startTimer();
        ClockUtil.setCurrentTime(timer.getDuedate());
        managementService().executeJob(timer.getId());
        ProcessInstance survey = runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS)
                .singleResult();
        Assertions.assertThat(survey).as("the survey the timer started").isNotNull();
        return survey;
    }

    private void branchUnionSubmits(ProcessInstance survey, String branchUnionCode) {
        taskService().complete(surveyTaskOf(survey, branchUnionCode).getId(), withVariables("surveyConfirmed", true));
    }

    // --- looking at the engine

    private static void clockAt(LocalDateTime time) {
        ClockUtil.setCurrentTime(date(time));
    }

    private static Date date(LocalDateTime time) {
        return Date.from(ZonedDateTime.of(time, CHINA).toInstant());
    }

    private Job startTimer() {
        List<Job> timers = managementService().createJobQuery().processDefinitionKey(PROCESS).timers().list();
        Assertions.assertThat(timers).as("start timers of %s", PROCESS).hasSize(1);
        return timers.get(0);
    }

    private long dueStartTimers() {
        return managementService().createJobQuery().processDefinitionKey(PROCESS).timers().executable().count();
    }

    private List<Task> surveyTasks(ProcessInstance survey) {
        return taskService().createTaskQuery().processInstanceId(survey.getId())
                .taskDefinitionKey(AnnualSurveyProcess.SURVEY_TASK).list().stream()
                .sorted(Comparator.comparing(this::candidateGroupOf)).toList();
    }

    private Task surveyTaskOf(ProcessInstance survey, String branchUnionCode) {
        return taskService().createTaskQuery().processInstanceId(survey.getId())
                .taskDefinitionKey(AnnualSurveyProcess.SURVEY_TASK)
                .taskCandidateGroup("branchUnion_" + branchUnionCode).singleResult();
    }

    private String candidateGroupOf(Task task) {
        List<String> groups = taskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .toList();
        Assertions.assertThat(groups).as("candidate groups of task %s", task.getId()).hasSize(1);
        return groups.get(0);
    }

    // --- recording mocks standing in for the application's beans

    /** Counts its calls, records the surveyId it sees, then does what the story needs. */
    static final class RecordingDelegate implements JavaDelegate {
        int calls;
        final List<Object> surveyIds = new ArrayList<>();
        private final java.util.function.Consumer<DelegateExecution> effect;

        RecordingDelegate(java.util.function.Consumer<DelegateExecution> effect) {
            this.effect = effect;
        }

        @Override
        public void execute(DelegateExecution execution) {
            calls++;
            surveyIds.add(execution.getVariable("surveyId"));
            effect.accept(execution);
        }
    }

    /** Stands in for surveySubmittedListener: refuses an unconfirmed survey, records each branch union's submission. */
    static final class ConfirmingListener implements TaskListener {
        final List<Object> submitted = new ArrayList<>();

        @Override
        public void notify(DelegateTask task) {
            if (!Boolean.TRUE.equals(task.getVariable("surveyConfirmed"))) {
                throw new ProcessEngineException("请确认本基层工会的年度摸底已完成");
            }
            submitted.add(task.getVariable("branchUnionCode"));
        }
    }
}
