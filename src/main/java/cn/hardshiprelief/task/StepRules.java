package cn.hardshiprelief.task;

import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What may happen to a user task, whoever asks and through whichever surface (our pages, {@code /api},
 * Tasklist, {@code /engine-rest}): the engine's command guard ({@link StepGuardPlugin}) calls it before
 * every completion, assignment and variable write.
 * <ul>
 *   <li>A completion carries only the fields of the step's Camunda Form, with values the form allows.
 *   Everything a gateway, listener or delegate routes on (approval level, record ids, the step to resume
 *   at, amounts, units) is written by the server, so no completion can set it.</li>
 *   <li>Only a candidate of the step (a member of its candidate groups, or its assignee) takes it, claims
 *   it or is given it; a task claimed by one person is not completed or handed on by another.</li>
 *   <li>Separation of duties (不相容职责): the parties the BPMN names on the step (extension property
 *   {@value #SEPARATION_OF_DUTIES}, such as {@code applicant,filer}) may not take it, nor anyone who took
 *   a step of the same case that the chain gives to another role. When that leaves nobody, the step goes
 *   to the group the BPMN names in {@value #ESCALATE_TO}, and the task says so.</li>
 *   <li>Process variables are written by the server: people (other than administrators repairing a case
 *   in Cockpit) may not set, patch or remove them, nor correlate messages or signals.</li>
 * </ul>
 */
@Component
public class StepRules {

    /** BPMN extension property of a user task: the case parties who may not take the step (comma-separated). */
    public static final String SEPARATION_OF_DUTIES = "separationOfDuties";
    /** BPMN extension property of a user task: the candidate group (expression) it goes to when nobody may take it. */
    public static final String ESCALATE_TO = "escalateTo";
    /** The party of someone who took a step of the case given to another role. */
    static final String OTHER_STEP = "otherStep";
    static final String ADMIN_GROUP = "camunda-admin";

    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final TaskForms forms;
    private final MessageSource messages;
    private final Map<String, CaseParties> parties;
    private final Map<String, StepRule> rules = new ConcurrentHashMap<>();
    private final CommandExecutor engineCommands;

    /** What the BPMN says of one user task. */
    record StepRule(String formId, String formBinding, Set<String> barredParties, String escalateTo, String candidateGroups,
                    String arrivesAs) {
        boolean bindsDuties() {
            return !barredParties.isEmpty();
        }
    }

    private record Step(Task task, String processId, String businessKey, StepRule rule, Set<String> candidateGroups,
                        Set<String> candidateUsers) {
    }

    private final ObjectProvider<DueDates> dueDates;

    StepRules(ProcessEngine engine, TaskForms forms, MessageSource messages, List<CaseParties> parties,
              ObjectProvider<DueDates> dueDates) {
        this.dueDates = dueDates;
        this.taskService = engine.getTaskService();
        this.repositoryService = engine.getRepositoryService();
        this.historyService = engine.getHistoryService();
        this.identityService = engine.getIdentityService();
        this.engineCommands = ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getCommandExecutorTxRequired();
        this.forms = forms;
        this.messages = messages;
        this.parties = parties.stream().collect(Collectors.toMap(CaseParties::processId, p -> p));
    }

    /** A completion (complete, submit-form, resolve) of the task with these variables. */
    public void checkCompletion(String taskId, Map<String, ?> variables) {
        Optional<Step> found = asSystem(() -> step(taskId));
        if (found.isEmpty()) {
            return; // the engine answers for a task that is not there
        }
        Step step = found.get();
        // 加签: the step's holder decides after the co-signers have signed
        List<String> waitingFor = asSystem(() -> taskService.getSubTasks(taskId).stream()
                .map(Task::getAssignee).filter(Objects::nonNull).map(this::displayName).toList());
        if (!waitingFor.isEmpty()) {
            throw new CompletionRefusedException(text("step.coSignersPending", String.join("、", waitingFor)),
                    "step.coSignersPending", String.join("、", waitingFor));
        }
        checkFields(step, variables == null ? Map.of() : variables);
        String performer = authenticatedUser().orElse(step.task().getAssignee());
        if (performer != null) {
            asSystem(() -> {
                checkPerformer(step, performer);
                return null;
            });
        }
    }

    /** A co-signer (加签) of the step: anyone but a party its separation of duties bars. */
    public void checkCoSigner(String taskId, String coSigner) {
        asSystem(() -> step(taskId)).ifPresent(step -> asSystem(() -> {
            checkDuties(step, coSigner);
            return null;
        }));
    }

    /**
     * A delegate handing the task back to its owner (the engine's resolve): only the delegate (or an administrator),
     * and with no fields: the opinion is a comment, the decision stays the owner's.
     */
    public void checkHandBack(String taskId, Map<String, ?> variables) {
        Optional<Step> found = asSystem(() -> step(taskId));
        if (found.isEmpty()) {
            return;
        }
        Task task = found.get().task();
        if (variables != null && !variables.isEmpty()) {
            throw refused("step.handBackWithoutFields");
        }
        Optional<String> actor = authenticatedUser();
        if (actor.isPresent() && !actor.get().equals(task.getAssignee()) && !isAdminAuthentication()) {
            throw refused("step.claimedByOther", displayName(task.getAssignee()));
        }
    }

    /**
     * Claiming, assigning, delegating or handing the task's ownership to {@code target} (null: giving it
     * back). Only to a person who may take the step; only by its assignee or an administrator once claimed.
     */
    public void checkAssignment(String taskId, String target) {
        Optional<Step> found = asSystem(() -> step(taskId));
        if (found.isEmpty()) {
            return;
        }
        Step step = found.get();
        Optional<String> actor = authenticatedUser();
        String assignee = step.task().getAssignee();
        if (actor.isPresent() && assignee != null && !assignee.equals(actor.get()) && !isAdminAuthentication()) {
            throw refused("step.claimedByOther", displayName(assignee));
        }
        // a task nobody holds is handed on only by one of its candidates (everyone may assign tasks as far as the
        // engine's authorizations go: the guard is what decides who)
        if (actor.isPresent() && assignee == null && !isAdminAuthentication()
                && !asSystem(() -> isCandidate(step, actor.get()))) {
            throw refused("step.notCandidate", displayName(actor.get()));
        }
        if (target == null) {
            return;
        }
        asSystem(() -> {
            if (!target.equals(assignee) && !isCandidate(step, target)) {
                throw refused("step.notCandidate", displayName(target));
            }
            checkDuties(step, target);
            return null;
        });
    }

    /** PUT /task/{id} (the task saved whole): a changed assignee or owner is an assignment. */
    public void checkSavedTask(String taskId, String assignee, String owner) {
        Optional<Step> stored = taskId == null ? Optional.empty() : asSystem(() -> step(taskId));
        if (stored.isEmpty()) {
            if (authenticatedUser().isPresent() && !isAdminAuthentication()) {
                throw refused("step.candidatesAdminOnly"); // a task of nobody's process, made by hand
            }
            return;
        }
        if (!Objects.equals(stored.get().task().getAssignee(), assignee)) {
            checkAssignment(taskId, assignee);
        }
        if (!Objects.equals(stored.get().task().getOwner(), owner)) {
            checkAssignment(taskId, owner);
        }
    }

    /** Adding or removing a candidate group or user by hand: administrators only, and never a barred party. */
    public void checkIdentityLink(String taskId, String userId) {
        if (authenticatedUser().isPresent() && !isAdminAuthentication()) {
            throw refused("step.candidatesAdminOnly");
        }
        if (userId != null) {
            asSystem(() -> step(taskId)).ifPresent(step -> asSystem(() -> {
                checkDuties(step, userId);
                return null;
            }));
        }
    }

    /** A write of process variables outside a completion: the server's own code, or an administrator. */
    public void checkVariableWrite() {
        if (authenticatedUser().isPresent() && !isAdminAuthentication()) {
            throw refused("step.variablesServerOnly");
        }
    }

    /**
     * When a step is created and nobody may take it (the only members of its groups are barred by separation
     * of duties), it goes to the group the BPMN names for that case, and the task says why.
     */
    void escalateIfNobodyMay(DelegateTask task) {
        StepRule rule = rule(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        if (rule.escalateTo() == null) {
            return;
        }
        asSystem(() -> {
            Set<String> groups = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull)
                    .collect(Collectors.toSet());
            Set<String> users = new HashSet<>();
            for (String group : groups) {
                identityService.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).forEach(users::add);
            }
            String processId = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
            Map<String, Set<String>> caseParties = partiesOf(processId, task.getExecution().getProcessBusinessKey());
            boolean somebodyMay = users.stream().anyMatch(u ->
                    barredParty(rule, task.getProcessInstanceId(), task.getTaskDefinitionKey(), caseParties, u) == null);
            if (!somebodyMay) {
                String escalated = String.valueOf(Context.getProcessEngineConfiguration().getExpressionManager()
                        .createExpression(rule.escalateTo()).getValue(task.getExecution()));
                task.addCandidateGroup(escalated);
                task.setDescription(text("step.escalated", groupName(escalated)));
            }
            return null;
        });
    }

    /** A new task gets its step's due date (working days from now) unless the BPMN gave it one. */
    void setDueDate(DelegateTask task) {
        if (task.getDueDate() != null) {
            return;
        }
        DueDates source = dueDates.getIfAvailable();
        if (source == null) {
            return;
        }
        String processId = Context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(task.getProcessDefinitionId()).getKey();
        source.dueOf(processId, task.getTaskDefinitionKey(), ClockUtil.getCurrentTime().toInstant())
                .ifPresent(due -> task.setDueDate(Date.from(due)));
    }

    /**
     * An overdue step is also offered to the next level up: the group its BPMN names in {@value #ESCALATE_TO} for the
     * case. Returns that group, empty when the step names none or the task is gone; offering it twice changes nothing.
     */
    public Optional<String> escalateOverdue(String taskId) {
        return Optional.ofNullable(engineCommands.execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null || task.getProcessDefinitionId() == null) {
                return null;
            }
            StepRule rule = rule(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
            if (rule.escalateTo() == null) {
                return null;
            }
            String group = String.valueOf(context.getProcessEngineConfiguration().getExpressionManager()
                    .createExpression(rule.escalateTo()).getValue(task.getExecution()));
            boolean offered = task.getIdentityLinks().stream().anyMatch(link ->
                    IdentityLinkType.CANDIDATE.equals(link.getType()) && group.equals(link.getGroupId()));
            if (!offered) {
                task.addCandidateGroup(group);
            }
            return group;
        }));
    }

    /** Of these people, those the step's separation of duties lets take the task (all of them when it binds none). */
    Set<String> notBarred(DelegateTask task, Set<String> users) {
        StepRule rule = rule(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        if (!rule.bindsDuties() || users.isEmpty()) {
            return users;
        }
        return asSystem(() -> {
            String processId = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
            Map<String, Set<String>> caseParties = partiesOf(processId, task.getExecution().getProcessBusinessKey());
            return users.stream().filter(u -> barredParty(rule, task.getProcessInstanceId(), task.getTaskDefinitionKey(),
                    caseParties, u) == null).collect(Collectors.toSet());
        });
    }

    /** What the BPMN says the step's arrival means ({@value TaskArrivals#ARRIVES_AS}), or null. */
    String arrivesAs(DelegateTask task) {
        return rule(task.getProcessDefinitionId(), task.getTaskDefinitionKey()).arrivesAs();
    }

    /** Completing a task nobody claimed: it is recorded as taken by the person logged in, so the history names them. */
    void recordPerformer(DelegateTask task) {
        if (task.getAssignee() == null) {
            authenticatedUser().ifPresent(task::setAssignee);
        }
    }

    private void checkFields(Step step, Map<String, ?> variables) {
        Task task = step.task();
        Optional<TaskForm> form = forms.of(task.getId(), task.getProcessDefinitionId(), step.rule().formId(),
                step.rule().formBinding());
        for (Map.Entry<String, ?> entry : variables.entrySet()) {
            String key = entry.getKey();
            Optional<FormField> field = form.flatMap(f -> f.field(key));
            if (field.isEmpty()) {
                throw new CompletionRefusedException(text("step.fieldNotOnForm", key, step.task().getName()),
                        "step.fieldNotOnForm", key, step.task().getName());
            }
            Object raw = entry.getValue() instanceof TypedValue typed ? typed.getValue() : entry.getValue();
            String problem = field.get().problemWith(asText(raw), raw);
            if (problem != null) {
                String label = field.get().label();
                MessageSourceResolvable why = new DefaultMessageSourceResolvable(new String[]{problem},
                        new Object[]{field.get().maxLength()});
                throw new CompletionRefusedException(text("step.fieldInvalid", label, why), "step.fieldInvalid", label, why);
            }
        }
        form.ifPresent(f -> f.fields().stream().filter(FormField::required)
                .filter(required -> !variables.containsKey(required.key()))
                .findFirst().ifPresent(missing -> {
                    throw new CompletionRefusedException(text("step.fieldMissing", missing.label()),
                            "step.fieldMissing", missing.label());
                }));
    }

    private void checkPerformer(Step step, String performer) {
        String assignee = step.task().getAssignee();
        boolean admin = isAdmin(performer);
        if (assignee != null && !assignee.equals(performer) && !admin) {
            throw refused("step.claimedByOther", displayName(assignee));
        }
        if (assignee == null && !admin && !isCandidate(step, performer)) {
            throw refused("step.notCandidate", displayName(performer));
        }
        checkDuties(step, performer);
    }

    private void checkDuties(Step step, String user) {
        Map<String, Set<String>> caseParties = step.rule().bindsDuties()
                ? partiesOf(step.processId(), step.businessKey()) : Map.of();
        String party = barredParty(step.rule(), step.task().getProcessInstanceId(), step.task().getTaskDefinitionKey(),
                caseParties, user);
        if (party != null) {
            // a resolvable argument: each reader gets the party in their own language, not both
            throw refused("step.separationOfDuties", displayName(user),
                    new DefaultMessageSourceResolvable("step.party." + party));
        }
    }

    /** The party that bars the user from the step, or null when they may take it. */
    private String barredParty(StepRule rule, String processInstanceId, String stepId,
                               Map<String, Set<String>> caseParties, String user) {
        if (!rule.bindsDuties()) {
            return null;
        }
        for (String party : rule.barredParties()) {
            if (caseParties.getOrDefault(party, Set.of()).contains(user)) {
                return party;
            }
        }
        // finished or not: a step completed in this very command has no end time in the database yet
        for (HistoricTaskInstance done : historyService.createHistoricTaskInstanceQuery()
                .processInstanceId(processInstanceId).taskAssignee(user).list()) {
            if (!done.getTaskDefinitionKey().equals(stepId)) {
                StepRule other = rule(done.getProcessDefinitionId(), done.getTaskDefinitionKey());
                if (other.bindsDuties() && !Objects.equals(other.candidateGroups(), rule.candidateGroups())) {
                    return OTHER_STEP;
                }
            }
        }
        return null;
    }

    private Map<String, Set<String>> partiesOf(String processId, String businessKey) {
        CaseParties source = parties.get(processId);
        return source == null || businessKey == null ? Map.of() : source.of(businessKey);
    }

    private boolean isCandidate(Step step, String user) {
        if (step.candidateUsers().contains(user)) {
            return true;
        }
        return !step.candidateGroups().isEmpty() && identityService.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).anyMatch(step.candidateGroups()::contains);
    }

    private boolean isAdmin(String user) {
        return identityService.createGroupQuery().groupMember(user).groupId(ADMIN_GROUP).count() > 0;
    }

    private boolean isAdminAuthentication() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication != null && authentication.getGroupIds() != null
                && authentication.getGroupIds().contains(ADMIN_GROUP);
    }

    private Optional<String> authenticatedUser() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return Optional.ofNullable(authentication).map(Authentication::getUserId);
    }

    /**
     * The task, its instance's business key, its process key and its candidates, read in one engine command
     * through the engine's own entity managers: one database session, no query-level authorization joins (the
     * guard is the authorization here), three selects instead of five queries on separate sessions.
     */
    private Optional<Step> step(String taskId) {
        if (taskId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(engineCommands.execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return null;
            }
            StepRule rule = task.getProcessDefinitionId() == null
                    ? new StepRule(null, null, Set.of(), null, null, null)
                    : rule(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
            String processId = null;
            String businessKey = null;
            if (task.getProcessInstanceId() != null) {
                ExecutionEntity instance = task.getProcessInstance();
                businessKey = instance == null ? null : instance.getBusinessKey();
                processId = context.getProcessEngineConfiguration().getDeploymentCache()
                        .findDeployedProcessDefinitionById(task.getProcessDefinitionId()).getKey();
            }
            Set<String> groups = new HashSet<>();
            Set<String> users = new HashSet<>();
            for (IdentityLinkEntity link : task.getIdentityLinks()) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                    if (link.getGroupId() != null) {
                        groups.add(link.getGroupId());
                    }
                    if (link.getUserId() != null) {
                        users.add(link.getUserId());
                    }
                }
            }
            return new Step(task, processId, businessKey, rule, groups, users);
        }));
    }

    private StepRule rule(String processDefinitionId, String stepId) {
        return rules.computeIfAbsent(processDefinitionId + "#" + stepId, key -> {
            UserTask userTask = repositoryService.getBpmnModelInstance(processDefinitionId).getModelElementById(stepId);
            if (userTask == null) {
                return new StepRule(null, null, Set.of(), null, null, null);
            }
            Map<String, String> properties = new HashMap<>();
            if (userTask.getExtensionElements() != null) {
                userTask.getExtensionElements().getElementsQuery().filterByType(
                                org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list()
                        .forEach(p -> p.getCamundaProperties().forEach(
                                (CamundaProperty property) -> properties.put(property.getCamundaName(),
                                        property.getCamundaValue())));
            }
            Set<String> barred = Arrays.stream(properties.getOrDefault(SEPARATION_OF_DUTIES, "").split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
            return new StepRule(userTask.getCamundaFormRef(), userTask.getCamundaFormRefBinding(), barred, properties.get(ESCALATE_TO),
                    userTask.getCamundaCandidateGroups(), properties.get(TaskArrivals.ARRIVES_AS));
        });
    }

    private <T> T asSystem(Supplier<T> work) {
        return AsSystem.run(identityService, work);
    }

    private String displayName(String username) {
        User user = asSystem(() -> identityService.createUserQuery().userId(username).singleResult());
        return user == null ? username : user.getFirstName() + (user.getLastName() == null ? "" : user.getLastName());
    }

    private String groupName(String groupId) {
        Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
        return group == null ? groupId : group.getName();
    }

    private StepRefusedException refused(String key, Object... args) {
        return new StepRefusedException(text(key, args), key, args);
    }

    /** Chinese first, English after it: the engine's surfaces answer every user with one message. */
    private String text(String key, Object... args) {
        String chinese = messages.getMessage(key, args, key, Locale.SIMPLIFIED_CHINESE);
        String english = messages.getMessage(key, args, key, Locale.ENGLISH);
        return Objects.equals(chinese, english) ? chinese : chinese + " / " + english;
    }

    private static String asText(Object value) {
        Object plain = value instanceof TypedValue typed ? typed.getValue() : value;
        return plain == null ? null : plain.toString();
    }
}
