package cn.hardshiprelief.workbench;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.AppUser;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.organization.OrgUnit;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import cn.hardshiprelief.task.CaseKey;
import cn.hardshiprelief.task.CaseParties;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.task.TaskGoneException;
import cn.hardshiprelief.task.Tasks;
import cn.hardshiprelief.notification.NotificationKind;
import cn.hardshiprelief.notification.Notifications;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.*;
import java.util.stream.Collectors;

/**
 * What an approver does to a task besides deciding it, on every approval step of every process: claim and release,
 * transfer (转办), delegate (委派) and hand back, urge (催办), carbon copy (抄送). The engine does each one (task
 * service, as the person, so the step guard checks them as it checks Tasklist and Cockpit's log names them); the
 * case's history here says it in the case's words.
 */
@Service
@Transactional
public class TaskOperations {

    /** Longest reason, opinion or note kept (the column's size). */
    public static final int MAX_REASON = 500;

    private final Tasks tasks;
    private final Directory directory;
    private final TaskOperationRepository operations;
    private final CarbonCopyRepository copies;
    private final Map<String, CaseParties> parties;
    private final Map<String, CaseDirectory> cases;
    private final Map<String, StepReturns> returns;
    private final Notifications notifications;
    private final Clock clock;

    TaskOperations(Tasks tasks, Directory directory, TaskOperationRepository operations, CarbonCopyRepository copies,
                   List<CaseParties> parties, List<CaseDirectory> cases, List<StepReturns> returns,
                   Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.returns = returns.stream().collect(Collectors.toMap(StepReturns::processId, r -> r));
        this.cases = cases.stream().collect(Collectors.toMap(CaseDirectory::processId, c -> c));
        this.tasks = tasks;
        this.directory = directory;
        this.operations = operations;
        this.copies = copies;
        this.parties = parties.stream().collect(Collectors.toMap(CaseParties::processId, p -> p));
        this.clock = clock;
    }

    /** The open task as the person may work on it: theirs, offered to their groups, or delegated by them. */
    @Transactional(readOnly = true)
    public OpenTask task(Actor actor, String taskId) {
        OpenTask task = tasks.find(taskId).orElseThrow(() -> gone(taskId));
        boolean owner = actor.username().equals(task.owner());
        if (!task.actionableBy(actor.username(), actor.groupIds()) && !owner && !actor.isAdmin()) {
            throw new ForbiddenException("task.forbidden");
        }
        return task;
    }

    /** 认领: the task is the person's from now on; others of the group no longer see it in their lists. */
    public void claim(Actor actor, String taskId) {
        OpenTask task = task(actor, taskId);
        if (actor.username().equals(task.assignee())) {
            return;
        }
        run(taskId, () -> tasks.claim(task, actor.username(), actor.groupIds()));
        record(task, OperationKind.CLAIM, actor, null, null);
    }

    /** 取消认领: back to the group, for anyone of it to take. */
    public void release(Actor actor, String taskId) {
        OpenTask task = task(actor, taskId);
        run(taskId, () -> tasks.unclaim(task, actor.username(), actor.groupIds()));
        record(task, OperationKind.RELEASE, actor, null, null);
    }

    /** 转办: another person who may decide the step decides it instead; the reason stays with the case. */
    public void transfer(Actor actor, String taskId, String targetUsername, String reason) {
        AppUser target = person(targetUsername);
        String why = required(reason);
        if (target.getUsername().equals(actor.username())) {
            throw new BusinessException("workbench.transferToSelf");
        }
        OpenTask task = task(actor, taskId);
        run(taskId, () -> tasks.transfer(task, actor.username(), actor.groupIds(), target.getUsername(), why));
        record(task, OperationKind.TRANSFER, actor, target, why);
        arrived(target.getUsername(), task);
    }

    /** 委派: another person who may take the step gives an opinion; the task then comes back to this person. */
    public void delegate(Actor actor, String taskId, String targetUsername, String reason) {
        AppUser target = person(targetUsername);
        String why = required(reason);
        OpenTask task = task(actor, taskId);
        run(taskId, () -> tasks.delegate(task, actor.username(), actor.groupIds(), target.getUsername(), why));
        record(task, OperationKind.DELEGATE, actor, target, why);
        arrived(target.getUsername(), task);
    }

    /** The delegate's opinion; the task is back with its owner, who decides it. */
    public void handBack(Actor actor, String taskId, String opinion) {
        String said = required(opinion);
        OpenTask task = task(actor, taskId);
        run(taskId, () -> tasks.handBack(task, actor.username(), actor.groupIds(), said));
        AppUser owner = task.owner() == null ? null : directory.user(task.owner()).orElse(null);
        record(task, OperationKind.HAND_BACK, actor, owner, said);
        if (owner != null) {
            arrived(owner.getUsername(), task);
        }
    }

    /**
     * 催办: a party of the case (the applicant, whoever filed or requested it) or an administrator reminds whoever
     * holds its open steps, at most once a day per case. Returns the step the reminder went to.
     */
    public OpenTask urge(Actor actor, String processId, String businessKey, String note) {
        String processInstanceId = tasks.runningInstanceOf(processId, businessKey)
                .orElseThrow(() -> new ConflictException("workbench.urgeNothingOpen"));
        if (!actor.isAdmin() && !isPartyOf(actor, processId, businessKey)) {
            throw new ForbiddenException("workbench.urgeNotYours");
        }
        OpenTask open = tasks.openTasksOf(processInstanceId).stream().findFirst()
                .orElseThrow(() -> new ConflictException("workbench.urgeNothingOpen"));
        LocalDate today = LocalDate.now(clock);
        if (operations.existsByProcessInstanceIdAndUrgedOn(processInstanceId, today)) {
            throw new ConflictException("workbench.urgedToday");
        }
        CaseTask caseTask = new CaseTask(processId, processInstanceId, businessKey, open.id(), open.stepId());
        try {
            operations.saveAndFlush(new TaskOperation(caseTask, OperationKind.URGE, actor.username(),
                    actor.displayName(), open.assignee(), open.assignee() == null ? null
                    : directory.displayName(open.assignee()), optional(note), clock.instant(), today));
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("workbench.urgedToday"); // another click or node won the day's urge
        }
        Collection<String> holders = open.assignee() != null ? List.of(open.assignee())
                : directory.membersOf(open.candidateGroups());
        notifications.notifyAll(holders, NotificationKind.URGED, "/tasks/" + open.id() + "/open", stepName(open),
                reference(caseTask), actor.displayName());
        return open;
    }

    /**
     * 抄送: people of the person's own organisation who should know may read this case (and only this one) from
     * now on; each finds it in their "抄送我的" list. Copying again to someone who has it already changes nothing.
     */
    public List<String> carbonCopy(Actor actor, String taskId, Collection<String> recipientUsernames, String note) {
        OpenTask task = task(actor, taskId);
        if (recipientUsernames.isEmpty()) {
            throw new BusinessException("workbench.copyNobody");
        }
        CaseTask caseTask = caseTask(task);
        String said = optional(note);
        List<String> copied = new ArrayList<>();
        for (String username : new LinkedHashSet<>(recipientUsernames)) {
            AppUser recipient = person(username);
            if (!sameOrganisation(actor, recipient)) {
                throw new ForbiddenException("workbench.copyOutsideOrganisation", recipient.getDisplayName());
            }
            if (copies.findByProcessIdAndBusinessKeyAndRecipientUsername(caseTask.processId(),
                    caseTask.businessKey(), recipient.getUsername()).isEmpty()) {
                CarbonCopy copy = copies.save(new CarbonCopy(caseTask, recipient.getUsername(), actor.username(),
                        actor.displayName(), said, clock.instant()));
                operations.save(new TaskOperation(caseTask, OperationKind.CARBON_COPY, actor.username(),
                        actor.displayName(), recipient.getUsername(), recipient.getDisplayName(), said,
                        clock.instant(), null));
                copied.add(recipient.getUsername());
                copies.flush();
                notifications.notify(recipient.getUsername(), NotificationKind.COPIED, "/copies/" + copy.getId(),
                        reference(caseTask), actor.displayName());
            }
        }
        return copied;
    }

    /**
     * The task's operations page: the task, its case, what the person may do to it now, and the operations done to
     * the case so far.
     */
    @Transactional(readOnly = true)
    public OperationsView view(Actor actor, String taskId) {
        OpenTask task = task(actor, taskId);
        CaseTask caseTask = caseTask(task);
        CaseDirectory directoryOfCases = cases.get(caseTask.processId());
        CaseDirectory.CaseSummary summary = directoryOfCases == null ? null
                : directoryOfCases.describe(caseTask.businessKey()).orElse(null);
        String me = actor.username();
        return new OperationsView(task, caseTask.processId(), summary,
                summary == null ? null : directoryOfCases.taskLink(summary, task.id()),
                task.assignee() == null ? null : directory.displayName(task.assignee()),
                task.owner() == null ? null : directory.displayName(task.owner()),
                task.assignee() == null && !task.coSigning(),
                me.equals(task.assignee()) && !task.delegated() && !task.coSigning(),
                !task.delegated() && !task.coSigning() && (task.assignee() == null || me.equals(task.assignee())),
                task.delegatedTo(me),
                mayReturn(actor, task, caseTask.processId()),
                task.coSigning() ? List.of() : tasks.coSignersOf(task.id()),
                task.coSigning() && me.equals(task.assignee()),
                history(caseTask.processInstanceId()));
    }

    /**
     * What the operations page shows: the task, its case ({@code summary} null when the feature does not list it),
     * where it is decided, its holder and owner by name, and which operations the person may try ({@code mayHandOn}: transfer, delegate,
     * copy; the step guard decides in the end).
     */
    public record OperationsView(OpenTask task, String processId, CaseDirectory.CaseSummary summary,
                                 String handleLink, String assigneeName, String ownerName, boolean mayClaim, boolean mayRelease,
                                 boolean mayHandOn, boolean mayHandBack, List<String> returnSteps,
                                 List<OpenTask> coSigners, boolean mayCoSign, List<TaskOperation> history) {
    }

    /**
     * 回退: the case goes back to a step it already passed, with a reason, where its process has such a chain; the
     * feature's own move checks the step and the person (the step guard's claim).
     */
    public void returnTo(Actor actor, String taskId, String step, String reason) {
        String why = required(reason);
        OpenTask task = task(actor, taskId);
        StepReturns moves = returns.get(caseTask(task).processId());
        if (moves == null || !moves.stepsToReturnTo(actor, task).contains(step)) {
            throw new ConflictException("review.returnTo.notEarlier");
        }
        run(taskId, () -> moves.returnTo(actor, task, step, why));
    }

    private List<String> mayReturn(Actor actor, OpenTask task, String processId) {
        StepReturns moves = returns.get(processId);
        boolean holds = !task.delegated() && (task.assignee() == null || actor.username().equals(task.assignee()));
        return moves == null || !holds ? List.of() : moves.stepsToReturnTo(actor, task);
    }

    /**
     * 加签: someone of the person's organisation signs the step before its holder decides it; the holder's decision
     * waits for them. Not a party the step's separation of duties bars, nor the holder.
     */
    public void addCoSigner(Actor actor, String taskId, String coSignerUsername, String note) {
        AppUser coSigner = person(coSignerUsername);
        if (coSigner.getUsername().equals(actor.username())) {
            throw new BusinessException("workbench.coSignSelf");
        }
        if (!sameOrganisation(actor, coSigner)) {
            throw new ForbiddenException("workbench.copyOutsideOrganisation", coSigner.getDisplayName());
        }
        OpenTask task = task(actor, taskId);
        if (task.coSigning() || task.delegated()) {
            throw new ConflictException("workbench.taskGone");
        }
        String said = optional(note);
        String coSigning = runFor(taskId,
                () -> tasks.addCoSigner(task, actor.username(), actor.groupIds(), coSigner.getUsername(), said));
        record(task, OperationKind.CO_SIGNER_ADDED, actor, coSigner, said);
        notifications.notify(coSigner.getUsername(), NotificationKind.TASK_ARRIVED, "/tasks/" + coSigning + "/operations",
                stepName(task), processName(task));
    }

    /** 减签: the holder withdraws a co-signer who has not signed yet. */
    public void removeCoSigner(Actor actor, String coSigningTaskId) {
        OpenTask coSigning = tasks.find(coSigningTaskId).filter(OpenTask::coSigning)
                .orElseThrow(() -> gone(coSigningTaskId));
        OpenTask step = task(actor, coSigning.parentTaskId());
        run(step.id(), () -> tasks.removeCoSigner(coSigning, step, actor.username(), actor.groupIds(), "减签"));
        record(step, OperationKind.CO_SIGNER_REMOVED, actor,
                directory.user(coSigning.assignee()).orElse(null), null);
    }

    /** The co-signer signs with an opinion; the step's holder sees it and decides. */
    public void coSign(Actor actor, String coSigningTaskId, String opinion) {
        String said = required(opinion);
        OpenTask coSigning = task(actor, coSigningTaskId);
        if (!coSigning.coSigning()) {
            throw new ConflictException("workbench.taskGone");
        }
        run(coSigningTaskId, () -> tasks.coSign(coSigning, actor.username(), actor.groupIds(), said));
        record(coSigning, OperationKind.CO_SIGNED, actor, null, said);
    }

    /**
     * Inbox lines for co-signers' tasks (加签) among the given ones: the step signed for, the case, and the operations
     * page where the co-signer signs.
     */
    @Transactional(readOnly = true)
    public List<cn.hardshiprelief.task.InboxEntry> coSigningEntries(List<OpenTask> listed) {
        List<cn.hardshiprelief.task.InboxEntry> entries = new ArrayList<>();
        for (OpenTask coSigning : listed) {
            if (!coSigning.coSigning()) {
                continue;
            }
            tasks.find(coSigning.parentTaskId()).ifPresent(step -> {
                CaseTask caseTask = caseTask(step);
                CaseDirectory.CaseSummary summary = Optional.ofNullable(cases.get(caseTask.processId()))
                        .flatMap(c -> c.describe(caseTask.businessKey())).orElse(null);
                entries.add(new cn.hardshiprelief.task.InboxEntry(coSigning.id(), step.stepId(), coSigning.created(),
                        summary == null ? "" : summary.reference(), summary == null ? "" : summary.subject(), "",
                        "/tasks/" + coSigning.id() + "/operations"));
            });
        }
        return entries;
    }

    /** The workbench's part of a case's history, in order. */
    @Transactional(readOnly = true)
    public List<TaskOperation> history(String processInstanceId) {
        return operations.findByProcessInstanceIdOrderByOccurredAtAscIdAsc(processInstanceId);
    }

    private boolean isPartyOf(Actor actor, String processId, String businessKey) {
        CaseParties source = parties.get(processId);
        return source != null && source.of(businessKey).values().stream()
                .anyMatch(usernames -> usernames.contains(actor.username()));
    }

    /**
     * A copy stays inside the organisation: a company's people copy to people of the same company, union staff to
     * people of the units under their union.
     */
    private boolean sameOrganisation(Actor actor, AppUser recipient) {
        OrgUnit unit = recipient.getOrgUnit();
        if (actor.companyId() != null) {
            OrgUnit company = unit.company();
            return company != null && company.getId().equals(actor.companyId());
        }
        return actor.orgUnitId() != null && unit.isWithin(directory.unit(actor.orgUnitId()));
    }

    private void record(OpenTask task, OperationKind kind, Actor actor, AppUser target, String reason) {
        operations.save(new TaskOperation(caseTask(task), kind, actor.username(), actor.displayName(),
                target == null ? null : target.getUsername(), target == null ? null : target.getDisplayName(),
                reason, clock.instant(), null));
    }

    private CaseTask caseTask(OpenTask task) {
        if (task.coSigning()) { // a co-signer's task belongs to the case of the step it was added to
            OpenTask step = tasks.find(task.parentTaskId()).orElseThrow(() -> gone(task.id()));
            return caseTask(step);
        }
        CaseKey key = tasks.caseOf(task.processInstanceId()).orElseThrow(() -> gone(task.id()));
        return new CaseTask(key.processId(), task.processInstanceId(), key.businessKey(), task.id(), task.stepId());
    }

    /** The person is told a task is theirs now (转办, 委派, a delegated task back with its owner). */
    private void arrived(String username, OpenTask task) {
        notifications.notify(username, NotificationKind.TASK_ARRIVED, "/tasks/" + task.id() + "/open", stepName(task),
                processName(task));
    }

    private static MessageSourceResolvable stepName(OpenTask task) {
        return new DefaultMessageSourceResolvable(new String[]{"step." + task.stepId()}, task.name());
    }

    private MessageSourceResolvable processName(OpenTask task) {
        String processId = caseTask(task).processId();
        return new DefaultMessageSourceResolvable(new String[]{"notification.process." + processId}, processId);
    }

    /** The case's number (or the process instance when the feature does not list its cases). */
    private String reference(CaseTask caseTask) {
        return Optional.ofNullable(cases.get(caseTask.processId())).flatMap(c -> c.describe(caseTask.businessKey()))
                .map(CaseDirectory.CaseSummary::reference).orElse(caseTask.businessKey());
    }

    private <T> T runFor(String taskId, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (TaskGoneException e) {
            throw gone(taskId);
        }
    }

    private void run(String taskId, Runnable work) {
        try {
            work.run();
        } catch (TaskGoneException e) {
            throw gone(taskId);
        }
    }

    private AppUser person(String username) {
        if (username == null || username.isBlank()) {
            throw new BusinessException("workbench.personRequired");
        }
        return directory.user(username.strip()).filter(AppUser::isEnabled)
                .orElseThrow(() -> new BusinessException("workbench.noSuchPerson", username.strip()));
    }

    private static String required(String reason) {
        String said = optional(reason);
        if (said == null) {
            throw new BusinessException("workbench.reasonRequired");
        }
        return said;
    }

    private static String optional(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String said = text.strip();
        if (said.length() > MAX_REASON) {
            throw new BusinessException("workbench.reasonTooLong", MAX_REASON);
        }
        return said;
    }

    /** A task no longer open: decided or moved on (409), or never there (404). */
    private BusinessException gone(String taskId) {
        return tasks.completed(taskId).isPresent() || tasks.wasEverCreated(taskId)
                ? new ConflictException("workbench.taskGone") : new NotFoundException("task.notFound");
    }
}
