package cn.hardshiprelief.task;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTaskCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import java.sql.Timestamp;
import java.time.Instant;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ForbiddenException;
import org.springframework.stereotype.Component;

import java.util.*;

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
    private final IdentityService identityService;
    private final StepRules rules;
    private final CommandExecutor engineCommands;
    private final String identityLinkTable;
    private final String taskTable;
    private final String processDefinitionTable;
    private final String historicTaskTable;

    /** Task ids per IN list: well under what MySQL and H2 take in one statement. */
    private static final int IN_LIST_LIMIT = 500;

    public Tasks(TaskService taskService, HistoryService historyService, RuntimeService runtimeService,
                 ManagementService managementService, IdentityService identityService, TaskForms forms,
                 NamedParameterJdbcTemplate jdbc, StepRules rules, ProcessEngine engine) {
        this.identityService = identityService;
        this.rules = rules;
        this.engineCommands = ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getCommandExecutorTxRequired();
        this.taskService = taskService;
        this.historyService = historyService;
        this.runtimeService = runtimeService;
        this.forms = forms;
        this.jdbc = jdbc;
        this.identityLinkTable = managementService.getTableName(IdentityLinkEntity.class);
        this.taskTable = managementService.getTableName(TaskEntity.class);
        this.processDefinitionTable = managementService.getTableName(ProcessDefinitionEntity.class);
        this.historicTaskTable = managementService.getTableName(HistoricTaskInstanceEntity.class);
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
        return inboxPage(username, groupIds, processId, null, page, size);
    }

    /** {@link #inboxPage(String, Collection, String, int, int)} of one step only ({@code stepId} null: every step). */
    public TaskPage inboxPage(String username, Collection<String> groupIds, String processId, String stepId, int page,
                              int size) {
        return inboxPage(username, groupIds, processId, stepId, null, page, size);
    }

    /** ... and only tasks due before {@code dueBefore} (null: due or not). */
    public TaskPage inboxPage(String username, Collection<String> groupIds, String processId, String stepId,
                              Instant dueBefore, int page, int size) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page " + page + ", size " + size);
        }
        int limit = Math.min(size, TaskPage.MAX_SIZE);
        InboxQuery query = inboxQuery(username, groupIds, processId, stepId, dueBefore, page, limit);
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
        return inboxQuery(username, groupIds, processId, null, page, limit);
    }

    /** The statement of {@link #inboxPage(String, Collection, String, String, int, int)}. */
    public InboxQuery inboxQuery(String username, Collection<String> groupIds, String processId, String stepId,
                                 int page, int limit) {
        return inboxQuery(username, groupIds, processId, stepId, null, page, limit);
    }

    /** The statement of {@link #inboxPage(String, Collection, String, String, Instant, int, int)}. */
    public InboxQuery inboxQuery(String username, Collection<String> groupIds, String processId, String stepId,
                                 Instant dueBefore, int page, int limit) {
        long first = (long) page * limit;
        Map<String, Object> params = new HashMap<>();
        params.put("user", username);
        params.put("groups", List.copyOf(groupIds));
        params.put("process", processId);
        params.put("step", stepId);
        params.put("due", dueBefore == null ? null : Timestamp.from(dueBefore));
        // Each branch stops at what the page needs. The numbers are written into the statement, not bound: H2 keeps
        // the result of a derived table between executions of one statement text and would serve page 1 from page 0.
        long branchLimit = first + limit + 1;
        String process = (processId == null ? "" : " and d.KEY_ = :process")
                + (stepId == null ? "" : " and t.TASK_DEF_KEY_ = :step")
                + (dueBefore == null ? "" : " and t.DUE_DATE_ < :due");
        // a left join: a co-signer's task (加签) is of no process definition, and is listed too
        String assigned = "(select t.ID_, t.CREATE_TIME_, d.KEY_ from " + taskTable + " t"
                + " left join " + processDefinitionTable + " d on d.ID_ = t.PROC_DEF_ID_"
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

    /** The process instance of a task, open or finished; empty for an unknown id or a task of no process. */
    public Optional<String> processInstanceOfTask(String taskId) {
        HistoricTaskInstance task = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        return Optional.ofNullable(task).map(HistoricTaskInstance::getProcessInstanceId);
    }

    /**
     * Open tasks due before {@code now}, the longest overdue first, at most {@code limit}: read by due date from its
     * index (027-deadlines.xml), never the task table whole.
     */
    public List<OpenTask> overdue(Instant now, int limit) {
        return toOpenTasks(taskService.createTaskQuery().dueBefore(Date.from(now)).orderByDueDate().asc()
                .orderByTaskId().asc().listPage(0, limit));
    }

    /** Offers an overdue task to the next level up as well (see {@link StepRules#escalateOverdue}). */
    public Optional<String> escalate(String taskId) {
        return rules.escalateOverdue(taskId);
    }

    /** The engine's clock (moved by tests of timers and deadlines). */
    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Was there ever a task with this id (open or finished). */
    public boolean wasEverCreated(String taskId) {
        return historyService.createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
    }

    /** The case of a process instance, running or ended; empty when there is no such instance. */
    public Optional<CaseKey> caseOf(String processInstanceId) {
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        return Optional.ofNullable(instance).map(i -> new CaseKey(i.getProcessDefinitionKey(), i.getBusinessKey()));
    }

    /** The running instance of a process with that business key; empty when it has ended or never started. */
    public Optional<String> runningInstanceOf(String processId, String businessKey) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(processId)
                .processInstanceBusinessKey(businessKey).list().stream().findFirst().map(p -> p.getProcessInstanceId());
    }

    /**
     * One page of the steps the person completed (已办), across every process, the latest first: from the engine's
     * task history by its assignee and end time (index 029-done-list-index.xml), with each one's process and case.
     */
    public DonePage donePage(String username, int page, int size) {
        int limit = Math.min(size, TaskPage.MAX_SIZE);
        long first = (long) Math.max(0, page) * limit;
        List<DoneStep> steps = jdbc.query("select t.ID_, t.TASK_DEF_KEY_, t.PROC_DEF_KEY_, t.PROC_INST_ID_, t.PARENT_TASK_ID_,"
                        + " t.END_TIME_ from " + historicTaskTable + " t where t.ASSIGNEE_ = :user and t.END_TIME_ is not null"
                        // completed, or ended by the decision itself (a return or a rejection leaves the step through
                        // its BPMN error, and the engine records the task as deleted); not ended by a cancellation
                        + " and t.DELETE_REASON_ in ('completed', 'deleted') order by t.END_TIME_ desc, t.ID_ desc"
                        + " limit " + (limit + 1) + " offset " + first, Map.of("user", username),
                (row, i) -> new DoneStep(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getTimestamp(6).toInstant()));
        boolean hasNext = steps.size() > limit;
        return new DonePage(steps.stream().limit(limit).toList(), Math.max(0, page), hasNext);
    }

    /** A step someone completed: which, of which process and instance (null for a co-signer's task), when. */
    public record DoneStep(String taskId, String stepId, String processId, String processInstanceId,
                           String parentTaskId, Instant completedAt) {
    }

    /** A page of {@link DoneStep}s, and whether a later page has more. */
    public record DonePage(List<DoneStep> steps, int page, boolean hasNext) {
        public boolean hasPrevious() {
            return page > 0;
        }
    }

    /** Counts a home page shows stop here: "99+" says enough, and a count never reads more than this many rows. */
    public static final int COUNT_CAP = 100;

    /**
     * How many tasks wait for the person, each count stopping at {@link #COUNT_CAP}: assigned to them (all, overdue
     * at {@code now}, due by the end of today, due by the end of the week) and offered to their groups unclaimed.
     * Each count reads the person's own rows by an index, as the inbox does.
     */
    public InboxCounts inboxCounts(String username, Collection<String> groupIds, Instant now, Instant endOfToday,
                                   Instant endOfWeek) {
        return new InboxCounts(countAssigned(username, null), countAssigned(username, now),
                countAssigned(username, endOfToday), countAssigned(username, endOfWeek), countOffered(groupIds));
    }

    /** What {@link #inboxCounts} found; each number at most {@link #COUNT_CAP}. */
    public record InboxCounts(int mine, int overdue, int dueToday, int dueThisWeek, int offered) {
    }

    private int countAssigned(String username, Instant dueBefore) {
        Map<String, Object> params = new HashMap<>();
        params.put("user", username);
        params.put("due", dueBefore == null ? null : Timestamp.from(dueBefore));
        return jdbc.queryForObject("select count(*) from (select t.ID_ from " + taskTable + " t where t.ASSIGNEE_ = :user"
                + (dueBefore == null ? "" : " and t.DUE_DATE_ < :due") + " limit " + COUNT_CAP + ") capped", params,
                Integer.class);
    }

    private int countOffered(Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return 0;
        }
        return jdbc.queryForObject("select count(*) from (select t.ID_ from (select l.TASK_ID_ from " + identityLinkTable
                + " l where l.GROUP_ID_ in (:groups) and l.TYPE_ = 'candidate' group by l.TASK_ID_) i join " + taskTable
                + " t on t.ID_ = i.TASK_ID_ where t.ASSIGNEE_ is null limit " + COUNT_CAP + ") capped",
                Map.of("groups", List.copyOf(groupIds)), Integer.class);
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
        Set<String> groups = candidateGroupsOf(taskId);
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

    /** {@link #claim(OpenTask, String)} as the person, so that the engine's user operation log names them. */
    public void claim(OpenTask task, String username, Collection<String> groupIds) {
        asPerson(username, groupIds, () -> claim(task, username));
    }

    private void claimLocked(String taskId, String username) {
        Holder holder = lockAndReadHolder(taskId);
        if (holder.delegated()) {
            // the engine would refuse the completion with an error of its own; the owner waits for the opinion
            throw username.equals(holder.assignee()) ? new BusinessException("task.delegatedHandBack")
                    : new BusinessException("task.delegatedAway", holder.assignee());
        }
        if (!username.equals(holder.assignee())) {
            taskService.claim(taskId, username);
        }
    }

    /**
     * Gives a task claimed by the person back to its groups (取消认领). Only its holder may, and not while it is
     * delegated: the guard refuses anyone else on every surface.
     */
    public void unclaim(OpenTask task, String username, Collection<String> groupIds) {
        asPerson(username, groupIds, () -> guarded(task.id(), () -> {
            Holder holder = lockAndReadHolder(task.id());
            if (holder.delegated()) {
                throw new BusinessException("task.delegatedAway", holder.assignee());
            }
            if (!username.equals(holder.assignee())) {
                throw new BusinessException("task.notYoursToRelease");
            }
            taskService.claim(task.id(), null); // a claim of nobody: the engine asks only for TASK_WORK
        }));
    }

    /**
     * Hands the task to another person who may decide the step (转办): the guard checks that they are a candidate
     * and not barred by separation of duties, and that the person handing it on holds it (claiming it for them
     * first when it is still offered to their groups). The reason is kept with the task as a comment.
     */
    public void transfer(OpenTask task, String username, Collection<String> groupIds, String target, String reason) {
        asPerson(username, groupIds, () -> guarded(task.id(), () -> {
            claimLocked(task.id(), username);
            handOn(task, target, reason, false);
        }));
    }

    /**
     * Gives the task to another person for their opinion (委派): they become its assignee, the person stays its
     * owner, and it comes back to the owner when they hand it back ({@link #handBack}); only the owner completes it.
     */
    public void delegate(OpenTask task, String username, Collection<String> groupIds, String target, String reason) {
        if (username.equals(target)) {
            throw new BusinessException("task.delegateToSelf");
        }
        asPerson(username, groupIds, () -> guarded(task.id(), () -> {
            claimLocked(task.id(), username);
            handOn(task, target, reason, true);
        }));
    }

    /** The delegate's opinion, and the task back with its owner (the engine's resolve). */
    public void handBack(OpenTask task, String username, Collection<String> groupIds, String opinion) {
        asPerson(username, groupIds, () -> guarded(task.id(), () -> {
            Holder holder = lockAndReadHolder(task.id());
            if (!holder.delegated() || !username.equals(holder.assignee())) {
                throw new BusinessException("task.notDelegatedToYou");
            }
            taskService.createComment(task.id(), task.processInstanceId(), opinion);
            taskService.resolveTask(task.id());
        }));
    }

    /**
     * 加签: asks {@code coSigner} to sign the step before its holder decides — a sub-task of the step's task, assigned
     * to them, which the holder's decision waits for (the step guard refuses completing a task with open co-signers'
     * tasks). The holder adds them (claiming the task first when it is still offered); the co-signer may not be a
     * party the step's separation of duties bars. Returns the co-signer's task id.
     */
    public String addCoSigner(OpenTask task, String username, Collection<String> groupIds, String coSigner,
                              String note) {
        String[] created = new String[1];
        asPerson(username, groupIds, () -> guarded(task.id(), () -> {
            claimLocked(task.id(), username);
            rules.checkCoSigner(task.id(), coSigner);
            created[0] = pastAuthorization(context -> {
                Task sub = new CreateTaskCmd(null).execute(context);
                sub.setParentTaskId(task.id());
                sub.setName(task.name());
                sub.setAssignee(coSigner);
                sub.setOwner(username);
                sub.setDescription(note);
                sub.setDueDate(task.due() == null ? null : Date.from(task.due()));
                new SaveTaskCmd(sub).execute(context);
                return sub.getId();
            });
        }));
        return created[0];
    }

    /** The co-signers' tasks of a step's task still open (加签 not yet signed). */
    public List<OpenTask> coSignersOf(String taskId) {
        return toOpenTasks(taskService.getSubTasks(taskId));
    }

    /**
     * The co-signer signs: the opinion goes to the step's task as its comment, and the co-signer's task is done. Only
     * its assignee signs (the guard checks the performer as for any completion).
     */
    public void coSign(OpenTask coSigning, String username, Collection<String> groupIds, String opinion) {
        asPerson(username, groupIds, () -> guarded(coSigning.id(), () -> {
            Holder holder = lockAndReadHolder(coSigning.id());
            if (!username.equals(holder.assignee())) {
                throw new BusinessException("task.notYourCoSigning");
            }
            pastAuthorization(new AddCommentCmd(coSigning.parentTaskId(), null, opinion));
            taskService.complete(coSigning.id());
        }));
    }

    /** 减签: a co-signer's task not yet signed is withdrawn by whoever holds the step's task. */
    public void removeCoSigner(OpenTask coSigning, OpenTask step, String username, Collection<String> groupIds,
                               String reason) {
        asPerson(username, groupIds, () -> guarded(step.id(), () -> {
            Holder holder = lockAndReadHolder(step.id());
            if (!username.equals(holder.assignee())) {
                throw new BusinessException("task.notYoursToRelease");
            }
            pastAuthorization(new DeleteTaskCmd(coSigning.id(), reason, false));
        }));
    }

    /**
     * Hands the task to {@code target} (assigning or delegating it) with the reason as the task's comment. Only this
     * path may: the engine's authorizations keep reassignment to administrators on Tasklist and {@code /engine-rest}
     * (no reason asked there, nothing recorded in the case), so the command runs past the authorization check, after
     * the step guard's own check of the person (holder or candidate) and the target (candidate, not barred by
     * separation of duties). The engine's user operation log names the person, who is authenticated.
     */
    private void handOn(OpenTask task, String target, String reason, boolean delegate) {
        rules.checkAssignment(task.id(), target);
        pastAuthorization(context -> {
            (delegate ? new DelegateTaskCmd(task.id(), target) : new AssignTaskCmd(task.id(), target)).execute(context);
            return new AddCommentCmd(task.id(), task.processInstanceId(), reason).execute(context);
        });
    }

    /**
     * Runs an engine command past the engine's authorization check: for the workbench's own operations (handing on,
     * co-signers), which the step guard has checked and which Tasklist and {@code /engine-rest} may not do.
     */
    private <T> T pastAuthorization(Command<T> command) {
        return engineCommands.execute(context -> {
            context.disableAuthorizationCheck();
            try {
                return command.execute(context);
            } finally {
                context.enableAuthorizationCheck();
            }
        });
    }

    /**
     * Runs engine work as the person: the step guard then checks them as it checks Tasklist's users, and the
     * engine's user operation log (Cockpit) names them.
     */
    private void asPerson(String username, Collection<String> groupIds, Runnable work) {
        Authentication before = identityService.getCurrentAuthentication();
        identityService.setAuthentication(username, List.copyOf(groupIds));
        try {
            work.run();
        } finally {
            if (before == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(before);
            }
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
    private Holder lockAndReadHolder(String taskId) {
        List<Map<String, Object>> rows = jdbc.queryForList("select ASSIGNEE_, DELEGATION_ from " + taskTable
                + " where ID_ = :id for update", Map.of("id", taskId));
        if (rows.isEmpty()) {
            throw new TaskGoneException(taskId, null);
        }
        return new Holder((String) rows.get(0).get("ASSIGNEE_"),
                DelegationState.PENDING.name().equals(rows.get(0).get("DELEGATION_")));
    }

    /** Who holds a task now, and whether it is with them as a delegate. */
    private record Holder(String assignee, boolean delegated) {
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

    /** The task with its candidate groups. */
    private Optional<OpenTask> toOpenTask(Task task) {
        return Optional.of(toOpenTask(task, candidateGroupsOf(task.getId())));
    }

    /**
     * The groups the task is offered to (none when there is no such task), read from the identity links directly: the
     * engine's call fails for a task completed a moment ago, and a failed engine command marks the surrounding
     * transaction for rollback, so a batch that finds one task decided would lose the others.
     */
    private Set<String> candidateGroupsOf(String taskId) {
        return Set.copyOf(jdbc.queryForList("select GROUP_ID_ from " + identityLinkTable
                + " where TASK_ID_ = :id and TYPE_ = 'candidate' and GROUP_ID_ is not null", Map.of("id", taskId),
                String.class));
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
                form == null ? null : form.getBinding(), task.getCreateTime().toInstant(), task.getOwner(),
                task.getDelegationState() == DelegationState.PENDING,
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), task.getParentTaskId());
    }
}
