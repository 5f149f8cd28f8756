package cn.hardshiprelief.enrollment.web;

import cn.hardshiprelief.enrollment.ApplicationStatus;
import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.enrollment.EventOutcome;
import cn.hardshiprelief.enrollment.ApplicationEvent;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.People;
import cn.hardshiprelief.task.Tasks;
import cn.hardshiprelief.workbench.TaskOperations;
import cn.hardshiprelief.organization.Directory;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 撤回 and 取消 from the application's page: the worker takes the application back before the department head has
 * acted, changes it and resubmits, and review resumes at that step; once the head has decided (or taken it up) it
 * is too late. A cancellation needs a reason, ends the process with it, and is final.
 */
@AppTest
class WithdrawAndCancelTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Enrollments enrollments;
    @Autowired
    People people;
    @Autowired
    Tasks tasks;
    @Autowired
    UserDetailsService users;
    @Autowired
    HistoryService history;
    @Autowired
    TaskOperations operations;
    @Autowired
    Directory directory;

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void theWorkerWithdrawsBeforeTheHeadActsAndReviewResumesAtTheHead() throws Exception {
        String worker = people.newWorkerOf("C01D01");
        EnrollmentApplication application = enrollments.submittedBy(worker);

        mvc.perform(post("/applications/" + application.getId() + "/withdraw").with(as("worker2")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/applications/" + application.getId() + "/withdraw").with(as(worker)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        EnrollmentApplication withdrawn = enrollments.reload(application.getId());
        assertThat(withdrawn.getStatus()).isEqualTo(ApplicationStatus.RETURNED);
        assertThat(enrollments.openStep(application.getId())).isEqualTo("correctApplication");
        assertThat(withdrawn.getEvents()).extracting(ApplicationEvent::getOutcome).endsWith(EventOutcome.WITHDRAWN);

        enrollments.resubmit(worker, application.getId(), "补充了收入证明");
        assertThat(enrollments.openStep(application.getId())).isEqualTo("reviewByDepartmentHead");
        enrollments.decide("head1", application.getId(), "approve", null);
        assertThat(enrollments.openStep(application.getId())).isEqualTo("reviewByDirector");
    }

    @Test
    void afterTheNextStepActedOrTookItUpTheWorkerCannotWithdraw() throws Exception {
        String worker = people.newWorkerOf("C01D01");
        EnrollmentApplication decided = enrollments.submittedBy(worker);
        enrollments.decide("head1", decided.getId(), "approve", null);
        mvc.perform(post("/applications/" + decided.getId() + "/withdraw").with(as(worker)).with(csrf()))
                .andExpect(status().isConflict());
        assertThat(enrollments.openStep(decided.getId())).isEqualTo("reviewByDirector");

        String other = people.newWorkerOf("C01D01");
        EnrollmentApplication claimed = enrollments.submittedBy(other);
        operations.claim(directory.actor("head1"), enrollments.openTaskId(claimed.getId()));
        mvc.perform(post("/applications/" + claimed.getId() + "/withdraw").with(as(other)).with(csrf()))
                .andExpect(status().isConflict());
        assertThat(enrollments.reload(claimed.getId()).getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
    }

    @Test
    void aCancellationNeedsAReasonEndsTheProcessAndIsFinal() throws Exception {
        String worker = people.newWorkerOf("C01D01");
        EnrollmentApplication application = enrollments.submittedBy(worker);
        String cancel = "/applications/" + application.getId() + "/cancel";

        mvc.perform(post(cancel).with(as(worker)).with(csrf()).param("reason", " ")).andExpect(status().isBadRequest());
        assertThat(enrollments.openStep(application.getId())).isEqualTo("reviewByDepartmentHead");

        mvc.perform(post(cancel).with(as(worker)).with(csrf()).param("reason", "家庭情况已好转"))
                .andExpect(status().is3xxRedirection());
        EnrollmentApplication cancelled = enrollments.reload(application.getId());
        assertThat(cancelled.getStatus()).isEqualTo(ApplicationStatus.CANCELLED);
        assertThat(tasks.openTasksOf(cancelled.getProcessInstanceId())).isEmpty();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(cancelled.getProcessInstanceId())
                .singleResult().getDeleteReason()).contains("家庭情况已好转");

        mvc.perform(post(cancel).with(as(worker)).with(csrf()).param("reason", "再取消一次"))
                .andExpect(status().isConflict());
    }
}
