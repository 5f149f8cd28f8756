package cn.hardshiprelief.web;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.People;
import cn.hardshiprelief.task.Tasks;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The workbench after login: the worker sees their application and the step it waits at; the department head sees
 * it among his group's tasks, and once overdue (by the engine's clock) among the overdue ones, the inbox filtered
 * to them listing it; counts stop at the cap and an unknown filter is a bad request.
 */
@AppTest
class WorkbenchHomeTest {

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

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void theInboxAsFilteredDownloadsAsASpreadsheetInTheReadersLanguage() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy(people.newWorkerOf("C01D01"));

        byte[] file = mvc.perform(get("/tasks.xlsx").param("step", "reviewByDepartmentHead").with(as("head1")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Disposition", containsString(".xlsx")))
                .andReturn().getResponse().getContentAsByteArray();

        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(file))) {
            java.util.List<java.util.List<String>> rows = workbook.getFirstSheet().read().stream()
                    .map(row -> row.stream().map(cell -> cell == null ? "" : cell.getText()).toList()).toList();
            assertThat(rows.get(0)).startsWith("环节", "编号", "申请人");
            assertThat(rows).anySatisfy(row -> assertThat(row).contains("部门负责人审核", application.getApplicationNumber()));
            assertThat(rows).allSatisfy(row -> assertThat(row.get(0)).isIn("环节", "部门负责人审核"));
        }
        mvc.perform(get("/tasks.xlsx").param("due", "NEVER").with(as("head1"))).andExpect(status().isBadRequest());
    }

    @Test
    void theWorkerSeesTheStepTheApplicationWaitsAtAndTheHeadSeesTheTaskBecomeOverdue() throws Exception {
        String worker = people.newWorkerOf("C01D01");
        EnrollmentApplication application = enrollments.submittedBy(worker);
        String taskId = enrollments.openTaskId(application.getId());

        mvc.perform(get("/").with(as(worker))).andExpect(status().isOk())
                .andExpect(content().string(containsString(application.getApplicationNumber())))
                .andExpect(content().string(containsString("部门负责人审核")));

        Tasks.InboxCounts before = tasks.inboxCounts("head1", java.util.Set.of("departmentHead_C01D01"),
                tasks.now(), tasks.now(), tasks.now());
        assertThat(before.offered()).isBetween(1, Tasks.COUNT_CAP);
        mvc.perform(get("/").with(as("head1"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("待认领")));
        mvc.perform(get("/tasks").param("due", "OVERDUE").with(as("head1"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(taskId))));

        Instant due = tasks.find(taskId).orElseThrow().due();
        ClockUtil.setCurrentTime(Date.from(due.plus(1, ChronoUnit.HOURS)));
        try {
            mvc.perform(get("/tasks").param("due", "OVERDUE").with(as("head1"))).andExpect(status().isOk())
                    .andExpect(content().string(containsString(taskId)))
                    .andExpect(content().string(containsString("已超时")));
        } finally {
            ClockUtil.reset();
        }
        mvc.perform(get("/tasks").param("due", "SOMETIME").with(as("head1"))).andExpect(status().isBadRequest());
        mvc.perform(get("/tasks").param("process", "hardshipEnrollment").with(as("head1"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(taskId)));
        mvc.perform(get("/tasks").param("process", "aidGrant").with(as("head1"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(taskId))));
        mvc.perform(get("/tasks").param("process", "noSuchProcess").with(as("head1"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(taskId)));
    }
}
