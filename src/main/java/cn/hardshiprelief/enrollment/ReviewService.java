package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Decisions;
import cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Variables;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import cn.hardshiprelief.task.*;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.*;

/**
 * Reviewers' work: the task list, the review page of one task, and the decision. Every check is
 * made here, whichever page or API asks: the task must be open, offered to one of the reviewer's
 * groups, and the decision must pass the task's Camunda Form and the rule that rejecting or
 * returning needs a comment.
 */
@Service
@Transactional
public class ReviewService {

    private final Tasks tasks;
    private final TaskForms forms;
    private final ApplicationQueries queries;
    private final ApplicationEventRepository events;
    private final Directory directory;
    private final CivilAffairsFindings findings;

    public ReviewService(Tasks tasks, TaskForms forms, ApplicationQueries queries, ApplicationEventRepository events,
                         Directory directory, CivilAffairsFindings findings) {
        this.tasks = tasks;
        this.forms = forms;
        this.queries = queries;
        this.events = events;
        this.directory = directory;
        this.findings = findings;
    }

    /**
     * A page of the actor's enrollment tasks (待办) with their applications, oldest first: one indexed query for
     * the page's tasks, then the applications of those process instances only.
     */
    @Transactional(readOnly = true)
    public Slice<TaskItem> inbox(Actor actor, int page, int size) {
        TaskPage open = tasks.inboxPage(actor.username(), actor.groupIds(), HardshipEnrollmentProcess.PROCESS_ID,
                page, size);
        return new SliceImpl<>(items(open.tasks()), PageRequest.of(page, open.size()), open.hasNext());
    }

    private List<TaskItem> items(List<OpenTask> open) {
        Map<String, EnrollmentApplication> byInstance = new HashMap<>();
        queries.byProcessInstances(open.stream().map(OpenTask::processInstanceId).distinct().toList())
                .forEach(a -> byInstance.put(a.getProcessInstanceId(), a));
        Map<String, String> names = directory.displayNames(byInstance.values().stream()
                .map(EnrollmentApplication::getApplicantUsername).collect(java.util.stream.Collectors.toSet()));
        return open.stream().filter(t -> byInstance.containsKey(t.processInstanceId()))
                .map(t -> {
                    EnrollmentApplication application = byInstance.get(t.processInstanceId());
                    String name = names.get(application.getApplicantUsername());
                    return new TaskItem(t, application, name != null ? name : application.getApplicantUsername());
                })
                .toList();
    }

    /** The inbox lines of enrollment tasks of a page of the inbox, each linking to the page where it is done. */
    @Transactional(readOnly = true)
    public List<InboxEntry> inboxEntries(List<OpenTask> open) {
        return items(open).stream().map(i -> new InboxEntry(i.task().id(), i.task().stepId(), i.task().created(),
                i.application().getApplicationNumber(), i.applicantName(), i.application().getDepartment().getName(),
                switch (i.task().stepId()) {
                    case HardshipEnrollmentProcess.CORRECT_APPLICATION -> "/applications/" + i.application().getId() + "/edit";
                    case HardshipEnrollmentProcess.VERIFY_HOUSEHOLD -> "/applications/" + i.application().getId() + "/verification";
                    case HardshipEnrollmentProcess.DECIDE_OBJECTION -> "/objections/" + i.task().id();
                    default -> "/tasks/" + i.task().id();
                })).toList();
    }

    /** One task to decide, with its application and the task's deployed Camunda Form. */
    @Transactional(readOnly = true)
    public ReviewView review(Actor actor, String taskId) {
        OpenTask task = openTaskFor(actor, taskId);
        EnrollmentApplication application = applicationOf(actor, task);
        return new ReviewView(task, application, forms.require(task),
                directory.displayName(application.getApplicantUsername()), findings.of(application));
    }

    /**
     * Decides a review task with what was submitted for its Camunda Form (approve, reject or return, and
     * whatever fields the deployed form has); rejecting or returning needs a comment.
     */
    public EnrollmentApplication decide(Actor actor, String taskId, Map<String, String> submitted) {
        String decision = submitted.get(Variables.DECISION);
        boolean needsReason = Decisions.REJECT.equals(decision) || Decisions.RETURN.equals(decision);
        return complete(actor, taskId, HardshipEnrollmentProcess.REVIEW_STEPS, submitted,
                needsReason ? "review.commentRequired" : null);
    }

    /** {@link #decide(Actor, String, Map)} with the two fields every review form has. */
    public EnrollmentApplication decide(Actor actor, String taskId, String decision, String comment) {
        return decide(actor, taskId, choiceAndComment(Variables.DECISION, decision, comment));
    }

    /** The county union's decision on an objection to the public notice: uphold (with a reason) or dismiss. */
    public EnrollmentApplication decideObjection(Actor actor, String taskId, Map<String, String> submitted) {
        return complete(actor, taskId, List.of(HardshipEnrollmentProcess.DECIDE_OBJECTION), submitted,
                "uphold".equals(submitted.get(Variables.OBJECTION_OUTCOME)) ? "objection.commentRequired" : null);
    }

    public EnrollmentApplication decideObjection(Actor actor, String taskId, String outcome, String comment) {
        return decideObjection(actor, taskId, choiceAndComment(Variables.OBJECTION_OUTCOME, outcome, comment));
    }

    private static Map<String, String> choiceAndComment(String choiceVariable, String choice, String comment) {
        Map<String, String> submitted = new HashMap<>();
        submitted.put(choiceVariable, choice);
        submitted.put(Variables.COMMENT, comment);
        return submitted;
    }

    /**
     * Completes one of the given steps after the checks every decision gets: the task is open and the
     * actor's, the values pass the task's deployed Camunda Form, and a comment is there when the choice
     * needs one ({@code commentRequiredKey} names the message then).
     */
    private EnrollmentApplication complete(Actor actor, String taskId, List<String> steps, Map<String, String> submitted,
                                           String commentRequiredKey) {
        OpenTask task = openTaskFor(actor, taskId);
        if (!steps.contains(task.stepId())) {
            throw new BusinessException("review.notAReviewTask");
        }
        EnrollmentApplication application = applicationOf(actor, task);
        String comment = submitted.get(Variables.COMMENT);
        Map<String, String> stepProblems = commentRequiredKey != null && (comment == null || comment.isBlank())
                ? Map.of(Variables.COMMENT, commentRequiredKey) : Map.of();
        try {
            tasks.completeForm(task, actor.username(), submitted, stepProblems);
        } catch (TaskGoneException e) {
            throw alreadyDecided(taskId);
        }
        return application;
    }

    OpenTask openTaskFor(Actor actor, String taskId) {
        OpenTask task = tasks.find(taskId).orElseThrow(() -> alreadyDecided(taskId));
        if (!task.actionableBy(actor.username(), actor.groupIds())) {
            if (task.assignee() != null && task.candidateGroups().stream().anyMatch(actor.groupIds()::contains)) {
                throw new ConflictException("task.claimedByOther", directory.displayName(task.assignee()));
            }
            throw new ForbiddenException("task.forbidden");
        }
        return task;
    }

    EnrollmentApplication applicationOf(Actor actor, OpenTask task) {
        EnrollmentApplication application = queries.byProcessInstances(List.of(task.processInstanceId())).stream()
                .findFirst().orElseThrow(() -> new NotFoundException("application.notFound", task.processInstanceId()));
        return queries.view(actor, application.getId());
    }

    /** A task that is no longer open: say who decided it, or 404 if it never existed. */
    private BusinessException alreadyDecided(String taskId) {
        Optional<ApplicationEvent> event = events.findByTaskId(taskId);
        if (event.isPresent()) {
            return new TaskAlreadyDecidedException(event.get().getActorName(), event.get().getOccurredAt());
        }
        return tasks.completed(taskId)
                .<BusinessException>map(t -> new TaskAlreadyDecidedException(directory.displayName(t.completedBy()),
                        t.completedAt()))
                .orElseGet(() -> new NotFoundException("task.notFound", taskId));
    }
}
