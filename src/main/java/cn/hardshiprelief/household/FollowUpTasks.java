package cn.hardshiprelief.household;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Role;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.task.InboxEntry;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.task.TaskForm;
import cn.hardshiprelief.task.Tasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The people's steps of {@code householdFollowUp} besides the re-check: the county union's exit decision
 * (confirmExit), the visit after exit (watchRecheck), and the inbox lines of all follow-up steps. Each answers the
 * step's deployed Camunda Form.
 */
@Service
@Transactional
public class FollowUpTasks {

    private final HouseholdFileRepository files;
    private final Tasks tasks;

    public FollowUpTasks(HouseholdFileRepository files, Tasks tasks) {
        this.files = files;
        this.tasks = tasks;
    }

    /**
     * The inbox lines of the follow-up tasks (re-checks, exit confirmations) of a page of the inbox: their files
     * read by id in one query, the files' ids in one query of the engine's variables.
     */
    @Transactional(readOnly = true)
    public List<InboxEntry> inboxEntries(List<OpenTask> page) {
        Map<String, Object> fileIds = tasks.processVariable(page, "fileId");
        Map<Long, HouseholdFile> byId = new HashMap<>();
        files.findAllById(fileIds.values().stream().map(id -> ((Number) id).longValue()).distinct().toList())
                .forEach(f -> byId.put(f.getId(), f));
        return page.stream().filter(task -> fileIds.containsKey(task.id())
                && byId.containsKey(((Number) fileIds.get(task.id())).longValue())).map(task -> {
            Long fileId = ((Number) fileIds.get(task.id())).longValue();
            HouseholdFile file = byId.get(fileId);
            return new InboxEntry(task.id(), task.stepId(), task.created(), file.getFileNumber(),
                    file.getHeadName(), file.getUnit().getName(),
                    switch (task.stepId()) {
                        case FollowUpProcess.RECHECK_TASK -> "/households/" + fileId + "/recheck";
                        case "watchRecheck" -> "/households/" + fileId + "/watch/" + task.id();
                        default -> "/households/" + fileId + "/exit/" + task.id();
                    });
        }).toList();
    }

    /**
     * The county union confirms exit (脱困) or keeps the file, answering the step's Camunda Form
     * (confirmExit: exitDecision, comment); keeping it needs a reason. Exiting releases its members.
     */
    public void decideExit(Actor actor, Long fileId, String taskId, Map<String, String> submitted) {
        HouseholdFile file = files.require(fileId);
        boolean county = actor.has(Role.COUNTY_UNION) && file.getCountyUnion() != null
                && file.getCountyUnion().getId().equals(actor.orgUnitId());
        if (!county && !actor.isAdmin()) {
            throw new ForbiddenException("household.forbidden");
        }
        OpenTask task = openStep(file, "confirmExit", taskId);
        String comment = submitted.get("comment");
        boolean reasonMissing = "keep".equals(submitted.get("exitDecision")) && (comment == null || comment.isBlank());
        tasks.completeForm(task, actor.username(), submitted,
                reasonMissing ? Map.of("comment", "exit.commentRequired") : Map.of());
    }

    public void decideExit(Actor actor, Long fileId, String taskId, String decision, String comment) {
        Map<String, String> submitted = new HashMap<>();
        submitted.put("exitDecision", decision);
        submitted.put("comment", comment);
        decideExit(actor, fileId, taskId, submitted);
    }

    /**
     * The lighter visit after exit (脱困后回访), answering watchRecheck: stable, or relapsed (which opens the
     * fast path), and what the visit found.
     */
    public void recordWatchVisit(Actor actor, Long fileId, String taskId, Map<String, String> submitted) {
        HouseholdFile file = files.require(fileId);
        Caseworkers.require(actor, file);
        OpenTask task = openStep(file, "watchRecheck", taskId);
        tasks.completeForm(task, actor.username(), submitted, Map.of());
    }

    public void recordWatchVisit(Actor actor, Long fileId, String taskId, String relapsedChoice, String findings) {
        Map<String, String> submitted = new HashMap<>();
        submitted.put("relapsedChoice", relapsedChoice);
        submitted.put("findings", findings);
        recordWatchVisit(actor, fileId, taskId, submitted);
    }

    /** The Camunda Form of the file's open step, for its page (recheckHousehold, confirmExit, watchRecheck). */
    @Transactional(readOnly = true)
    public TaskForm form(Long fileId, String stepId) {
        return tasks.openTaskOfBusinessKey(FollowUpProcess.PROCESS_ID, String.valueOf(fileId), stepId)
                .map(tasks::form).orElse(null);
    }

    /** The task, if it is this file's open step of that kind: a task of another file is not acted on here. */
    private OpenTask openStep(HouseholdFile file, String stepId, String taskId) {
        return tasks.openTaskOfBusinessKey(FollowUpProcess.PROCESS_ID, String.valueOf(file.getId()), stepId)
                .filter(task -> task.id().equals(taskId))
                .orElseThrow(() -> new ConflictException("task.notFound", taskId));
    }
}
