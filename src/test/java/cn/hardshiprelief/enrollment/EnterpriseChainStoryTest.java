package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.vocabulary.Tier;

import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.Households;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/** The enterprise chain end to end, through the real services, engine and database (H2). */
@AppTest
class EnterpriseChainStoryTest {

    @Autowired
    Enrollments enrollments;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ApplicationQueries queries;
    @Autowired
    Directory directory;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    private ProcessInstance instanceOf(EnrollmentApplication application) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(application.getProcessInstanceId()).singleResult();
    }

    @Test
    void aWorkersApplicationPassesFourApprovalsAndLandsOnTheConfirmedList() {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        ProcessInstance instance = instanceOf(application);
        assertThat(instance).isWaitingAt("reviewByDepartmentHead");
        assertThat(BpmnAwareTests.task("reviewByDepartmentHead", instance)).hasCandidateGroup("departmentHead_C01D01");
        assertThat(application.getApplicationNumber()).matches("SQ\\d{10}");
        assertThat(application.getPerCapitaIncome()).isEqualByComparingTo("900.00");

        enrollments.decide("head1", application.getId(), "approve", null);
        assertThat(instance).isWaitingAt("reviewByDirector");
        enrollments.decide("director1", application.getId(), "approve", "情况属实");
        assertThat(instance).isWaitingAt("reviewByHr");
        enrollments.decide("hr1", application.getId(), "approve", null);
        assertThat(instance).isWaitingAt("approveByGeneralOffice");
        enrollments.decide("office1", application.getId(), "approve", "同意列入");

        assertThat(instance).hasPassed("confirmHardshipWorker", "matchCivilAffairsRecords", "classifyHardship")
                .isWaitingAt("noticePeriodEnded");
        EnrollmentApplication done = enrollments.reload(application.getId());
        assertThat(done.getStatus()).isEqualTo(ApplicationStatus.IN_NOTICE);
        assertThat(done.getEvents()).extracting(ApplicationEvent::getOutcome).startsWith(
                EventOutcome.SUBMITTED, EventOutcome.APPROVED, EventOutcome.APPROVED, EventOutcome.APPROVED,
                EventOutcome.APPROVED, EventOutcome.CONFIRMED, EventOutcome.MATCHED, EventOutcome.CLASSIFIED,
                EventOutcome.ON_NOTICE);
        assertThat(done.getEvents().get(2).getActorName()).isEqualTo("刘洋");
        assertThat(done.getEvents().get(2).getComment()).isEqualTo("情况属实");
        assertThat(queries.confirmed(directory.actor("hr1"))).extracting(EnrollmentApplication::getId)
                .contains(application.getId());
    }

    @Test
    void aWorkerHiredEightMonthsBeforeApplyingPassesTheChainButIsNotEligibleForLessThanAYearOfService() {
        ApplicationForm form = Enrollments.completeForm("张伟");
        form.setHireDate(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(8));
        EnrollmentApplication application = enrollments.submittedBy("worker1", form);
        for (String reviewer : Households.ENTERPRISE_CHAIN) {
            enrollments.decide(reviewer, application.getId(), "approve", null);
        }

        EnrollmentApplication done = enrollments.reload(application.getId());
        assertThat(done.monthsOfServiceAtSubmission()).isEqualTo(8);
        assertThat(done.getStatus()).isEqualTo(ApplicationStatus.NOT_ELIGIBLE);
        assertThat(done.getTier()).isEqualTo(Tier.NOT_ELIGIBLE);
        assertThat(done.getClassificationReason()).isEqualTo("工龄不满一年（入职不满12个月），不符合困难职工界定条件");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(application.getProcessInstanceId()).singleResult().getEndActivityId())
                .isEqualTo("applicationNotEligible");
    }

    @Test
    void aWorkerWithThreeYearsOfServiceIsClassifiedAndPutOnNoticeAsBefore() {
        ApplicationForm form = Enrollments.completeForm("张伟");
        form.setHireDate(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusYears(3));
        EnrollmentApplication application = enrollments.submittedBy("worker1", form);
        for (String reviewer : Households.ENTERPRISE_CHAIN) {
            enrollments.decide(reviewer, application.getId(), "approve", null);
        }

        EnrollmentApplication done = enrollments.reload(application.getId());
        assertThat(done.monthsOfServiceAtSubmission()).isEqualTo(36);
        assertThat(done.getStatus()).isEqualTo(ApplicationStatus.IN_NOTICE);
        assertThat(done.getTier().eligible()).isTrue();
    }

    @Test
    void theDirectorReturnsItAndAfterCorrectionReviewResumesAtTheDirector() {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        enrollments.decide("head1", application.getId(), "approve", null);
        enrollments.decide("director1", application.getId(), "return", "请补充孩子的在学证明");

        EnrollmentApplication returned = enrollments.reload(application.getId());
        assertThat(returned.getStatus()).isEqualTo(ApplicationStatus.RETURNED);
        assertThat(returned.getReturnReason()).isEqualTo("请补充孩子的在学证明");
        assertThat(instanceOf(application)).isWaitingAt("correctApplication");
        assertThat(BpmnAwareTests.task("correctApplication", instanceOf(application))).isAssignedTo("worker1");

        enrollments.resubmit("worker1", application.getId(), "已补充");
        assertThat(instanceOf(application)).isWaitingAt("reviewByDirector");
        assertThat(enrollments.reload(application.getId()).getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(enrollments.reload(application.getId()).getAccount()).endsWith("（已补充说明）");
    }

    @Test
    void hrRejectsItWithAReasonTheApplicantCanRead() {
        EnrollmentApplication application = enrollments.submittedBy("worker2");
        enrollments.decide("head2", application.getId(), "approve", null);
        enrollments.decide("director1", application.getId(), "approve", null);
        enrollments.decide("hr1", application.getId(), "reject", "家庭人均收入高于标准");

        assertThat(instanceOf(application)).isNull();
        EnrollmentApplication rejected = queries.view(directory.actor("worker2"), application.getId());
        assertThat(rejected.getStatus()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(rejected.getRejectionReason()).isEqualTo("家庭人均收入高于标准");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(application.getProcessInstanceId()).finished().count()).isEqualTo(1);
        // The rejection leaves the review chain through the event subprocess 审核不予通过, which ends here.
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(application.getProcessInstanceId()).activityId("applicationRejected")
                .finished().count()).isEqualTo(1);
    }

    @Test
    void aTaskDecidedOnceCannotBeDecidedAgainAndSaysByWhom() {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        String taskId = enrollments.openTaskId(application.getId());
        enrollments.decide("head1", application.getId(), "approve", null);

        assertThatThrownBy(() -> enrollmentsReview().decide(directory.actor("head1"), taskId, "approve", null))
                .isInstanceOf(TaskAlreadyDecidedException.class)
                .satisfies(e -> assertThat(((TaskAlreadyDecidedException) e).getArgs()[0]).isEqualTo("王强"));
    }

    @Test
    void theHeadOfAnotherDepartmentCanNeitherSeeNorDecideIt() {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        String taskId = enrollments.openTaskId(application.getId());
        assertThatThrownBy(() -> enrollmentsReview().decide(directory.actor("head2"), taskId, "approve", null))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> queries.view(directory.actor("head2"), application.getId()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> queries.view(directory.actor("worker2"), application.getId()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(instanceOf(application)).isWaitingAt("reviewByDepartmentHead");
    }

    @Test
    void twoDecisionsOnTheSameTaskAtOnceMakeOneDecisionAndOneClearRefusal() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        String taskId = enrollments.openTaskId(application.getId());
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (String decision : java.util.List.of("approve", "approve")) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        reviewService.decide(directory.actor("head1"), taskId, decision, null);
                        return "decided";
                    } catch (cn.hardshiprelief.shared.ConflictException e) {
                        return e.getMessageKey();
                    }
                }));
            }
            start.countDown();
            java.util.List<String> outcomes = new java.util.ArrayList<>();
            for (var result : results) {
                outcomes.add(result.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(outcomes).containsExactlyInAnyOrder("decided", "task.alreadyDecided");
        } finally {
            pool.shutdownNow();
        }
        EnrollmentApplication after = enrollments.reload(application.getId());
        assertThat(after.getEvents()).filteredOn(e -> e.getOutcome() == EventOutcome.APPROVED).hasSize(1);
        assertThat(instanceOf(application)).isWaitingAt("reviewByDirector");
    }

    @Autowired
    ReviewService reviewService;

    private ReviewService enrollmentsReview() {
        return reviewService;
    }
}
