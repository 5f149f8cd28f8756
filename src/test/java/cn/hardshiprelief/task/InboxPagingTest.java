package cn.hardshiprelief.task;

import cn.hardshiprelief.support.AppTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The inbox is read a page at a time from the engine's tables, never whole: pages in the order tasks arrived, a
 * page never longer than {@link TaskPage#MAX_SIZE}, a next page while more wait. Tasks of a probe process offered
 * to groups no demo user has, so the shared context's other tasks do not count.
 */
@AppTest
class InboxPagingTest {

    private static final String PROCESS = "inboxPagingProbe";

    @Autowired
    Tasks tasks;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;

    private String deployment;
    private final List<String> created = new ArrayList<>();

    @BeforeEach
    void deployProbe() {
        BpmnModelInstance probe = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
                .startEvent().userTask("probeStep").camundaAssignee("${who}").camundaCandidateGroups("probeA,probeB").endEvent().done();
        deployment = repository.createDeployment().addModelInstance(PROCESS + ".bpmn", probe).deploy().getId();
    }

    @AfterEach
    void removeProbe() {
        ClockUtil.reset();
        repository.deleteDeployment(deployment, true);
    }

    /** Starts probes one second apart, so that their order of arrival is known; returns their task ids. */
    private List<String> probes(int count) {
        return probes(count, i -> null);
    }

    /** As {@link #probes(int)}, the i-th assigned to whom {@code assignee} says (nobody for null). */
    private List<String> probes(int count, java.util.function.IntFunction<String> assignee) {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ClockUtil.setCurrentTime(Date.from(start.plusSeconds(created.size() + i)));
            String instance = runtime.startProcessInstanceByKey(PROCESS,
                    java.util.Collections.singletonMap("who", assignee.apply(i))).getId();
            ids.add(taskService.createTaskQuery().processInstanceId(instance).singleResult().getId());
        }
        ClockUtil.reset();
        created.addAll(ids);
        return ids;
    }

    @Test
    void theInboxComesAPageAtATimeOldestFirstWithANextPageWhileMoreWait() {
        List<String> ids = probes(45);

        TaskPage first = tasks.inboxPage("prober", Set.of("probeA"), null, 0, 20);
        TaskPage second = tasks.inboxPage("prober", Set.of("probeA"), null, 1, 20);
        TaskPage third = tasks.inboxPage("prober", Set.of("probeA"), null, 2, 20);

        assertThat(first.tasks()).extracting(OpenTask::id).containsExactlyElementsOf(ids.subList(0, 20));
        assertThat(first.hasNext()).isTrue();
        assertThat(first.hasPrevious()).isFalse();
        assertThat(second.tasks()).extracting(OpenTask::id).containsExactlyElementsOf(ids.subList(20, 40));
        assertThat(third.tasks()).extracting(OpenTask::id).containsExactlyElementsOf(ids.subList(40, 45));
        assertThat(third.hasNext()).isFalse();
        assertThat(first.tasks()).allSatisfy(t -> {
            assertThat(first.processIdOf(t)).isEqualTo(PROCESS);
            assertThat(t.candidateGroups()).containsExactlyInAnyOrder("probeA", "probeB");
        });
        assertThat(tasks.inboxPage("prober", Set.of("probeA"), null, 3, 20).tasks()).isEmpty();
    }

    @Test
    void aPageNeverHoldsMoreThanFiftyTasksWhateverIsAskedFor() {
        probes(TaskPage.MAX_SIZE + 5);

        TaskPage page = tasks.inboxPage("prober", Set.of("probeA"), null, 0, 10_000);

        assertThat(page.tasks()).hasSize(TaskPage.MAX_SIZE);
        assertThat(page.size()).isEqualTo(TaskPage.MAX_SIZE);
        assertThat(page.hasNext()).isTrue();
        assertThatThrownBy(() -> tasks.inboxPage("prober", Set.of("probeA"), null, -1, 20))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tasks.inboxPage("prober", Set.of("probeA"), null, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void myClaimedTasksAndTasksOfferedToMyGroupsComeOnceAndTasksClaimedByOthersNotAtAll() {
        List<String> ids = probes(4, i -> i == 1 ? "prober" : i == 2 ? "someoneElse" : null);

        TaskPage bothGroups = tasks.inboxPage("prober", Set.of("probeA", "probeB"), null, 0, 20);
        TaskPage noGroups = tasks.inboxPage("prober", Set.of(), null, 0, 20);
        TaskPage otherProcess = tasks.inboxPage("prober", Set.of("probeA"), "hardshipEnrollment", 0, 20);

        assertThat(bothGroups.tasks()).extracting(OpenTask::id).containsExactly(ids.get(0), ids.get(1), ids.get(3));
        assertThat(noGroups.tasks()).extracting(OpenTask::id).containsExactly(ids.get(1));
        assertThat(otherProcess.tasks()).isEmpty();
    }

    @Test
    void aTaskCompletedByAnotherApproverWhileThePageIsReadIsLeftOut() {
        List<String> ids = probes(3);
        Task gone = taskService.createTaskQuery().taskId(ids.get(1)).singleResult();
        taskService.complete(gone.getId());

        assertThat(tasks.inboxPage("prober", Set.of("probeA"), PROCESS, 0, 20).tasks()).extracting(OpenTask::id)
                .containsExactly(ids.get(0), ids.get(2));
    }
}
