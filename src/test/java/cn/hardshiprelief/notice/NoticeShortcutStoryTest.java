package cn.hardshiprelief.notice;

import cn.hardshiprelief.enrollment.ApplicationEvent;
import cn.hardshiprelief.enrollment.ApplicationStatus;
import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.enrollment.EventOutcome;
import cn.hardshiprelief.enrollment.ReviewRecorder;
import cn.hardshiprelief.household.HouseholdFileRepository;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.Households;
import cn.hardshiprelief.support.People;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo's way past the five-day notice: an administrator ends a household's notice now on /admin/notices,
 * and the engine goes on as after a full period (the timer fires, the household is filed), with the
 * administrator on the application's timeline. Nobody else may, and without demo data nobody at all.
 */
@AppTest
class NoticeShortcutStoryTest {

    @Autowired MockMvc mvc;
    @Autowired AppUserDetailsService users;
    @Autowired ProcessEngine engine;
    @Autowired People people;
    @Autowired Enrollments enrollments;
    @Autowired Directory directory;
    @Autowired HouseholdFileRepository files;
    @Autowired PublicNoticeRepository notices;
    @Autowired NoticeService noticeService;
    @Autowired ReviewRecorder recorder;
    @Autowired Clock clock;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    /** A new worker of 生产部, approved along the enterprise chain: on notice for five days. */
    private EnrollmentApplication onNotice() {
        EnrollmentApplication application = enrollments.submittedBy(people.newWorkerOf("C01D01"));
        for (String reviewer : Households.ENTERPRISE_CHAIN) {
            enrollments.decide(reviewer, application.getId(), "approve", "同意");
        }
        assertThat(enrollments.reload(application.getId()).getStatus()).isEqualTo(ApplicationStatus.IN_NOTICE);
        return enrollments.reload(application.getId());
    }

    private ProcessInstance instanceOf(EnrollmentApplication application) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(application.getProcessInstanceId()).singleResult();
    }

    @Test
    void theAdministratorEndsTheNoticeNowAndTheHouseholdIsFiledWithTheAdministratorOnTheTimeline() throws Exception {
        EnrollmentApplication application = onNotice();
        ProcessInstance instance = instanceOf(application);
        assertThat(instance).isWaitingAt("noticePeriodEnded");

        String page = mvc.perform(get("/admin/notices").with(as("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("公示中的家庭", "立即结束公示", "/admin/notices/" + application.getId() + "/end");

        mvc.perform(post("/admin/notices/{id}/end", application.getId()).with(as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/notices"))
                .andExpect(flash().attribute("success", "notice.endNow.filed"));

        assertThat(instance).isEnded().hasPassed("noticePeriodEnded", "fileHousehold", "householdFiled");
        EnrollmentApplication filed = enrollments.reload(application.getId());
        assertThat(filed.getStatus()).isEqualTo(ApplicationStatus.FILED);
        assertThat(files.findByApplicationId(application.getId())).isPresent();
        ApplicationEvent early = filed.getEvents().stream()
                .filter(e -> e.getOutcome() == EventOutcome.NOTICE_ENDED_EARLY).findFirst().orElseThrow();
        assertThat(early.getActorUsername()).isEqualTo("admin");
        PublicNotice notice = notices.findByApplicationId(application.getId()).orElseThrow();
        assertThat(notice.getStatus()).isEqualTo(NoticeStatus.FILED);
        assertThat(notice.getEndsOn()).isEqualTo(LocalDate.now(clock));
        assertThat(mvc.perform(get("/applications/{id}", application.getId()).with(as("admin")))
                .andReturn().getResponse().getContentAsString()).contains("提前结束公示（演示）");
    }

    @Test
    void withAnObjectionWaitingTheHouseholdIsFiledOnlyAfterTheCountyUnionDismissesIt() throws Exception {
        EnrollmentApplication application = onNotice();
        PublicNotice notice = notices.findByApplicationId(application.getId()).orElseThrow();
        noticeService.object(notice.getUnit().getCode(), notice.getId(),
                new ObjectionForm("该户家庭有经营收入，未如实申报。", "13800000000"), "10.9." + UUID.randomUUID().hashCode());
        ProcessInstance instance = instanceOf(application);
        assertThat(instance).isWaitingAt("noticePeriodEnded", "decideObjection");

        mvc.perform(post("/admin/notices/{id}/end", application.getId()).with(as("admin")).with(csrf()))
                .andExpect(flash().attribute("warning", "notice.endNow.objectionPending"));

        assertThat(instance).isWaitingAt("decideObjection").hasPassed("noticePeriodEnded").hasNotPassed("fileHousehold");
        assertThat(enrollments.reload(application.getId()).getStatus()).isEqualTo(ApplicationStatus.IN_NOTICE);
        mvc.perform(post("/admin/notices/{id}/end", application.getId()).with(as("admin")).with(csrf()))
                .andExpect(status().isConflict());

        enrollments.decideObjection("county1", application.getId(), "dismiss", "经核实，经营已停止。");
        assertThat(instance).isEnded().hasPassed("fileHousehold");
        assertThat(enrollments.reload(application.getId()).getStatus()).isEqualTo(ApplicationStatus.FILED);
    }

    @Test
    void nobodyButAnAdministratorMayAndOnlyForAHouseholdOnNotice() throws Exception {
        EnrollmentApplication application = onNotice();
        for (String other : new String[]{"county1", "office1", "worker1"}) {
            mvc.perform(post("/admin/notices/{id}/end", application.getId()).with(as(other)).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/admin/notices").with(as(other))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/notices/{id}/end", application.getId()).with(as("admin")))
                .andExpect(status().isForbidden()); // no CSRF token
        assertThat(instanceOf(application)).isWaitingAt("noticePeriodEnded");

        mvc.perform(post("/admin/notices/{id}/end", 999_999_999L).with(as("admin")).with(csrf()))
                .andExpect(status().isNotFound());
        EnrollmentApplication inReview = enrollments.submittedBy(people.newWorkerOf("C01D01"));
        mvc.perform(post("/admin/notices/{id}/end", inReview.getId()).with(as("admin")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/notices/{id}/end", application.getId()).with(as("admin")).with(csrf()))
                .andExpect(flash().attribute("success", "notice.endNow.filed"));
        mvc.perform(post("/admin/notices/{id}/end", application.getId()).with(as("admin")).with(csrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void withoutDemoDataTheNoticeRunsItsFullPeriodWhoeverAsks() {
        EnrollmentApplication application = onNotice();
        NoticeProcess engineUntouched = new NoticeProcess() {
            @Override
            public void objectionLodged(Long applicationId, String reason, String objectionSummary) {
                throw new AssertionError("the engine must not be asked");
            }

            @Override
            public boolean endPeriodNow(String processInstanceId) {
                throw new AssertionError("the engine must not be asked");
            }
        };
        NoticePeriodShortcut production = new NoticePeriodShortcut(notices, recorder, engineUntouched, clock, false);

        assertThat(production.available()).isFalse();
        assertThatThrownBy(() -> production.endNow(directory.actor("admin"), application.getId()))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("notice.endNow.demoOnly");
        assertThat(instanceOf(application)).isWaitingAt("noticePeriodEnded");
    }
}
