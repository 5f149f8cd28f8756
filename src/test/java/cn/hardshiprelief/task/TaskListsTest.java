package cn.hardshiprelief.task;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Enrollments;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Task lists read from the engine in two steps (the tasks, then their candidate groups). Another approver may
 * complete a task between the two: the list must still answer, not fail with "Cannot find task".
 */
@AppTest
class TaskListsTest {

    @Autowired
    Tasks tasks;
    @Autowired
    TaskService taskService;
    @Autowired
    Enrollments enrollments;

    @Test
    void aTaskCompletedBetweenTheQueryAndTheReadOfItsGroupsDoesNotFailTheList() {
        EnrollmentApplication first = enrollments.submittedBy("worker1");
        EnrollmentApplication second = enrollments.submittedBy("worker2");
        List<Task> listed = taskService.createTaskQuery()
                .processInstanceIdIn(first.getProcessInstanceId(), second.getProcessInstanceId())
                .initializeFormKeys().list();
        assertThat(listed).hasSize(2);

        enrollments.decide("head1", first.getId(), "approve", "同意"); // meanwhile, another approver

        List<OpenTask> open = tasks.toOpenTasks(listed);
        assertThat(open).extracting(OpenTask::processInstanceId)
                .containsExactlyInAnyOrder(first.getProcessInstanceId(), second.getProcessInstanceId());
        assertThat(open).filteredOn(t -> t.processInstanceId().equals(second.getProcessInstanceId()))
                .singleElement().satisfies(t -> assertThat(t.candidateGroups()).singleElement()
                        .satisfies(group -> assertThat(group).startsWith("departmentHead_")));
        assertThat(tasks.find(listed.stream().filter(t -> t.getProcessInstanceId().equals(first.getProcessInstanceId()))
                .findFirst().orElseThrow().getId())).as("opening it then finds it gone").isEmpty();
    }
}
