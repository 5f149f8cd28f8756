package cn.hardshiprelief.enrollment.web;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Enrollments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The application's page draws the case's map: where it waits, what it has passed, who did it; only for its readers. */
@AppTest
class ApplicationMapPagesTest {

    @Autowired MockMvc mvc;
    @Autowired AppUserDetailsService users;
    @Autowired Enrollments enrollments;

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private String page(String url, String username) throws Exception {
        return mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void aSubmittedApplicationsMapShowsItWaitingForTheDepartmentHeadAndThenForTheDirector() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        String url = "/applications/" + application.getId();

        String waiting = page(url, "worker1");
        assertThat(waiting).contains("id=\"process-map\"", "<svg xmlns=\"http://www.w3.org/2000/svg\"",
                "viewBox=\"", "role=\"img\"", "<title id=\"pm-title\">“困难职工建档申请”办理进度图</title>")
                .contains("class=\"pm-shape current user-task\" data-element=\"reviewByDepartmentHead\" data-state=\"CURRENT\"")
                .contains("class=\"pm-shape passed start-event\" data-element=\"applicationSubmitted\"")
                .contains("class=\"pm-shape not-reached user-task\" data-element=\"reviewByDirector\"")
                .contains("<span class=\"map-current-step\">部门负责人审核</span>")
                .contains("当前步骤：粗边框，标有“▶ 当前”", "已办理：实线，带 ✓", "未到达：细虚线")
                .contains("data-step=\"reviewByDepartmentHead\"", "待认领");

        enrollments.decide("head1", application.getId(), "approve", "情况属实");

        String next = page(url, "head1");
        assertThat(next)
                .contains("class=\"pm-shape passed user-task\" data-element=\"reviewByDepartmentHead\"")
                .contains("class=\"pm-shape current user-task\" data-element=\"reviewByDirector\"")
                .contains("<span class=\"map-current-step\">分管领导审核</span>")
                .containsPattern("data-step=\"reviewByDepartmentHead\">\\s*<strong>部门负责人审核</strong>\\s*<span>王强</span>");
        assertThat(next.split("class=\"pm-badge\"", -1)).as("one step waits").hasSize(2);
        assertThat(page(url + "?lang=en", "worker1")).contains("Progress map", "Current step: thick border")
                .contains("<span class=\"map-current-step\">Director review</span>");
    }

    @Test
    void onlyThoseWhoMaySeeTheApplicationSeeItsMap() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker1");

        mvc.perform(get("/applications/{id}", application.getId()).with(as("worker2"))).andExpect(status().isForbidden())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .doesNotContain("process-map", "<svg"));
        mvc.perform(get("/applications/{id}", application.getId()).with(as("head2"))).andExpect(status().isForbidden());
        mvc.perform(get("/applications/{id}", 99_999_999L).with(as("worker1"))).andExpect(status().isNotFound());
        assertThat(page("/applications/" + application.getId(), "head1")).contains("id=\"process-map\"");
    }
}
