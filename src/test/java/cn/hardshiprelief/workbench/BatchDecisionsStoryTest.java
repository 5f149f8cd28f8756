package cn.hardshiprelief.workbench;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 批量审批 from the department head's inbox filtered to his review step: three applications chosen, one of them
 * decided a moment earlier; the other two go through, the third is reported by its number. A refusal the opinion
 * itself causes (rejecting without a reason) refuses each, and nothing moves.
 */
@AppTest
class BatchDecisionsStoryTest {

    private static final String STEP = "reviewByDepartmentHead";

    @Autowired
    MockMvc mvc;
    @Autowired
    Enrollments enrollments;
    @Autowired
    People people;
    @Autowired
    UserDetailsService users;
    @Autowired
    cn.hardshiprelief.organization.Directory directory;

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private List<EnrollmentApplication> threeApplications() {
        return List.of(enrollments.submittedBy(people.newWorkerOf("C01D01")),
                enrollments.submittedBy(people.newWorkerOf("C01D01")),
                enrollments.submittedBy(people.newWorkerOf("C01D01")));
    }

    private MockHttpServletRequestBuilder batch(List<String> taskIds) {
        return post("/tasks/batch").with(as("head1")).with(csrf()).param("step", STEP)
                .param("taskId", taskIds.toArray(String[]::new));
    }

    @Test
    void twoGoThroughAndTheOneDecidedAMomentEarlierIsReported() throws Exception {
        List<EnrollmentApplication> applications = threeApplications();
        List<String> taskIds = applications.stream().map(a -> enrollments.openTaskId(a.getId())).toList();
        mvc.perform(get("/tasks").param("step", STEP).with(as("head1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + taskIds.get(0) + "\"")))
                .andExpect(content().string(containsString("批量办理")));
        enrollments.decide("head1", applications.get(1).getId(), "approve", null);

        mvc.perform(batch(taskIds).param("decision", "approve").param("comment", "情况属实"))
                .andExpect(redirectedUrl("/tasks?step=" + STEP))
                .andExpect(flash().attribute("batchDecided", 2L))
                .andExpect(flash().attribute("batchRefused", List.of(applications.get(1).getApplicationNumber() + " "
                        + directory.displayName(applications.get(1).getApplicantUsername())
                        + ": 该任务已被办理或已流转到下一环节。")));

        for (EnrollmentApplication application : applications) {
            assertThat(enrollments.openStep(application.getId())).isEqualTo("reviewByDirector");
        }
        assertThat(enrollments.reload(applications.get(0).getId()).getEvents())
                .anySatisfy(e -> assertThat(e.getComment()).isEqualTo("情况属实"));
    }

    @Test
    void rejectingWithoutAReasonRefusesEachAndNothingMoves() throws Exception {
        List<EnrollmentApplication> applications = threeApplications();
        List<String> taskIds = applications.stream().map(a -> enrollments.openTaskId(a.getId())).toList();

        mvc.perform(batch(taskIds).param("decision", "reject").param("comment", ""))
                .andExpect(flash().attribute("batchDecided", 0L));

        for (EnrollmentApplication application : applications) {
            assertThat(enrollments.openStep(application.getId())).isEqualTo(STEP);
        }
    }

    @Test
    void aStepThatIsNotDecidedInBatchesOrNothingChosenIsABadRequest() throws Exception {
        mvc.perform(post("/tasks/batch").with(as("head1")).with(csrf()).param("step", "correctApplication")
                .param("taskId", "x")).andExpect(status().isBadRequest());
        mvc.perform(post("/tasks/batch").with(as("head1")).with(csrf()).param("step", STEP))
                .andExpect(status().isBadRequest());
    }
}
