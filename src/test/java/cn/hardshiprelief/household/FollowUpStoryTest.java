package cn.hardshiprelief.household;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Enrollments;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/** A filed household's life: the follow-up process, a change report, a re-check, exit confirmed by the county union. */
@AppTest
class FollowUpStoryTest {

    @Autowired Enrollments enrollments;
    @Autowired ProcessEngine engine;
    @Autowired Directory directory;
    @Autowired HouseholdFileRepository files;
    @Autowired FollowUpService followUp;
    @Autowired cn.hardshiprelief.household.Rechecks rechecks;
    @Autowired cn.hardshiprelief.household.FollowUpTasks followUpTasks;
    @Autowired cn.hardshiprelief.household.ChangeReports changes;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired cn.hardshiprelief.security.AppUserDetailsService users;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private HouseholdFile filed(String worker, List<String> reviewers) {
        EnrollmentApplication application = enrollments.submittedBy(worker);
        for (String reviewer : reviewers) {
            enrollments.decide(reviewer, application.getId(), "approve", null);
        }
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(application.getProcessInstanceId())
                .timers().singleResult();
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(6, ChronoUnit.DAYS)));
        engine.getManagementService().executeJob(timer.getId());
        ClockUtil.reset();
        return files.findByApplicationId(application.getId()).orElseThrow();
    }

    private ProcessInstance followUpOf(HouseholdFile file) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("householdFollowUp")
                .processInstanceBusinessKey(String.valueOf(file.getId())).singleResult();
    }

    /** The re-check as its page prefills it for union1 (members, costs), with these months' incomes. */
    private RecheckForm recheckWithIncomes(HouseholdFile file, int months, String perMonth, boolean causesRemaining) {
        RecheckForm form = rechecks.newRecheckForm(directory.actor("union1"), file.getId());
        form.getIncomes().clear();
        YearMonth now = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        for (int i = months; i >= 1; i--) {
            form.getIncomes().add(new IncomeEntry(now.minusMonths(i), new BigDecimal(perMonth), 2));
        }
        form.setCausesRemaining(causesRemaining);
        form.setVisitDate(LocalDate.now().minusDays(1));
        form.setFindings("入户走访，夫妻均已稳定就业");
        return form;
    }

    @Test
    void filingStartsTheFollowUpWithAReCheckDueInSixMonths() {
        HouseholdFile file = filed("worker1", List.of("head1", "director1", "hr1", "office1"));
        ProcessInstance followUp = followUpOf(file);
        assertThat(followUp).isWaitingAt("awaitNextRecheck");
        Job recheckDue = engine.getManagementService().createJobQuery().processInstanceId(followUp.getId()).timers()
                .singleResult();
        LocalDate due = recheckDue.getDuedate().toInstant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
        assertThat(due).isBetween(LocalDate.now().plusMonths(6).minusDays(1), LocalDate.now().plusMonths(6).plusDays(7));
    }

    @Test
    void theExitPageIsTheConfirmExitFormAndARefusalKeepsWhatWasTyped() throws Exception {
        HouseholdFile file = filed("worker1", List.of("head1", "director1", "hr1", "office1"));
        changes.reportChange(directory.actor("worker1"), file.getId(), "爱人找到工作，收入增加");
        rechecks.recordRecheck(directory.actor("union1"), file.getId(), recheckWithIncomes(file, 6, "5000", false));
        ProcessInstance instance = followUpOf(file);
        String task = BpmnAwareTests.task("confirmExit", instance).getId();
        var county = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .user(users.loadUserByUsername("county1"));
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        String url = "/households/" + file.getId() + "/exit/" + task;

        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url).with(county))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).as("forms/confirmExit.form, as deployed").contains("name=\"exitDecision\"", "确认脱困",
                "暂不脱困，继续帮扶", "name=\"comment\"");

        var refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url)
                .with(county).with(csrf).param("exitDecision", "keep").param("comment", " ")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("暂不脱困时请说明理由")
                .containsPattern("value=\"keep\"[^>]*checked=\"checked\"");
        assertThat(instance).isWaitingAt("confirmExit");

        engine.getIdentityService().setAuthentication("county1", List.of("countyUnion_CU01"));
        try {
            assertThatThrownBy(() -> engine.getTaskService().complete(task, java.util.Map.of("exitDecision", "keep")))
                    .as("Tasklist and /engine-rest: keeping the file needs a reason there too")
                    .hasMessageContaining("暂不脱困时请说明理由");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(instance).isWaitingAt("confirmExit");

        var kept = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url)
                .with(county).with(csrf).param("exitDecision", "keep").param("comment", "大病医疗费用仍在持续"))
                .andReturn().getResponse();
        assertThat(kept.getStatus()).isEqualTo(302);
        assertThat(instance).hasPassed("confirmExit");
    }

    @Test
    void aChangeReportTriggersAReCheckAndSixGoodMonthsWithoutCausesLeadToAConfirmedExit() {
        HouseholdFile file = filed("worker1", List.of("head1", "director1", "hr1", "office1"));
        changes.reportChange(directory.actor("worker1"), file.getId(), "爱人找到工作，收入增加");
        ProcessInstance instance = followUpOf(file);
        assertThat(instance).isWaitingAt("recheckHousehold");
        assertThat(BpmnAwareTests.task("recheckHousehold", instance)).hasCandidateGroup("branchUnion_C01U");

        assertThatThrownBy(() -> rechecks.recordRecheck(directory.actor("branch2"), file.getId(), recheckWithIncomes(file, 6, "5000", false)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> rechecks.recordIncome(directory.actor("union1"), file.getId(),
                YearMonth.now().plusMonths(1), new BigDecimal("3000"), 2))
                .isInstanceOf(BusinessException.class)
                .satisfies(e -> assertThat(((BusinessException) e).getMessageKey()).isEqualTo("income.futureMonth"));

        rechecks.recordRecheck(directory.actor("union1"), file.getId(), recheckWithIncomes(file, 6, "5000", false));
        assertThat(instance).isWaitingAt("confirmExit");
        assertThat(BpmnAwareTests.task("confirmExit", instance)).hasCandidateGroup("countyUnion_CU01");
        assertThatThrownBy(() -> rechecks.recordIncome(directory.actor("union1"), file.getId(),
                YearMonth.now().minusMonths(1), new BigDecimal("3000"), 2))
                .satisfies(e -> assertThat(((BusinessException) e).getMessageKey()).isEqualTo("income.overlap"));

        String task = BpmnAwareTests.task("confirmExit", instance).getId();
        followUpTasks.decideExit(directory.actor("county1"), file.getId(), task, "confirm", "连续六个月收入高于低保标准");
        assertThat(instance).hasPassed("markExited").isWaitingAt("awaitWatchVisit");
        HouseholdFile exited = files.findById(file.getId()).orElseThrow();
        assertThat(exited.getStatus()).isEqualTo(FileStatus.EXITED);

        // within the watch, a change report brings the post-exit visit at once; a relapse opens the fast path
        changes.reportChange(directory.actor("worker1"), file.getId(), "爱人突发重病住院");
        assertThat(instance).isWaitingAt("watchRecheck");
        String visit = BpmnAwareTests.task("watchRecheck", instance).getId();
        followUpTasks.recordWatchVisit(directory.actor("union1"), file.getId(), visit, "yes", "爱人住院，家庭收入骤降");
        assertThat(instance).isEnded().hasPassed("reopenAsRelapse");

        var relapse = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("hardshipEnrollment")
                .variableValueEquals("route", "relapse").list().stream()
                .filter(pi -> ((Number) engine.getRuntimeService().getVariable(pi.getId(), "applicationId")).longValue()
                        != file.getApplicationId()).reduce((a, b) -> b).orElseThrow();
        assertThat(relapse).isWaitingAt("verifyHousehold");
        assertThat(BpmnAwareTests.task("verifyHousehold", relapse)).hasCandidateGroup("branchUnion_C01U");

        // after the watch ends, only a new application can bring the household back
        assertThatThrownBy(() -> changes.reportChange(directory.actor("worker1"), file.getId(), "又生病了"))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void theCountyUnionCancelsAFileAndItsFollowUpStops() {
        HouseholdFile file = filed("worker2", List.of("head2", "director1", "hr1", "office1"));
        assertThatThrownBy(() -> changes.cancel(directory.actor("union1"), file.getId(), CancelReason.MOVED_AWAY, null))
                .isInstanceOf(ForbiddenException.class);
        changes.cancel(directory.actor("county1"), file.getId(), CancelReason.MOVED_AWAY, "已迁往外省");
        assertThat(files.findById(file.getId()).orElseThrow().getStatus()).isEqualTo(FileStatus.CANCELLED);
        assertThat(followUpOf(file)).isNull();
    }

    @Test
    void fiveGoodMonthsAreNotEnoughAndTheFileStays() {
        HouseholdFile file = filed("worker2", List.of("head2", "director1", "hr1", "office1"));
        changes.reportChange(directory.actor("union1"), file.getId(), "收入变化");
        rechecks.recordRecheck(directory.actor("union1"), file.getId(), recheckWithIncomes(file, 5, "5000", false));
        ProcessInstance instance = followUpOf(file);
        assertThat(instance).hasPassed("reclassifyHousehold").isWaitingAt("awaitNextRecheck");
        assertThat(files.findById(file.getId()).orElseThrow().getStatus()).isEqualTo(FileStatus.ACTIVE);
    }
}
