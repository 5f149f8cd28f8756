package cn.hardshiprelief.enrollment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.hardshiprelief.enrollment.ApplicationEvent;
import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.enrollment.EventOutcome;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Enrollments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * 回退 through the API: HR sends an application two steps back to the department head, who decides it again;
 * a step not yet passed, a missing reason and a reviewer whose task it is not are refused and nothing moves.
 */
@AppTest
class SendBackApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Enrollments enrollments;

    private MockHttpServletRequestBuilder sendBack(String user, String taskId, String body) {
        return post("/api/tasks/" + taskId + "/send-back").with(httpBasic(user, "demo123"))
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void hrSendsItBackToTheDepartmentHeadWhoDecidesItAgain() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        enrollments.decide("head1", application.getId(), "approve", null);
        enrollments.decide("director1", application.getId(), "approve", null);
        String hrTask = enrollments.openTaskId(application.getId());

        mvc.perform(sendBack("hr1", hrTask, "{\"step\":\"reviewByDepartmentHead\",\"reason\":\"家庭收入证明与部门核实不符\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_REVIEW"));

        assertThat(enrollments.openStep(application.getId())).isEqualTo("reviewByDepartmentHead");
        EnrollmentApplication sentBack = enrollments.reload(application.getId());
        assertThat(sentBack.getEvents()).filteredOn(e -> e.getOutcome() == EventOutcome.SENT_BACK)
                .singleElement().satisfies(e -> {
                    assertThat(e.getComment()).isEqualTo("家庭收入证明与部门核实不符");
                    assertThat(e.getStep()).isEqualTo("reviewByHr");
                });
        enrollments.decide("head1", application.getId(), "approve", "已重新核实");
        assertThat(enrollments.openStep(application.getId())).isEqualTo("reviewByDirector");
    }

    @Test
    void aStepNotPassedAMissingReasonOrSomeoneElsesTaskIsRefusedAndNothingMoves() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        enrollments.decide("head1", application.getId(), "approve", null);
        String directorTask = enrollments.openTaskId(application.getId());

        mvc.perform(sendBack("director1", directorTask, "{\"step\":\"reviewByHr\",\"reason\":\"试试\"}"))
                .andExpect(status().isConflict());
        mvc.perform(sendBack("director1", directorTask, "{\"step\":\"reviewByDepartmentHead\",\"reason\":\" \"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(sendBack("hr1", directorTask, "{\"step\":\"reviewByDepartmentHead\",\"reason\":\"越权\"}"))
                .andExpect(status().isForbidden());

        assertThat(enrollments.openStep(application.getId())).isEqualTo("reviewByDirector");
        assertThat(enrollments.reload(application.getId()).getEvents()).extracting(ApplicationEvent::getOutcome)
                .doesNotContain(EventOutcome.SENT_BACK);
    }
}
