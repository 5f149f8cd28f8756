package cn.hardshiprelief.enrollment.web;

import cn.hardshiprelief.enrollment.ApplicationStatus;
import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Enrollments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The reviewer's pages: the inbox, the review page rendered from the Camunda Form, the decision, the done list. */
@AppTest
class ReviewPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AppUserDetailsService users;
    @Autowired
    Enrollments enrollments;

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    /** The page; for the inbox (/tasks) every page of it. */
    private String page(String url, String username) throws Exception {
        if (url.equals("/tasks")) {
            return cn.hardshiprelief.support.InboxPages.all(mvc, as(username));
        }
        return mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private MockHttpServletRequestBuilder decision(String taskId, String decision, String comment) {
        MockHttpServletRequestBuilder request = post("/tasks/" + taskId).with(csrf()).param("decision", decision);
        return comment == null ? request : request.param("comment", comment);
    }

    @Test
    void aNewApplicationIsInTheInboxOfItsDepartmentHeadOnly() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        String taskId = enrollments.openTaskId(application.getId());

        assertThat(page("/tasks", "head1")).contains(application.getApplicationNumber(), "部门负责人审核", "张伟",
                "生产部", "/tasks/" + taskId);
        assertThat(page("/tasks", "head2")).doesNotContain(application.getApplicationNumber(), "/tasks/" + taskId);
    }

    @Test
    void theReviewPageShowsTheWholeApplicationEarlierDecisionsAndTheOptionsOfTheCamundaForm() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        enrollments.decide("head1", application.getId(), "approve", "情况属实，同意上报");
        String taskId = enrollments.openTaskId(application.getId());
        EnrollmentApplication reloaded = enrollments.reload(application.getId());
        String evidenceUrl = "/applications/" + application.getId() + "/evidence/"
                + reloaded.getEvidence().get(0).getId();

        String html = page("/tasks/" + taskId, "director1");

        assertThat(html).contains("分管领导审核", application.getApplicationNumber(), "张伟", "张小明", "900.00",
                "1,800.00", reloaded.getMembers().get(0).getIdNumberMasked(), evidenceUrl, "证明.pdf");
        assertThat(html).contains("部门负责人审核", "王强", "情况属实，同意上报");
        assertThat(html).contains("name=\"decision\" value=\"approve\"", "name=\"decision\" value=\"reject\"",
                "name=\"decision\" value=\"return\"", "同意", "不予通过", "退回修改", "name=\"comment\"");
        assertThat(html).contains("action=\"/tasks/" + taskId + "\"", "name=\"_csrf\"");
    }

    @Test
    void anApprovalReturnsToTheInboxWithAMessageAndPassesTheApplicationToTheDirector() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        String taskId = enrollments.openTaskId(application.getId());

        MvcResult result = mvc.perform(decision(taskId, "approve", "").with(as("head1")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/tasks"))
                .andExpect(flash().attribute("success", "review.decided.approve"))
                .andExpect(flash().attribute("successArg", application.getApplicationNumber())).andReturn();

        // as a browser follows the redirect: the flash message waits in the session (the database), named by the cookie
        String inbox = mvc.perform(get("/tasks").with(as("head1")).cookie(result.getResponse().getCookie("SESSION")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(inbox).contains("已同意申请 " + application.getApplicationNumber()).doesNotContain("/tasks/" + taskId);
        assertThat(enrollments.openStep(application.getId())).isEqualTo("reviewByDirector");
        assertThat(page("/tasks", "director1")).contains(application.getApplicationNumber(), "分管领导审核");
    }

    @ParameterizedTest(name = "{0} without a comment is refused")
    @ValueSource(strings = {"reject", "return"})
    void rejectingOrReturningWithoutACommentIsRefusedAndTheTaskStaysOpen(String decision) throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        String taskId = enrollments.openTaskId(application.getId());

        String html = mvc.perform(decision(taskId, decision, "  ").with(as("head1")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("不予通过或退回修改时必须填写意见说明")
                .containsPattern("<input[^>]*name=\"decision\" value=\"" + decision + "\"[^>]*checked");
        assertThat(enrollments.openTaskId(application.getId())).isEqualTo(taskId);
        assertThat(enrollments.reload(application.getId()).getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
    }

    @Test
    void aDecisionThatIsNotAnOptionOfTheFormIsRefused() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        String taskId = enrollments.openTaskId(application.getId());

        String html = mvc.perform(decision(taskId, "maybe", "再看看").with(as("head1")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("请选择列出的选项之一");
        assertThat(enrollments.openTaskId(application.getId())).isEqualTo(taskId);
    }

    @Test
    void aTaskDecidedOnceIsAConflictThatSaysWhoDecidedIt() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        String taskId = enrollments.openTaskId(application.getId());
        mvc.perform(decision(taskId, "approve", null).with(as("head1"))).andExpect(status().is3xxRedirection());

        String html = mvc.perform(decision(taskId, "approve", null).with(as("head1")))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("409", "该任务已由 王强 于").doesNotContain("Exception");
        assertThat(enrollments.reload(application.getId()).getEvents()).hasSize(2);
    }

    @Test
    void theHeadOfAnotherDepartmentCannotDecideAndTheTaskStaysOpen() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        String taskId = enrollments.openTaskId(application.getId());

        String html = mvc.perform(decision(taskId, "approve", null).with(as("head2")))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        mvc.perform(get("/tasks/" + taskId).with(as("head2"))).andExpect(status().isForbidden());

        assertThat(html).contains("您无权办理此任务");
        assertThat(enrollments.openTaskId(application.getId())).isEqualTo(taskId);
        assertThat(enrollments.reload(application.getId()).getEvents()).hasSize(1);
    }

    @Test
    void anUnknownTaskIsANotFoundPage() throws Exception {
        String html = mvc.perform(get("/tasks/no-such-task").with(as("head1")))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("404", "任务不存在").doesNotContain("Exception");
    }

    @Test
    void theDecisionAppearsInTheReviewersDoneListAndOnTheApplicantsTimeline() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        String taskId = enrollments.openTaskId(application.getId());
        mvc.perform(decision(taskId, "return", "请补充孩子的在学证明").with(as("head1")))
                .andExpect(status().is3xxRedirection());

        assertThat(page("/tasks/done", "head1")).contains(application.getApplicationNumber(), "部门负责人审核",
                "退回修改", "请补充孩子的在学证明", "/applications/" + application.getId());
        assertThat(page("/applications", "worker1")).contains(application.getApplicationNumber(), "已退回待修改",
                "/applications/" + application.getId() + "/edit");
        assertThat(page("/applications/" + application.getId(), "worker1")).contains("办理记录", "提交申请",
                "部门负责人审核", "退回修改", "王强", "请补充孩子的在学证明");
        assertThat(page("/applications/" + application.getId() + "/edit", "worker1"))
                .as("the correction step's Camunda Form (forms/correctApplication.form) on the form page")
                .contains("name=\"correctionNote\"", "补正说明", "说明修改了哪些内容、补充了哪些材料", "maxlength=\"1000\"");
    }
}
