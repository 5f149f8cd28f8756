package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.vocabulary.Tier;

import java.util.Map;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.household.HouseholdFileRepository;
import cn.hardshiprelief.notice.NoticeService;
import cn.hardshiprelief.notice.ObjectionForm;
import cn.hardshiprelief.notice.PublicNotice;
import cn.hardshiprelief.notice.PublicNoticeRepository;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.EarlierStories;
import cn.hardshiprelief.task.InvalidFormException;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.People;
import cn.hardshiprelief.verification.CheckResult;
import cn.hardshiprelief.verification.VerificationForm;
import cn.hardshiprelief.verification.VerificationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * From application to household file: the union route with 三查一访, the shared tail of matching,
 * classification and public notice, objections, and one household one file.
 */
@AppTest
class UnionRouteAndFilingStoryTest {

    @Autowired Enrollments enrollments;
    @Autowired ProcessEngine engine;
    @Autowired Directory directory;
    @Autowired VerificationService verifications;
    @Autowired NoticeService notices;
    @Autowired PublicNoticeRepository noticeRepository;
    @Autowired HouseholdFileRepository files;
    @Autowired EnrollmentService enrollment;
    @Autowired MockMvc mvc;
    @Autowired EarlierStories earlierStories;
    @Autowired People people;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private ProcessInstance instanceOf(EnrollmentApplication application) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(application.getProcessInstanceId()).singleResult();
    }

    private static VerificationForm completeVerification() {
        VerificationForm form = new VerificationForm();
        form.setIncomeResult(CheckResult.CONFIRMED);
        form.setPropertyResult(CheckResult.CONFIRMED);
        form.setFamilyResult(CheckResult.DISCREPANCY);
        form.setFamilyNotes("女儿已在外地工作，未共同生活");
        form.setVisitDate(LocalDate.now().minusDays(1));
        form.setVisitors("吴刚、社区网格员李某");
        form.setVisitFindings("租住 30 平方米平房，家中无大件电器，情况基本属实。");
        return form;
    }

    private void noticePeriodEnds(EnrollmentApplication application) {
        Job timer = engine.getManagementService().createJobQuery()
                .processInstanceId(application.getProcessInstanceId()).timers().singleResult();
        assertThat(timer).isNotNull();
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(6, ChronoUnit.DAYS)));
        engine.getManagementService().executeJob(timer.getId());
    }

    @Test
    void aMigrantWorkersApplicationIsVerifiedByTheBranchUnionNoticedAndFiled() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker3");
        assertThat(application.getRoute()).isEqualTo(Route.UNION);
        assertThat(instanceOf(application)).isWaitingAt("reviewByBranchUnion");
        assertThat(BpmnAwareTests.task("reviewByBranchUnion", instanceOf(application)))
                .hasCandidateGroup("branchUnion_CU01B01");

        enrollments.decide("branch1", application.getId(), "approve", "情况属实，同意上报");
        assertThat(instanceOf(application)).isWaitingAt("verifyHousehold");

        VerificationForm incomplete = new VerificationForm();
        incomplete.setIncomeResult(CheckResult.CONFIRMED);
        assertThatThrownBy(() -> verifications.complete(directory.actor("branch1"), application.getId(), incomplete, Map.of("verificationComplete", "true")))
                .isInstanceOf(IncompleteApplicationException.class)
                .satisfies(e -> assertThat(((IncompleteApplicationException) e).getMissing())
                        .contains("verification.missing.property", "verification.missing.visit"));
        assertThatThrownBy(() -> verifications.complete(directory.actor("branch2"), application.getId(), completeVerification(), Map.of("verificationComplete", "true")))
                .isInstanceOf(cn.hardshiprelief.shared.ForbiddenException.class);
        verifications.complete(directory.actor("branch1"), application.getId(), completeVerification(), Map.of("verificationComplete", "true"));
        assertThat(instanceOf(application)).isWaitingAt("approveByCountyUnion");
        assertThat(BpmnAwareTests.task("approveByCountyUnion", instanceOf(application))).hasCandidateGroup("countyUnion_CU01");

        enrollments.decide("county1", application.getId(), "approve", null);
        EnrollmentApplication noticed = enrollments.reload(application.getId());
        assertThat(noticed.getStatus()).isEqualTo(ApplicationStatus.IN_NOTICE);
        assertThat(noticed.getTier()).isNotNull().isNotEqualTo(Tier.NOT_ELIGIBLE);
        assertThat(noticed.getDibaoLine()).isNotNull();
        assertThat(instanceOf(application)).hasPassed("matchCivilAffairsRecords", "classifyHardship", "startPublicNotice");

        String page = mvc.perform(get("/public/notices/CU01B01")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        HouseholdMember head = noticed.getMembers().get(0);
        assertThat(page).contains("王*").doesNotContain("王芳").contains(head.getIdNumberMasked());
        assertThat(page).doesNotContain(head.getIdNumberMasked().substring(0, 3) + head.getBirthDate().getYear());

        noticePeriodEnds(application);
        assertThat(instanceOf(application)).isNull();
        HouseholdFile file = files.findByApplicationId(application.getId()).orElseThrow();
        assertThat(file.getFileNumber()).startsWith("JD");
        assertThat(file.getPairedCadre()).isEqualTo("branch1");
        assertThat(file.getBranchUnion().getCode()).isEqualTo("CU01B01");
        assertThat(enrollments.reload(application.getId()).getStatus()).isEqualTo(ApplicationStatus.FILED);
        assertThat(noticeRepository.findByApplicationId(application.getId()).orElseThrow().getStatus().name()).isEqualTo("FILED");
    }

    @Test
    void aHouseholdAlreadyFiledCannotApplyAgainAndIsToldWhichFile() {
        earlierStories.closeHouseholdsOf("worker2");
        ApplicationForm first = Enrollments.completeForm("李娜");
        EnrollmentApplication application = enrollment.submit(directory.actor("worker2"), null, first);
        for (String reviewer : List.of("head2", "director1", "hr1", "office1")) {
            enrollments.decide(reviewer, application.getId(), "approve", null);
        }
        noticePeriodEnds(application);
        String fileNumber = files.findByApplicationId(application.getId()).orElseThrow().getFileNumber();

        ApplicationForm again = Enrollments.completeForm("李娜");
        again.getMembers().get(0).setIdNumber(first.getMembers().get(0).getIdNumber());
        again.getMembers().get(0).setBirthDate(first.getMembers().get(0).getBirthDate());
        assertThatThrownBy(() -> enrollment.submit(directory.actor("worker2"), null, again))
                .isInstanceOf(BusinessException.class)
                .satisfies(e -> assertThat(((BusinessException) e).getMessageKey()).isEqualTo("application.workerHasActiveFile"))
                .satisfies(e -> assertThat(((BusinessException) e).getArgs()[0]).isEqualTo(fileNumber));

        String spouse = people.withRoles("spouse2", "C01D02", "worker_C01D02");
        try {
            ApplicationForm bySpouse = Enrollments.completeForm("兼职spouse2");
            bySpouse.getMembers().get(1).setIdNumber(first.getMembers().get(1).getIdNumber());
            bySpouse.getMembers().get(1).setBirthDate(first.getMembers().get(1).getBirthDate());
            assertThatThrownBy(() -> enrollment.submit(directory.actor(spouse), null, bySpouse))
                    .isInstanceOf(BusinessException.class)
                    .satisfies(e -> assertThat(((BusinessException) e).getMessageKey()).isEqualTo("application.alreadyFiled"))
                    .satisfies(e -> assertThat(((BusinessException) e).getArgs()[0]).isEqualTo(fileNumber));
        } finally {
            people.removeAll();
        }
    }

    @Test
    void anUpheldObjectionStopsTheNoticeAndRejectsTheApplication() {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        for (String reviewer : List.of("head1", "director1", "hr1", "office1")) {
            enrollments.decide(reviewer, application.getId(), "approve", null);
        }
        PublicNotice notice = noticeRepository.findByApplicationId(application.getId()).orElseThrow();
        notices.object(notice.getUnit().getCode(), notice.getId(), new ObjectionForm("该户家中有两套住房，收入情况不实", "13800000000"), "10.0.0.1");
        assertThat(instanceOf(application)).isWaitingAt("decideObjection", "noticePeriodEnded");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(application.getProcessInstanceId())
                .timers().count()).as("the notice keeps running while the objection is decided").isOne();

        assertThatThrownBy(() -> enrollments.decideObjection("county1", application.getId(), "uphold", " "))
                .isInstanceOf(InvalidFormException.class);
        enrollments.decideObjection("county1", application.getId(), "uphold", "经核实该户有两套住房");

        assertThat(instanceOf(application)).isNull();
        EnrollmentApplication rejected = enrollments.reload(application.getId());
        assertThat(rejected.getStatus()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(rejected.getRejectionReason()).isEqualTo("经核实该户有两套住房");
        assertThat(files.findByApplicationId(application.getId())).isEmpty();
        assertThat(noticeRepository.findByApplicationId(application.getId()).orElseThrow().getStatus().name())
                .isEqualTo("WITHDRAWN");
    }

    @Test
    void aDismissedObjectionLeavesTheNoticeRunningAndTheHouseholdIsFiledWhenItsPeriodEnds() {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        for (String reviewer : List.of("head1", "director1", "hr1", "office1")) {
            enrollments.decide(reviewer, application.getId(), "approve", null);
        }
        PublicNotice notice = noticeRepository.findByApplicationId(application.getId()).orElseThrow();
        notices.object(notice.getUnit().getCode(), notice.getId(), new ObjectionForm("听说他家有车", "匿名电话 123"), "10.0.0.2");
        enrollments.decideObjection("county1", application.getId(), "dismiss", "车辆为借用，已核实");

        assertThat(files.findByApplicationId(application.getId())).as("not filed before the notice ends").isEmpty();
        assertThat(enrollments.reload(application.getId()).getStatus()).isEqualTo(ApplicationStatus.IN_NOTICE);
        assertThat(instanceOf(application)).isWaitingAt("noticePeriodEnded");
        assertThat(notices.openAt(notice.getUnit().getCode()).notices()).extracting(PublicNotice::getId)
                .as("still on the public notice page").contains(notice.getId());

        noticePeriodEnds(application);

        assertThat(files.findByApplicationId(application.getId())).isPresent();
        assertThat(enrollments.reload(application.getId()).getEvents()).extracting(ApplicationEvent::getOutcome)
                .contains(EventOutcome.OBJECTION, EventOutcome.OBJECTION_DISMISSED, EventOutcome.FILED);
    }
}
