package cn.hardshiprelief.survey;

import cn.hardshiprelief.aid.AidGrant;
import cn.hardshiprelief.aid.AidKind;
import cn.hardshiprelief.aid.AidRequestForm;
import cn.hardshiprelief.aid.AidRequests;
import cn.hardshiprelief.aid.AidTasks;
import cn.hardshiprelief.fund.Funds;
import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.household.HouseholdFileRepository;
import cn.hardshiprelief.household.IncomeEntry;
import cn.hardshiprelief.household.RecheckForm;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.survey.SurveyPage.BranchUnionProgress;
import cn.hardshiprelief.survey.SurveyPage.ExitTarget;
import cn.hardshiprelief.survey.SurveyPage.FileLine;
import cn.hardshiprelief.task.InboxEntry;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The annual survey in the whole application: the start timer read from the application's schedule,
 * a survey task for each of the demo's three branch unions, re-checks counted as re-verified, the
 * lists of files to look at, submissions (only by the branch union's own staff) that close the
 * survey, the county union's yearly exit target, and who may open the page. The demo data shares
 * one context with the other story tests, so counts are compared before and after, not absolute.
 */
@AppTest
class AnnualSurveyStoryTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Map<String, String> CONFIRMED = Map.of("surveyConfirmed", "true");
    private static final List<String> ENTERPRISE_CHAIN = List.of("head1", "director1", "hr1", "office1");
    private static final List<String> ENTERPRISE_CHAIN_2 = List.of("head2", "director1", "hr1", "office1");

    @Autowired ProcessEngine engine;
    @Autowired Enrollments enrollments;
    @Autowired Directory directory;
    @Autowired HouseholdFileRepository files;
    @Autowired cn.hardshiprelief.household.Rechecks rechecks;
    @Autowired cn.hardshiprelief.household.FollowUpTasks followUpTasks;
    @Autowired cn.hardshiprelief.household.ChangeReports changes;
    @Autowired SurveyService surveys;
    @Autowired SurveyProgress progress;
    @Autowired SurveyRepository surveyRecords;
    @Autowired BranchUnionSurveyRepository surveyParts;
    @Autowired MockMvc mvc;
    @Autowired AppUserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired AidRequests aidRequests;
    @Autowired AidTasks aidTasks;
    @Autowired Funds funds;
    @Autowired PlatformTransactionManager transactions;

    private final int thisYear = Year.now(CHINA).getValue();

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    /** A year has one survey: each test opens its own and removes it afterwards. */
    @AfterEach
    void removeTheSurveysAndResetTheClock() {
        var runtime = engine.getRuntimeService();
        runtime.createProcessInstanceQuery().processDefinitionKey(AnnualSurveyProcess.PROCESS_ID).list()
                .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test over"));
        surveyParts.deleteAll();
        surveyRecords.deleteAll();
        ClockUtil.reset();
    }

    // --- the process in the application

    @Test
    void theStartTimerWaitsForMidnightOnTheNextFirstOfOctoberAsTheApplicationsScheduleSays() {
        Job timer = engine.getManagementService().createJobQuery().processDefinitionKey(AnnualSurveyProcess.PROCESS_ID)
                .timers().singleResult();

        LocalDate today = LocalDate.now(CHINA);
        LocalDate firstOfOctober = LocalDate.of(today.getYear(), 10, 1);
        LocalDate next = today.isBefore(firstOfOctober) ? firstOfOctober : firstOfOctober.plusYears(1);
        assertThat(timer).as("the start timer, its cycle from the bean annualSurveySchedule").isNotNull();
        assertThat(ZonedDateTime.ofInstant(timer.getDuedate().toInstant(), CHINA).toLocalDateTime())
                .isEqualTo(next.atStartOfDay());
    }

    @Test
    void theSurveyAsksEachOfTheThreeBranchUnionsByThirtyNovemberAndOpensOnceAYear() {
        ProcessInstance survey = surveyStarts();

        assertThat(survey).isWaitingAt(AnnualSurveyProcess.SURVEY_TASK).hasPassed(AnnualSurveyProcess.OPEN_SURVEY);
        List<Task> tasks = surveyTasks(survey);
        assertThat(tasks).extracting(this::candidateGroupOf)
                .containsExactlyInAnyOrder("branchUnion_C01U", "branchUnion_CU01B01", "branchUnion_CU01B02");
        assertThat(tasks).extracting(Task::getDueDate).containsOnly(
                Date.from(LocalDateTime.of(thisYear, 11, 30, 23, 59, 59).atZone(CHINA).toInstant()));

        Survey record = surveyRecords.findByYear(thisYear).orElseThrow();
        assertThat(record.isOpen()).isTrue();
        assertThat(record.getProcessInstanceId()).isEqualTo(survey.getId());
        assertThat(surveyParts.findBySurveyId(record.getId())).extracting(p -> p.getBranchUnion().getCode())
                .containsExactlyInAnyOrder("C01U", "CU01B01", "CU01B02");

        assertThat(surveys.inboxEntries(directory.actor("branch1"))).singleElement()
                .extracting(InboxEntry::stepId, InboxEntry::subject, InboxEntry::link)
                .containsExactly("surveyBranchUnion", "城关街道工会", "/surveys?year=" + thisYear);

        assertThatThrownBy(this::surveyStarts).as("a second survey in the same year")
                .satisfies(e -> assertThat(businessCause(e).getMessageKey()).isEqualTo("survey.alreadyOpened"));
    }

    // --- progress

    @Test
    void aRecheckSinceTheSurveyOpenedCountsTheFileAsReVerifiedForItsBranchUnion() {
        HouseholdFile file = filed("worker1", ENTERPRISE_CHAIN);
        surveyStarts();
        BranchUnionProgress before = branchUnion(progress.page(directory.actor("county1"), null), "C01U");
        assertThat(before.activeFiles()).isPositive();
        assertThat(numbers(progress.page(directory.actor("county1"), null).neverHelped()))
                .as("nothing done for the file since filing").contains(file.getFileNumber());

        changes.reportChange(directory.actor("union1"), file.getId(), "爱人失业");
        rechecks.recordRecheck(directory.actor("union1"), file.getId(), recheck(file, 2, "900", true));

        SurveyPage county = progress.page(directory.actor("county1"), null);
        BranchUnionProgress after = branchUnion(county, "C01U");
        assertThat(after.reVerified()).isEqualTo(before.reVerified() + 1);
        assertThat(after.activeFiles()).isEqualTo(before.activeFiles());
        assertThat(after.percent()).isEqualTo((int) (after.reVerified() * 100 / after.activeFiles()));
        assertThat(numbers(county.neverHelped())).as("a re-check is not help").contains(file.getFileNumber());
        assertThat(county.branchUnions()).extracting(BranchUnionProgress::code)
                .containsExactly("C01U", "CU01B01", "CU01B02");

        SurveyPage companyUnion = progress.page(directory.actor("union1"), null);
        assertThat(companyUnion.branchUnions()).extracting(BranchUnionProgress::code).containsExactly("C01U");
        SurveyPage otherBranch = progress.page(directory.actor("branch1"), null);
        assertThat(otherBranch.branchUnions()).extracting(BranchUnionProgress::code).containsExactly("CU01B01");
        assertThat(numbers(otherBranch.neverHelped())).doesNotContain(file.getFileNumber());

        AidGrant lifeAid = aidRequests.request(directory.actor("union1"), new AidRequestForm(file.getId(), null,
                AidKind.LIFE_AID, null, null, null, unionFundId(), "生活困难", "6222020200112233445", "中国工商银行",
                null), null);
        aidTasks.decide(directory.actor("union2"), lifeAid.getId(), true, "同意");
        assertThat(numbers(progress.page(directory.actor("county1"), null).neverHelped()))
                .as("approved, not yet paid").contains(file.getFileNumber());
        engine.getManagementService().executeJob(engine.getManagementService().createJobQuery()
                .processInstanceId(lifeAid.getProcessInstanceId()).singleResult().getId());
        assertThat(numbers(progress.page(directory.actor("county1"), null).neverHelped()))
                .as("paid from the aid ledger").doesNotContain(file.getFileNumber());
    }

    private Long unionFundId() {
        return funds.ofUnion(directory.actor("union1").orgUnitId(), thisYear).get(0).getId();
    }

    @Test
    void aFileLastVerifiedOverAYearAgoIsListedAndItsExitCountsTowardsTheCountyUnionsTarget() {
        ExitTarget before = countyTarget();
        HouseholdFile file = filed("worker2", ENTERPRISE_CHAIN_2);
        filedThirteenMonthsAgo(file);

        assertThat(numbers(progress.page(directory.actor("county1"), null).notReVerified())).contains(file.getFileNumber());
        assertThat(numbers(progress.page(directory.actor("branch2"), null).notReVerified()))
                .as("another branch union's file").doesNotContain(file.getFileNumber());
        ExitTarget onRegister = countyTarget();
        assertThat(onRegister.onRegisterFirstOfJanuary()).isEqualTo(before.onRegisterFirstOfJanuary() + 1);
        assertThat(onRegister.target()).isEqualTo((onRegister.onRegisterFirstOfJanuary() + 2) / 3);

        exitConfirmed(file);

        ExitTarget after = countyTarget();
        assertThat(after.exitedThisYear()).isEqualTo(before.exitedThisYear() + 1);
        assertThat(after.onRegisterFirstOfJanuary()).as("it was on the register on 1 January")
                .isEqualTo(onRegister.onRegisterFirstOfJanuary());
        assertThat(after.met()).isEqualTo(after.exitedThisYear() >= after.target());
        assertThat(numbers(progress.page(directory.actor("county1"), null).notReVerified()))
                .doesNotContain(file.getFileNumber());
    }

    // --- submissions

    @Test
    void onlyABranchUnionsOwnStaffSubmitItsSurveyAndTheLastSubmissionClosesIt() throws Exception {
        ProcessInstance survey = surveyStarts();
        Task cityBranch = surveyTaskOf(survey, "CU01B01");

        assertThatThrownBy(() -> inOneTransaction(() -> engineTasks().claim(cityBranch.getId(), "branch2"),
                () -> engineTasks().complete(cityBranch.getId(), Map.of("surveyConfirmed", true))))
                .as("completed in Tasklist by someone of another branch union")
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("不在此环节的办理人范围内");
        assertThatThrownBy(() -> surveys.submit(directory.actor("county1"), thisYear, CONFIRMED))
                .isInstanceOf(ForbiddenException.class);

        surveys.submit(directory.actor("branch1"), thisYear, CONFIRMED);
        assertThatThrownBy(() -> surveys.submit(directory.actor("branch1"), thisYear, CONFIRMED))
                .isInstanceOf(ConflictException.class);
        surveys.submit(directory.actor("union1"), thisYear, CONFIRMED);
        assertThat(survey).isWaitingAt(AnnualSurveyProcess.SURVEY_TASK);
        assertThat(progress.page(directory.actor("branch2"), null).maySubmit()).isTrue();

        String page = mvc.perform(get("/surveys").param("year", String.valueOf(thisYear)).with(as("branch2")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).as("the survey step's Camunda Form on our page")
                .contains("name=\"surveyConfirmed\"", "本基层工会的年度摸底已完成");
        String unconfirmed = mvc.perform(post("/surveys/{year}/submission", thisYear).with(as("branch2")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(unconfirmed).contains("此项为必填项");
        assertThat(survey).isWaitingAt(AnnualSurveyProcess.SURVEY_TASK);

        mvc.perform(post("/surveys/{year}/submission", thisYear).with(as("branch2")).with(csrf())
                        .param("surveyConfirmed", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/surveys?year=" + thisYear))
                .andExpect(flash().attribute("success", "survey.submittedFlash"));

        assertThat(survey).isEnded().hasPassedInOrder(AnnualSurveyProcess.CLOSE_SURVEY, AnnualSurveyProcess.SURVEY_CLOSED);
        assertThat(surveyRecords.findByYear(thisYear).orElseThrow().getClosedAt()).isNotNull();
        SurveyPage closed = progress.page(directory.actor("admin"), thisYear);
        assertThat(closed.branchUnions()).extracting(BranchUnionProgress::code, BranchUnionProgress::submittedBy)
                .containsExactly(tuple("C01U", "周丽"), tuple("CU01B01", "吴刚"), tuple("CU01B02", "郑华"));
        assertThat(closed.maySubmit()).isFalse();
    }

    // --- the page

    @Test
    void theCountyUnionSeesTheProgressAndTheExitTargetAndAWorkerMayNotOpenThePage() throws Exception {
        mvc.perform(get("/surveys").with(as("county1")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("尚未开展过年度摸底"),
                        org.hamcrest.Matchers.containsString("id=\"exitTargets\""))));
        surveyStarts();

        mvc.perform(get("/surveys").with(as("worker1"))).andExpect(status().isForbidden());
        mvc.perform(get("/surveys").with(as("county1")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString(thisYear + " 年度摸底"),
                        org.hamcrest.Matchers.containsString("data-branch-union=\"CU01B02\""),
                        org.hamcrest.Matchers.containsString("id=\"exitTargets\""),
                        org.hamcrest.Matchers.containsString("data-county-union=\"CU01\""),
                        org.hamcrest.Matchers.containsString("示范县总工会"))));
        mvc.perform(get("/surveys").with(as("branch1")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/surveys/" + thisYear + "/submission")));
        mvc.perform(get("/surveys").param("year", "1999").with(as("county1"))).andExpect(status().isNotFound());
        mvc.perform(get("/surveys").param("lang", "en").with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("Survey " + thisYear),
                        org.hamcrest.Matchers.containsString("Exit target " + thisYear),
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("??")))));
    }

    // --- the steps of the story

    private ProcessInstance surveyStarts() {
        return engine.getRuntimeService().startProcessInstanceByKey(AnnualSurveyProcess.PROCESS_ID);
    }

    /** A worker's application through the enterprise chain and the notice period: the household is filed. */
    private HouseholdFile filed(String worker, List<String> reviewers) {
        EnrollmentApplication application = enrollments.submittedBy(worker);
        for (String reviewer : reviewers) {
            enrollments.decide(reviewer, application.getId(), "approve", null);
        }
        Job notice = engine.getManagementService().createJobQuery()
                .processInstanceId(application.getProcessInstanceId()).timers().singleResult();
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(6, ChronoUnit.DAYS)));
        engine.getManagementService().executeJob(notice.getId());
        ClockUtil.reset();
        return files.findByApplicationId(application.getId()).orElseThrow();
    }

    /** The register has no back-dating; a file from last year is made by moving its filing date. */
    private void filedThirteenMonthsAgo(HouseholdFile file) {
        Instant thirteenMonthsAgo = ZonedDateTime.now(CHINA).minusMonths(13).toInstant();
        jdbc.update("update household_file set filed_at = ? where id = ?", Timestamp.from(thirteenMonthsAgo), file.getId());
    }

    /** Six good months and no cause left: the re-check proposes exit and the county union confirms it. */
    private void exitConfirmed(HouseholdFile file) {
        changes.reportChange(directory.actor("union1"), file.getId(), "夫妻均已稳定就业");
        rechecks.recordRecheck(directory.actor("union1"), file.getId(), recheck(file, 6, "5000", false));
        String confirmExit = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(String.valueOf(file.getId()))
                .taskDefinitionKey("confirmExit").singleResult().getId();
        followUpTasks.decideExit(directory.actor("county1"), file.getId(), confirmExit, "confirm", "连续六个月收入高于低保标准");
    }

    /** The re-check as its page prefills it (members, costs), with these months' incomes. */
    private RecheckForm recheck(HouseholdFile file, int months, String householdIncome, boolean causesRemaining) {
        RecheckForm form = rechecks.newRecheckForm(directory.actor("union1"), file.getId());
        form.getIncomes().clear();
        YearMonth now = YearMonth.now(CHINA);
        for (int i = months; i >= 1; i--) {
            form.getIncomes().add(new IncomeEntry(now.minusMonths(i), new BigDecimal(householdIncome), 2));
        }
        form.setCausesRemaining(causesRemaining);
        form.setVisitDate(LocalDate.now(CHINA).minusDays(1));
        form.setFindings("入户走访，核实收入和家庭成员");
        return form;
    }

    // --- looking at the results

    private ExitTarget countyTarget() {
        SurveyPage page = progress.page(directory.actor("county1"), null);
        assertThat(page.targetYear()).isEqualTo(thisYear);
        assertThat(page.exitTargets()).extracting(ExitTarget::countyCode).containsExactly("CU01");
        return page.exitTargets().get(0);
    }

    private static BranchUnionProgress branchUnion(SurveyPage page, String code) {
        return page.branchUnions().stream().filter(b -> b.code().equals(code)).findFirst().orElseThrow();
    }

    private static List<String> numbers(List<FileLine> lines) {
        return lines.stream().map(FileLine::fileNumber).toList();
    }

    private List<Task> surveyTasks(ProcessInstance survey) {
        return engineTasks().createTaskQuery().processInstanceId(survey.getId())
                .taskDefinitionKey(AnnualSurveyProcess.SURVEY_TASK).list();
    }

    private Task surveyTaskOf(ProcessInstance survey, String branchUnionCode) {
        return engineTasks().createTaskQuery().processInstanceId(survey.getId())
                .taskCandidateGroup("branchUnion_" + branchUnionCode).singleResult();
    }

    private String candidateGroupOf(Task task) {
        return engineTasks().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).findFirst().orElseThrow();
    }

    private org.camunda.bpm.engine.TaskService engineTasks() {
        return engine.getTaskService();
    }

    /** Runs the steps in one transaction, so a refused completion also rolls back the claim before it. */
    private void inOneTransaction(Runnable... steps) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (Runnable step : steps) {
                step.run();
            }
        });
    }

    private static BusinessException businessCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BusinessException business) {
                return business;
            }
        }
        throw new AssertionError("no business refusal in " + e, e);
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
