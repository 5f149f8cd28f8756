package cn.hardshiprelief.task;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ForbiddenException;
import org.springframework.stereotype.Component;

import java.util.*;
import java.util.stream.Collectors;

/**
 * The one place that talks to Camunda's task service. Callers check who may act before they call
 * {@link #claimAndComplete}; the engine then guarantees a task is completed once.
 */
@Component
public class Tasks {

    private final TaskService taskService;
    private final HistoryService historyService;
    private final RuntimeService runtimeService;
    private final TaskForms forms;
    private final NamedParameterJdbcTemplate jdbc;
    private final String identityLinkTable;
    private final String taskTable;
    private final String processDefinitionTable;

    /** Task ids per IN list: well under what MySQL and H2 take in one statement. */
    private static final int IN_LIST_LIMIT = 500;

    public Tasks(TaskService taskService, HistoryService historyService, RuntimeService runtimeService,
                 ManagementService managementService, TaskForms forms, NamedParameterJdbcTemplate jdbc) {
        this.taskService = taskService;
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.forms = forms;
        this.jdbc = jdbc;
        this.identityLinkTable = managementService.getTableName(IdentityLinkEntity.class);
        this.taskTable = managementService.getTableName(TaskEntity.class);
        this.processDefinitionTable = managementService.getTableName(ProcessDefinitionEntity.class);
    }

    /**
     * One page of the tasks assigned to the person or offered to one of their groups (and claimed by nobody),
     * oldest first, optionally of one process only. One query over the engine's tables, each branch on an index
     * (the assignee's, and the candidate group's on the identity links, 025-task-list-indexes.xml), never the
     * whole task table: the engine's own "assignee or candidate group" query joins every task to its links before
     * it filters and reads them all. What it still reads grows with the person's own inbox (a group's links and
     * their tasks, sorted by arrival), not with the table: 10,000 tasks at one group cost a sort of 10,000. Then the page's tasks by id; one completed by someone else in between is
     * simply not shown. {@code size} is capped at {@link TaskPage#MAX_SIZE}.
     */
    public TaskPage inboxPage(String username, Collection<String> groupIds, String processId, int page, int size) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page " + page + ", size " + size);
        }
        int limit = Math.min(size, TaskPage.MAX_SIZE);
        InboxQuery query = inboxQuery(username, groupIds, processId, page, limit);
        Map<String, String> keys = new LinkedHashMap<>();
        jdbc.query(query.sql(), query.params(), row -> {
            keys.put(row.getString(1), row.getString(3));
        });
        boolean hasNext = keys.size() > limit;
        List<String> ids = keys.keySet().stream().limit(limit).toList();
        if (ids.isEmpty()) {
            return new TaskPage(List.of(), Map.of(), page, limit, false);
        }
        Map<String, Task> found = new HashMap<>();
        taskService.createTaskQuery().taskIdIn(ids.toArray(String[]::new)).initializeFormKeys().list()
                .forEach(t -> found.put(t.getId(), t));
        List<OpenTask> open = toOpenTasks(ids.stream().map(found::get).filter(Objects::nonNull).toList());
        Map<String, String> processIds = new HashMap<>();
        open.forEach(t -> processIds.put(t.id(), keys.get(t.id())));
        return new TaskPage(open, processIds, page, limit, hasNext);
    }

    /** The statement {@link #inboxPage} runs, with its parameters: for the checks of its plan on MySQL. */
    public record InboxQuery(String sql, Map<String, Object> params) {
    }

    /** The statement of {@link #inboxPage} for a page of {@code limit} (at most {@link TaskPage#MAX_SIZE}) tasks. */
    public InboxQuery inboxQuery(String username, Collection<String> groupIds, String processId, int page, int limit) {
        long first = (long) page * limit;
        Map<String, Object> params = new HashMap<>();
        params.put("user", username);
        params.put("groups", List.copyOf(groupIds));
        params.put("process", processId);
        // Each branch stops at what the page needs. The numbers are written into the statement, not bound: H2 keeps
        // the result of a derived table between executions of one statement text and would serve page 1 from page 0.
        long branchLimit = first + limit + 1;
        String process = processId == null ? "" : " and d.KEY_ = :process";
        String assigned = "(select t.ID_, t.CREATE_TIME_, d.KEY_ from " + taskTable + " t"
                + " join " + processDefinitionTable + " d on d.ID_ = t.PROC_DEF_ID_"
                + " where t.ASSIGNEE_ = :user" + process
                + " order by t.CREATE_TIME_, t.ID_ limit " + branchLimit + ")";
        // The group's tasks from its links (the index holds group, type and task), each task then by its key. Grouped
        // in a derived table, which MySQL cannot fold into the join: folded, MariaDB started from the tasks claimed by
        // nobody (every open task of every group) and looked for each one's link, reading the task table whole.
        String offered = "(select t.ID_, t.CREATE_TIME_, d.KEY_ from (select l.TASK_ID_ from " + identityLinkTable + " l"
                + " where l.GROUP_ID_ in (:groups) and l.TYPE_ = 'candidate' group by l.TASK_ID_) i"
                + " join " + taskTable + " t on t.ID_ = i.TASK_ID_"
                + " join " + processDefinitionTable + " d on d.ID_ = t.PROC_DEF_ID_"
                + " where t.ASSIGNEE_ is null" + process
                + " order by t.CREATE_TIME_, t.ID_ limit " + branchLimit + ")";
        return new InboxQuery("select ID_, CREATE_TIME_, KEY_ from (" + assigned
                + (groupIds.isEmpty() ? "" : " union " + offered) + ") page order by CREATE_TIME_, ID_ limit " + (limit + 1) + " offset " + first, params);
    }

    /** A process variable of each task's process instance, read in one query for the whole list. */
    public Map<String, Object> processVariable(Collection<OpenTask> tasks, String name) {
        if (tasks.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> byInstance = new HashMap<>();
        runtimeService.createVariableInstanceQuery().variableName(name)
                .processInstanceIdIn(tasks.stream().map(OpenTask::processInstanceId).distinct().toArray(String[]::new))
                .list().stream()
                .filter(v -> v.getExecutionId() != null && v.getExecutionId().equals(v.getProcessInstanceId()))
                .forEach(v -> byInstance.put(v.getProcessInstanceId(), v.getValue()));
        Map<String, Object> byTask = new HashMap<>();
        tasks.forEach(t -> {
            Object value = byInstance.get(t.processInstanceId());
            if (value != null) {
                byTask.put(t.id(), value);
            }
        });
        return byTask;
    }

    /** A process variable as the task sees it. */
    public Object variable(String taskId, String name) {
        return taskService.getVariable(taskId, name);
    }

    /**
     * The open task, empty when there is none (any more). Its candidate groups are read before the task itself: a task
     * completed by someone else between the two reads is then not found, rather than found without its groups and
     * refused to the person as not theirs (403 where 409 "already decided" is the truth).
     */
    public Optional<OpenTask> find(String taskId) {
        Set<String> groups;
        try {
            groups = candidateGroupsOf(taskId);
        } catch (NullValueException e) {
            return Optional.empty();
        }
        Task task = taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        return Optional.ofNullable(task).map(t -> toOpenTask(t, groups));
    }

    /** The process (its BPMN id, e.g. {@code hardshipEnrollment}) a task belongs to: one lookup by primary key. */
    public String processIdOf(OpenTask task) {
        return jdbc.queryForObject("select KEY_ from " + processDefinitionTable + " where ID_ = :id",
                Map.of("id", task.processDefinitionId()), String.class);
    }

    public Optional<OpenTask> openTaskOf(String processInstanceId, String stepId) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(stepId).initializeFormKeys().singleResult();
        return Optional.ofNullable(task).flatMap(this::toOpenTask);
    }

    /** The open task of a step in the running instance of a process with that business key. */
    public Optional<OpenTask> openTaskOfBusinessKey(String processId, String businessKey, String stepId) {
        Task task = taskService.createTaskQuery().processDefinitionKey(processId).processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(stepId).initializeFormKeys().singleResult();
        return Optional.ofNullable(task).flatMap(this::toOpenTask);
    }

    /** Open tasks of a process instance (usually one). */
    public List<OpenTask> openTasksOf(String processInstanceId) {
        return toOpenTasks(taskService.createTaskQuery().processInstanceId(processInstanceId).initializeFormKeys().list());
    }

    public Optional<CompletedTask> completed(String taskId) {
        HistoricTaskInstance task = historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished()
                .singleResult();
        return Optional.ofNullable(task).map(t -> new CompletedTask(t.getId(), t.getTaskDefinitionKey(),
                t.getAssignee(), t.getEndTime() == null ? null : t.getEndTime().toInstant()));
    }

    /**
     * Claims the task for the person (if not theirs yet) and completes it with the variables.
     * Someone else having claimed or completed it first raises {@link TaskGoneException}.
     */
    public void claimAndComplete(OpenTask task, String username, Map<String, Object> variables) {
        guarded(task.id(), () -> {
            claimLocked(task.id(), username);
            taskService.complete(task.id(), withTextsTransient(task, variables));
        });
    }

    /**
     * Claims the task for the person (if not theirs yet) under the step guard, as a completion would: only a
     * candidate, and not someone the step's separation of duties bars. For operations that move a task on
     * without completing it (回退), so that whoever moves it is held to the same rules as whoever decides it.
     */
    public void claim(OpenTask task, String username) {
        guarded(task.id(), () -> claimLocked(task.id(), username));
    }

    private void claimLocked(String taskId, String username) {
        String assignee = lockAndReadAssignee(taskId);
        if (!username.equals(assignee)) {
            taskService.claim(taskId, username);
        }
    }

    /** Runs engine work on one task, turning the engine's and the guard's refusals into ours. */
    private void guarded(String taskId, Runnable work) {
        try {
            work.run();
        } catch (TaskAlreadyClaimedException | OptimisticLockingException | NullValueException e) {
            throw new TaskGoneException(taskId, e);
        } catch (StepRefusedException e) {
            throw new ForbiddenException(e.getMessageKey(), e.getArgs());
        } catch (CompletionRefusedException e) {
            throw new BusinessException(e.getMessageKey(), e.getArgs());
        }
    }

    /**
     * Locks the task's row for the rest of the transaction before the engine claims and completes it, and reads
     * who holds it now (the task as listed may be older). Two approvers deciding one task at once otherwise meet
     * in the engine's flush (the claim's new authorization, the completion's deletion of it, the task's update)
     * in opposite orders, and MySQL ends one with a deadlock, a 500; in this order the second waits, then finds
     * the task claimed or gone. A task already gone is reported so.
     */
    private String lockAndReadAssignee(String taskId) {
        List<Map<String, Object>> rows = jdbc.queryForList("select ASSIGNEE_ from " + taskTable
                + " where ID_ = :id for update", Map.of("id", taskId));
        if (rows.isEmpty()) {
            throw new TaskGoneException(taskId, null);
        }
        return (String) rows.get(0).get("ASSIGNEE_");
    }

    /** The Camunda Form the engine deployed for the task. */
    public TaskForm form(OpenTask task) {
        return forms.require(task);
    }

    /**
     * Completes the task with what a page submitted for its Camunda Form: only the form's fields, checked
     * against the deployed definition, typed as the form says. {@code stepProblems} are the step's own
     * rules on the same fields (a reason needed for a refusal); all problems are refused together.
     */
    public void completeForm(OpenTask task, String username, Map<String, String> submitted,
                             Map<String, String> stepProblems) {
        claimAndComplete(task, username, check(task, submitted, stepProblems).variables());
    }

    /** Checks what was submitted for the task's form, as {@link #completeForm} does, without completing it. */
    public FormSubmission check(OpenTask task, Map<String, String> submitted, Map<String, String> stepProblems) {
        FormSubmission submission = FormSubmission.of(forms.require(task), submitted);
        Map<String, String> problems = new LinkedHashMap<>(submission.problems());
        stepProblems.forEach(problems::putIfAbsent);
        if (!problems.isEmpty()) {
            throw new InvalidFormException(problems);
        }
        return submission;
    }

    /**
     * Free texts of a form (comments, findings, notes) are recorded in the application's own tables by the step's
     * listener; sent as transient variables they reach the listener without being kept by the engine, so
     * Cockpit and the engine's history hold no personal texts from our pages.
     */
    private Map<String, Object> withTextsTransient(OpenTask task, Map<String, Object> variables) {
        Optional<TaskForm> form = forms.of(task);
        Map<String, Object> sent = new HashMap<>(variables);
        form.ifPresent(f -> f.fields().stream().filter(field -> "textarea".equals(field.type()))
                .filter(field -> sent.get(field.key()) instanceof String)
                .forEach(field -> sent.put(field.key(),
                        Variables.stringValue((String) sent.get(field.key()), true))));
        return sent;
    }

    /**
     * The tasks with their candidate groups read in one query for the whole list, not one per task; a task
     * completed by someone else between the two reads does not fail the list (opening it then says who did).
     */
    List<OpenTask> toOpenTasks(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        Map<String, Set<String>> groups = new HashMap<>();
        List<String> ids = tasks.stream().map(Task::getId).toList();
        for (int from = 0; from < ids.size(); from += IN_LIST_LIMIT) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST_LIMIT));
            jdbc.query("select TASK_ID_, GROUP_ID_ from " + identityLinkTable
                            + " where TYPE_ = 'candidate' and GROUP_ID_ is not null and TASK_ID_ in (:ids)",
                    Map.of("ids", chunk), row -> {
                        groups.computeIfAbsent(row.getString(1), id -> new HashSet<>()).add(row.getString(2));
                    });
        }
        return tasks.stream().map(t -> toOpenTask(t, Set.copyOf(groups.getOrDefault(t.getId(), Set.of())))).toList();
    }

    /** The task with its candidate groups; empty when it was completed by someone else a moment ago. */
    private Optional<OpenTask> toOpenTask(Task task) {
        try {
            return Optional.of(toOpenTask(task, candidateGroupsOf(task.getId())));
        } catch (NullValueException e) {
            return Optional.empty();
        }
    }

    /** The groups the task is offered to; {@link NullValueException} when there is no such task. */
    private Set<String> candidateGroupsOf(String taskId) {
        return taskService.getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).collect(Collectors.toUnmodifiableSet());
    }

    private OpenTask toOpenTask(Task task, Set<String> groups) {
        CamundaFormRef form = null;
        try {
            form = task.getCamundaFormRef();
        } catch (ProcessEngineException e) {
            // form keys not initialised for this query: the caller does not need the form
        }
        return new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), task.getProcessInstanceId(),
                task.getProcessDefinitionId(), task.getAssignee(), groups, form == null ? null : form.getKey(),
                form == null ? null : form.getBinding(), task.getCreateTime().toInstant());
    }
}
