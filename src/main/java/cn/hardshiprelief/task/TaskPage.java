package cn.hardshiprelief.task;

import java.util.List;
import java.util.Map;

/**
 * One page of a person's open tasks, oldest first, read with one indexed query (see {@link Tasks#inboxPage}):
 * the tasks, the process each belongs to (by process id, the BPMN file's name), and whether a later page has more.
 * There is no total: counting a list of ten thousand tasks would cost what the page saves.
 */
public record TaskPage(List<OpenTask> tasks, Map<String, String> processIds, int page, int size, boolean hasNext) {

    /** Tasks a page shows at most, on our pages and in the API. */
    public static final int MAX_SIZE = 50;

    /** The process (its id, e.g. {@code hardshipEnrollment}) the task belongs to. */
    public String processIdOf(OpenTask task) {
        return processIds.get(task.id());
    }

    /** The tasks of one process, in the page's order. */
    public List<OpenTask> of(String processId) {
        return tasks.stream().filter(t -> processId.equals(processIds.get(t.id()))).toList();
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
