package cn.hardshiprelief.workbench;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.task.CaseKey;
import cn.hardshiprelief.task.Tasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.*;

/**
 * 已办: the steps a person completed in every process, the latest first, a page at a time, each with its case and —
 * where the feature records decisions — what was decided and why.
 */
@Service
@Transactional(readOnly = true)
public class DoneList {

    public static final int PAGE_SIZE = 20;

    private final Tasks tasks;
    private final List<CaseDirectory> directories;

    DoneList(Tasks tasks, List<CaseDirectory> directories) {
        this.tasks = tasks;
        this.directories = directories;
    }

    public Page page(Actor actor, int page) {
        Tasks.DonePage done = tasks.donePage(actor.username(), Math.min(page, 1_000_000), PAGE_SIZE);
        Map<String, CaseDirectory> byProcess = new HashMap<>();
        directories.forEach(d -> byProcess.put(d.processId(), d));
        Map<String, CaseDirectory.Decision> decisions = new HashMap<>();
        List<String> ids = done.steps().stream().map(Tasks.DoneStep::taskId).toList();
        directories.forEach(d -> decisions.putAll(d.decisions(ids)));
        List<Row> rows = new ArrayList<>();
        for (Tasks.DoneStep step : done.steps()) {
            String instance = step.processInstanceId() != null ? step.processInstanceId()
                    : tasks.processInstanceOfTask(step.parentTaskId() == null ? "" : step.parentTaskId()).orElse(null);
            CaseDirectory.CaseSummary summary = instance == null ? null : tasks.caseOf(instance)
                    .flatMap((CaseKey key) -> Optional.ofNullable(byProcess.get(key.processId()))
                            .flatMap(d -> d.describe(key.businessKey()))).orElse(null);
            rows.add(new Row(step.taskId(), step.stepId(), step.parentTaskId() != null, step.completedAt(), summary,
                    decisions.get(step.taskId())));
        }
        return new Page(rows, done.page(), done.hasNext());
    }

    /**
     * A completed step: which, whether as a co-signer, when, its case ({@code summary} null when not listed) and the
     * decision recorded ({@code decision} null when the feature records none for it).
     */
    public record Row(String taskId, String stepId, boolean coSigned, Instant completedAt,
                      CaseDirectory.CaseSummary summary, CaseDirectory.Decision decision) {
    }

    public record Page(List<Row> rows, int page, boolean hasNext) {
        public boolean hasPrevious() {
            return page > 0;
        }
    }
}
