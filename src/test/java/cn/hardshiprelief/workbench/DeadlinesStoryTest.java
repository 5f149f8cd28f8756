package cn.hardshiprelief.workbench;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.People;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.task.Tasks;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Due dates by the engine's clock: a department head's review arriving on a Friday is due after three working days,
 * a holiday the manager marked on the Monday skipped; past that the scan records it overdue (once, however often it
 * runs), and two working days later the director's group is offered it too. The managers' pages keep their numbers
 * within bounds and are theirs only.
 */
@AppTest
class DeadlinesStoryTest {

    /** A Friday in the past of every other story's tasks, so the scans here see only this story's. */
    private static final OffsetDateTime FRIDAY_MORNING = OffsetDateTime.parse("2025-03-07T10:00:00+08:00");
    private static final LocalDate MONDAY = LocalDate.parse("2025-03-10");

    @Autowired
    Enrollments enrollments;
    @Autowired
    People people;
    @Autowired
    Tasks tasks;
    @Autowired
    WorkCalendar calendar;
    @Autowired
    DeadlineWatch watch;
    @Autowired
    TaskOperations operations;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    @AfterEach
    void backToToday() {
        ClockUtil.reset();
        calendar.unmark(MONDAY);
    }

    private void clockAt(String time) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(time).toInstant()));
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void aReviewIsDueAfterThreeWorkingDaysThenRemindedThenEscalatedToTheDirector() {
        calendar.mark(MONDAY, false, "测试假日");
        ClockUtil.setCurrentTime(Date.from(FRIDAY_MORNING.toInstant()));
        EnrollmentApplication application = enrollments.submittedBy(people.newWorkerOf("C01D01"));
        String taskId = enrollments.openTaskId(application.getId());

        // Tuesday, Wednesday, Thursday: due at the end of Thursday, Beijing time
        OpenTask task = tasks.find(taskId).orElseThrow();
        assertThat(task.due()).isEqualTo(OffsetDateTime.parse("2025-03-14T00:00:00+08:00").toInstant());

        clockAt("2025-03-13T18:00:00+08:00");
        watch.scan();
        assertThat(kinds(application)).isEmpty();

        clockAt("2025-03-14T09:00:00+08:00");
        watch.scan();
        watch.scan();
        assertThat(kinds(application)).containsExactly(OperationKind.OVERDUE);
        assertThat(tasks.find(taskId).orElseThrow().candidateGroups()).containsExactly("departmentHead_C01D01");

        clockAt("2025-03-18T09:00:00+08:00"); // Monday and Tuesday overdue: the step's two working days
        watch.scan();
        assertThat(kinds(application)).containsExactly(OperationKind.OVERDUE, OperationKind.ESCALATED);
        assertThat(tasks.find(taskId).orElseThrow().candidateGroups())
                .containsExactlyInAnyOrder("departmentHead_C01D01", "director_C01");
        assertThat(tasks.inboxPage("director1", Set.of("director_C01"), null, 0, 50).tasks())
                .extracting(OpenTask::id).contains(taskId);

        // the director decides it in the department head's place
        enrollments.decide("director1", application.getId(), "approve", "超时，由分管领导代为审核");
        assertThat(enrollments.openStep(application.getId())).isEqualTo("reviewByDirector");
    }

    @Test
    void theCalendarCountsHolidaysAndWorkedWeekends() {
        calendar.mark(MONDAY, false, "测试假日");
        calendar.mark(LocalDate.parse("2025-03-08"), true, "调休"); // the Saturday is worked
        try {
            assertThat(calendar.isWorkingDay(MONDAY)).isFalse();
            assertThat(calendar.endOfWorkingDaysAfter(FRIDAY_MORNING.toInstant(), 1))
                    .isEqualTo(OffsetDateTime.parse("2025-03-09T00:00:00+08:00").toInstant());
            assertThat(calendar.endOfWorkingDaysAfter(FRIDAY_MORNING.toInstant(), 2))
                    .isEqualTo(OffsetDateTime.parse("2025-03-12T00:00:00+08:00").toInstant());
        } finally {
            calendar.unmark(LocalDate.parse("2025-03-08"));
        }
    }

    @Test
    void managersSetDeadlinesWithinBoundsAndNobodyElseSeesThePages() throws Exception {
        mvc.perform(get("/admin/deadlines").with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("部门负责人审核")));
        mvc.perform(get("/admin/deadlines").with(as("head1"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/deadlines/hardshipEnrollment/reviewByHr").with(as("admin")).with(csrf())
                .param("workingDays", "0")).andExpect(status().isBadRequest());
        mvc.perform(post("/admin/deadlines/hardshipEnrollment/reviewByHr").with(as("admin")).with(csrf())
                .param("workingDays", "abc")).andExpect(status().isBadRequest());
        mvc.perform(post("/admin/deadlines/hardshipEnrollment/noSuchStep").with(as("admin")).with(csrf())
                .param("workingDays", "3")).andExpect(status().isNotFound());
        mvc.perform(post("/admin/deadlines/hardshipEnrollment/reviewByHr").with(as("admin")).with(csrf())
                .param("workingDays", "4").param("escalateAfterDays", "2")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/deadlines/hardshipEnrollment/reviewByHr").with(as("admin")).with(csrf())
                .param("workingDays", "3").param("escalateAfterDays", "2")).andExpect(status().is3xxRedirection());

        mvc.perform(post("/admin/calendar").with(as("admin")).with(csrf()).param("day", MONDAY.toString())
                .param("working", "false").param("note", "测试假日")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/calendar").param("year", "2025").with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("测试假日")));
        mvc.perform(get("/admin/calendar").param("year", "1900").with(as("admin"))).andExpect(status().isNotFound());
        mvc.perform(post("/admin/calendar").with(as("head1")).with(csrf()).param("day", MONDAY.toString()))
                .andExpect(status().isForbidden());
    }

    private java.util.List<OperationKind> kinds(EnrollmentApplication application) {
        return operations.history(enrollments.reload(application.getId()).getProcessInstanceId()).stream()
                .map(TaskOperation::getKind).toList();
    }
}
