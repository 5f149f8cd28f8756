package cn.hardshiprelief.browser;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.People;
import cn.hardshiprelief.task.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approver's workbench in Chromium: the department head, on a phone, finds the review on his home page and
 * hands it to his colleague with a reason; the colleague decides it together with another from the inbox filtered to
 * the step (批量审批); the worker urges the next one; the administrator opens the deadlines and the calendar. Every
 * page is checked for accessibility and for fitting the phone.
 */
class WorkbenchJourneysTest extends JourneyTest {

    @Autowired Enrollments enrollments;
    @Autowired People people;
    @Autowired Tasks tasks;

    @AfterEach
    void removePeople() {
        people.removeAll();
    }

    @Test
    void aReviewIsTransferredDecidedInABatchAndUrged() {
        String colleague = people.withRoles("head1w", "C01D01", "departmentHead_C01D01");
        EnrollmentApplication first = enrollments.submittedBy(people.newWorkerOf("C01D01"));
        EnrollmentApplication second = enrollments.submittedBy(people.newWorkerOf("C01D01"));
        String firstTask = enrollments.openTaskId(first.getId());
        String secondTask = enrollments.openTaskId(second.getId());

        Browser head = as(Browser.PHONE, "head1");
        assertThat(head.text()).contains("工作台", "待认领");
        head.open("/tasks").follow("/tasks/" + firstTask + "/operations").screenshot("task-operations");
        assertThat(head.text()).contains(first.getApplicationNumber(), "转办", "委派", "加签", "抄送");
        head.type("target", colleague).type("reason", "本人出差，请代为审核").press("转办").arriveAt("/tasks.*");
        assertThat(tasks.find(firstTask).orElseThrow().assignee()).isEqualTo(colleague);

        Browser deputy = as(Browser.DESKTOP, colleague);
        deputy.open("/tasks?step=reviewByDepartmentHead");
        assertThat(deputy.text()).contains("批量办理", first.getApplicationNumber(), second.getApplicationNumber());
        deputy.check("taskId", firstTask).check("taskId", secondTask).check("decision", "approve")
                .type("comment", "情况属实").press("批量办理").arriveAt("/tasks.*");
        assertThat(deputy.text()).contains("办结 2 件");
        assertThat(enrollments.openStep(first.getId())).isEqualTo("reviewByDirector");
        assertThat(enrollments.openStep(second.getId())).isEqualTo("reviewByDirector");
        deputy.open("/tasks/done");
        assertThat(deputy.text()).contains(first.getApplicationNumber(), "情况属实");

        String worker = enrollments.reload(first.getId()).getApplicantUsername();
        Browser applicant = as(Browser.PHONE, worker);
        applicant.open("/applications/" + first.getId()).press("催办");
        assertThat(applicant.text()).contains("已催办");

        Browser admin = as(Browser.DESKTOP, "admin");
        admin.open("/admin/deadlines");
        assertThat(admin.text()).contains("部门负责人审核");
        admin.open("/admin/calendar");
        assertThat(admin.text()).contains("工作日历");
    }
}
