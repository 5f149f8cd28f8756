package cn.hardshiprelief.notification;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.enrollment.ReviewMoves;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.Households;
import cn.hardshiprelief.support.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Notifications from real engine events: an application submitted is a new task for the department head, each
 * approval one for the next reviewer, and the chain's approval a decision for the applicant; a return reaches the
 * applicant as "sent back", 回退 the earlier step's reviewer, a rejection the applicant with its reason. Each
 * story's applicant is a new worker, so their notifications are the story's; a reviewer's are found by the task.
 */
@AppTest
class NotificationStoryTest {

    @Autowired Enrollments enrollments;
    @Autowired People people;
    @Autowired NotificationCentre centre;
    @Autowired Directory directory;
    @Autowired ReviewMoves moves;
    @Autowired MockMvc mvc;
    @Autowired AppUserDetailsService users;

    private List<NotificationLine> of(String username) {
        return centre.page(directory.actor(username), 0, Locale.SIMPLIFIED_CHINESE).lines();
    }

    private List<NotificationLine> ofTask(String username, String taskId) {
        return of(username).stream().filter(n -> n.link().equals("/tasks/" + taskId + "/open")).toList();
    }

    @Test
    void aSubmittedApplicationIsANewTaskForTheDepartmentHeadAndItsApprovalReachesTheApplicant() throws Exception {
        String worker = people.newWorkerOf("C01D01");
        EnrollmentApplication application = enrollments.submittedBy(worker);
        String headsTask = enrollments.openTaskId(application.getId());

        assertThat(ofTask("head1", headsTask)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.TASK_ARRIVED);
            assertThat(n.text()).isEqualTo("新待办：部门负责人审核（困难职工建档申请）");
            assertThat(n.read()).isFalse();
        });
        assertThat(of(worker)).isEmpty();
        // the notification leads to the task's own page: the review page of an enrollment step
        mvc.perform(get("/tasks/{id}/open", headsTask).with(user(users.loadUserByUsername("head1"))))
                .andExpect(redirectedUrl("/tasks/" + headsTask));

        enrollments.decide("head1", application.getId(), "approve", null);
        String directorsTask = enrollments.openTaskId(application.getId());
        assertThat(ofTask("director1", directorsTask)).extracting(NotificationLine::text)
                .containsExactly("新待办：分管领导审核（困难职工建档申请）");
        for (String reviewer : Households.ENTERPRISE_CHAIN.subList(1, 4)) {
            enrollments.decide(reviewer, application.getId(), "approve", null);
        }

        assertThat(of(worker)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.APPROVED);
            assertThat(n.text()).isEqualTo("您的申请 " + application.getApplicationNumber() + " 已审核通过");
            assertThat(n.link()).isEqualTo("/applications/" + application.getId());
        });
        // a task already done leads to the inbox, which says so
        mvc.perform(get("/tasks/{id}/open", headsTask).with(user(users.loadUserByUsername("head1"))))
                .andExpect(redirectedUrl("/tasks"));
    }

    @Test
    void aReturnForCorrectionReachesTheApplicantAsSentBackAndLeadsToTheCorrection() throws Exception {
        String worker = people.newWorkerOf("C01D01");
        EnrollmentApplication application = enrollments.submittedBy(worker);
        enrollments.decide("head1", application.getId(), "return", "请补充孩子的在学证明");
        String correction = enrollments.openTaskId(application.getId());

        assertThat(of(worker)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.RETURNED);
            assertThat(n.text()).isEqualTo("已退回给您：申请人修改补正（困难职工建档申请）");
            assertThat(n.link()).isEqualTo("/tasks/" + correction + "/open");
        });
        mvc.perform(get("/tasks/{id}/open", correction).with(user(users.loadUserByUsername(worker))))
                .andExpect(redirectedUrl("/applications/" + application.getId() + "/edit"));
    }

    @Test
    void sendingBackToAnEarlierStepReachesThatStepsReviewerAsSentBack() {
        String worker = people.newWorkerOf("C01D01");
        EnrollmentApplication application = enrollments.submittedBy(worker);
        enrollments.decide("head1", application.getId(), "approve", null);

        moves.sendBack(directory.actor("director1"), enrollments.openTaskId(application.getId()),
                "reviewByDepartmentHead", "部门意见不完整");
        String again = enrollments.openTaskId(application.getId());

        assertThat(ofTask("head1", again)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.RETURNED);
            assertThat(n.text()).isEqualTo("已退回给您：部门负责人审核（困难职工建档申请）");
        });
        assertThat(of(worker)).isEmpty();
    }

    @Test
    void aRejectionReachesTheApplicantWithItsReason() {
        String worker = people.newWorkerOf("C01D01");
        EnrollmentApplication application = enrollments.submittedBy(worker);
        enrollments.decide("head1", application.getId(), "reject", "家庭人均收入高于标准");

        assertThat(of(worker)).extracting(NotificationLine::kind, NotificationLine::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(NotificationKind.REJECTED,
                        "您的申请 " + application.getApplicationNumber() + " 未获通过：家庭人均收入高于标准"));
    }
}
