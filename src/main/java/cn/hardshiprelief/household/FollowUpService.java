package cn.hardshiprelief.household;

import cn.hardshiprelief.enrollment.Tier;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.organization.Role;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.task.TaskForm;
import cn.hardshiprelief.task.Tasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.*;
import java.util.function.Function;

/**
 * Dynamic management of a household file (动态管理): monthly incomes, re-checks, change reports, and
 * the status changes the {@code householdFollowUp} process decides. Access: the file's branch union
 * (or the company's union), the county union, administrators; the household itself reports changes.
 */
@Service
@Transactional
public class FollowUpService {

    private final HouseholdFileRepository files;
    private final IncomeRecordRepository incomes;
    private final RecheckRepository rechecks;
    private final FileEventRepository events;
    private final FollowUpCollaborators with;

    public FollowUpService(HouseholdFileRepository files, IncomeRecordRepository incomes, RecheckRepository rechecks,
                           FileEventRepository events, FollowUpCollaborators with) {
        this.files = files;
        this.incomes = incomes;
        this.rechecks = rechecks;
        this.events = events;
        this.with = with;
    }

    /** The engine-facing and people-facing helpers the use cases share. */
    @org.springframework.stereotype.Component
    public record FollowUpCollaborators(Tasks tasks, FollowUpProcess process, Directory directory,
                                        cn.hardshiprelief.enrollment.EnrollmentService relapses, Clock clock) {
    }

    /** The inbox lines of follow-up tasks (re-checks, exit confirmations). */
    @Transactional(readOnly = true)
    public List<cn.hardshiprelief.task.InboxEntry> inboxEntries(Actor actor) {
        return with.tasks().inbox(actor.username(), actor.groupIds(), FollowUpProcess.PROCESS_ID).stream().map(task -> {
            Long fileId = ((Number) with.tasks().variable(task.id(), "fileId")).longValue();
            HouseholdFile file = load(fileId);
            return new cn.hardshiprelief.task.InboxEntry(task.id(), task.stepId(), task.created(), file.getFileNumber(),
                    file.getHeadName(), file.getUnit().getName(),
                    switch (task.stepId()) {
                        case FollowUpProcess.RECHECK_TASK -> "/households/" + fileId + "/recheck";
                        case "watchRecheck" -> "/households/" + fileId + "/watch/" + task.id();
                        default -> "/households/" + fileId + "/exit/" + task.id();
                    });
        }).toList();
    }

    @Transactional(readOnly = true)
    public RecheckView recheckView(Actor actor, Long fileId) {
        HouseholdFile file = load(fileId);
        requireCaseworker(actor, file);
        file.getMembers().size();
        return new RecheckView(file, openRecheck(file).orElse(null), incomes.findByFileIdOrderByIncomeMonthDesc(fileId),
                rechecks.findByFileIdOrderByRecordedAtDesc(fileId), events.findByFileIdOrderByOccurredAtDescIdDesc(fileId));
    }

    /**
     * The re-check form as the page first shows it: one row for each whole month since the latest recorded one
     * (at most the last six), with the file's number of members; each member's health, disability and schooling,
     * and the household's costs and earners as the file has them.
     */
    @Transactional(readOnly = true)
    public RecheckForm newRecheckForm(Actor actor, Long fileId) {
        HouseholdFile file = load(fileId);
        requireCaseworker(actor, file);
        RecheckForm form = new RecheckForm();
        YearMonth lastWhole = YearMonth.now(with.clock()).minusMonths(1);
        YearMonth first = lastWhole.minusMonths(5);
        Optional<IncomeRecord> latest = incomes.findByFileIdOrderByIncomeMonthDesc(fileId).stream()
                .filter(r -> !r.month().isAfter(lastWhole)).findFirst();
        if (latest.isPresent() && !latest.get().month().isBefore(first)) {
            first = latest.get().month().plusMonths(1);
        }
        for (YearMonth month = first; !month.isAfter(lastWhole); month = month.plusMonths(1)) {
            form.getIncomes().add(new IncomeEntry(month, null, file.getMembers().size()));
        }
        file.getMembers().forEach(member -> form.getMembers().add(new MemberFactsEntry(member)));
        HouseholdCircumstances now = file.circumstances();
        form.setMedicalCostsHalfYear(now.medicalCostsHalfYear());
        form.setOneOffCosts(now.oneOffCosts());
        form.setEarners(now.earners());
        form.setDisasterAffected(now.disasterAffected());
        return form;
    }

    /**
     * Records a re-check and completes the open {@code recheckHousehold} task: its incomes, each member's health,
     * disability and schooling and the household's costs and earners (which the file keeps from now on), the
     * visit. Every member of the file is re-checked; a listed month needs its income.
     */
    public Recheck recordRecheck(Actor actor, Long fileId, RecheckForm form) {
        return recordRecheck(actor, fileId, form, Map.of("recheckRecorded", "true"));
    }

    /** Like {@link #recordRecheck(Actor, Long, RecheckForm)}, with what was answered on the step's Camunda Form. */
    public Recheck recordRecheck(Actor actor, Long fileId, RecheckForm form, Map<String, String> submitted) {
        HouseholdFile file = load(fileId);
        requireCaseworker(actor, file);
        OpenTask task = openRecheck(file).orElseThrow(() -> new ConflictException("recheck.notDue", file.getFileNumber()));
        if (form.getMedicalCostsHalfYear() == null || form.getOneOffCosts() == null || form.getEarners() == null) {
            throw new BusinessException("recheck.circumstancesRequired");
        }
        for (IncomeEntry entry : form.getIncomes()) {
            if (entry != null && !entry.isBlank()) {
                addIncome(actor, file, entry.getMonth(), entry.getHouseholdIncome(), entry.getMemberCount());
            }
        }
        Map<Long, HouseholdFile.MemberFacts> facts = new HashMap<>();
        for (MemberFactsEntry entry : form.getMembers()) {
            if (entry == null || entry.getMemberId() == null || entry.getHealth() == null || entry.getDisability() == null
                    || entry.getSchooling() == null || facts.put(entry.getMemberId(), entry.facts()) != null) {
                throw new BusinessException("recheck.membersMismatch");
            }
        }
        HouseholdCircumstances found = form.circumstances();
        List<String> changed = file.recheck(found, facts);
        Recheck recheck = rechecks.save(new Recheck(fileId, task.id(), form.getVisitDate(), form.getFindings().strip(),
                form.isCausesRemaining(), form.isPermanentCause(), found, actor.username(), with.clock().instant()));
        event(file, FileEvent.Kind.RECHECKED, null, null, form.getFindings().strip(), actor.username());
        if (!changed.isEmpty()) {
            event(file, FileEvent.Kind.MEMBERS_UPDATED, null, null, String.join("、", changed), actor.username());
        }
        with.tasks().completeForm(task, actor.username(), submitted, Map.of());
        return recheck;
    }

    /**
     * The county union confirms exit (脱困) or keeps the file, answering the step's Camunda Form
     * (confirmExit: exitDecision, comment); keeping it needs a reason. Exiting releases its members.
     */
    public void decideExit(Actor actor, Long fileId, String taskId, Map<String, String> submitted) {
        HouseholdFile file = load(fileId);
        boolean county = actor.has(Role.COUNTY_UNION) && file.getCountyUnion() != null
                && file.getCountyUnion().getId().equals(actor.orgUnitId());
        if (!county && !actor.isAdmin()) {
            throw new ForbiddenException("household.forbidden");
        }
        OpenTask task = openStep(file, "confirmExit", taskId);
        String comment = submitted.get("comment");
        boolean reasonMissing = "keep".equals(submitted.get("exitDecision")) && (comment == null || comment.isBlank());
        with.tasks().completeForm(task, actor.username(), submitted,
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
        HouseholdFile file = load(fileId);
        requireCaseworker(actor, file);
        OpenTask task = openStep(file, "watchRecheck", taskId);
        with.tasks().completeForm(task, actor.username(), submitted, Map.of());
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
        return with.tasks().openTaskOfBusinessKey(FollowUpProcess.PROCESS_ID, String.valueOf(fileId), stepId)
                .map(with.tasks()::form).orElse(null);
    }

    /** The task, if it is this file's open step of that kind: a task of another file is not acted on here. */
    private OpenTask openStep(HouseholdFile file, String stepId, String taskId) {
        return with.tasks().openTaskOfBusinessKey(FollowUpProcess.PROCESS_ID, String.valueOf(file.getId()), stepId)
                .filter(task -> task.id().equals(taskId))
                .orElseThrow(() -> new ConflictException("task.notFound", taskId));
    }

    /** 注销: death, moving away, wrongly filed. The file leaves the register and its follow-up stops. */
    public void cancel(Actor actor, Long fileId, CancelReason reason, String note) {
        HouseholdFile file = load(fileId);
        boolean county = actor.has(Role.COUNTY_UNION) && file.getCountyUnion() != null
                && file.getCountyUnion().getId().equals(actor.orgUnitId());
        if (!county && !actor.isAdmin()) {
            throw new ForbiddenException("household.forbidden");
        }
        if (reason == null) {
            throw new BusinessException("cancel.reasonRequired");
        }
        FileStatus from = file.cancel();
        with.process().stop(fileId, reason.name());
        event(file, FileEvent.Kind.CANCELLED, from, FileStatus.CANCELLED,
                note == null || note.isBlank() ? null : note.strip(), actor.username(),
                "enum.CancelReason." + reason.name());
    }

    /** An income between re-checks (reported by the cadre). */
    public IncomeRecord recordIncome(Actor actor, Long fileId, YearMonth month, BigDecimal householdIncome, int memberCount) {
        HouseholdFile file = load(fileId);
        requireCaseworker(actor, file);
        return addIncome(actor, file, month, householdIncome, memberCount);
    }

    /** 情况变化: the worker or the cadre reports a change; the process re-checks at once. */
    public void reportChange(Actor actor, Long fileId, String reason) {
        HouseholdFile file = load(fileId);
        boolean household = actor.username().equals(file.getHeadUsername());
        if (!household) {
            requireCaseworker(actor, file);
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new BusinessException("change.reasonRequired");
        }
        if (!file.isOpen()) {
            // within the 12-month watch after exit a change report brings a visit at once (relapse watch);
            // after it, only a new application can bring the household back
            if (file.getStatus() == FileStatus.EXITED && with.process().changeReported(fileId, reason.strip())) {
                event(file, FileEvent.Kind.CHANGE_REPORTED, null, null, reason.strip(), actor.username());
                return;
            }
            throw new ConflictException("change.fileClosed", file.getFileNumber());
        }
        event(file, FileEvent.Kind.CHANGE_REPORTED, null, null, reason.strip(), actor.username());
        with.process().changeReported(fileId, reason.strip());
    }

    // ---- what the householdFollowUp process asks and decides -------------------------------------

    /**
     * Consecutive months, from last month backwards, with per-capita income above that month's
     * line (超过: strictly above). A month without a recorded income ends the run, so an old run of
     * good months never counts for today.
     */
    @Transactional(readOnly = true)
    public ExitFacts exitFacts(Long fileId, Function<YearMonth, BigDecimal> dibaoLineOf) {
        HouseholdFile file = load(fileId);
        int months = 0;
        YearMonth expected = YearMonth.now(with.clock()).minusMonths(1);
        for (IncomeRecord record : incomes.findByFileIdOrderByIncomeMonthDesc(fileId)) {
            if (record.month().isAfter(expected)) {
                continue;  // this month's income so far is not a whole month
            }
            if (!record.month().equals(expected)) {
                break;  // a gap breaks the run: the months must be consecutive
            }
            if (record.perCapita().compareTo(dibaoLineOf.apply(record.month())) <= 0) {
                break;
            }
            months++;
            expected = record.month().minusMonths(1);
        }
        Optional<Recheck> latest = rechecks.findFirstByFileIdOrderByRecordedAtDescIdDesc(fileId);
        return new ExitFacts(file.getRegionCode(), months, latest.map(Recheck::isCausesRemaining).orElse(true),
                latest.map(Recheck::isPermanentCause).orElse(false), file.severestDisability().name(),
                file.severestHealth().name());
    }

    public void markExited(Long fileId, String decidedBy) {
        HouseholdFile file = load(fileId);
        FileStatus from = file.exit();
        event(file, FileEvent.Kind.STATUS_CHANGED, from, FileStatus.EXITED, null, decidedBy,
                "history.exited");
    }

    public void recordWatchVisit(Long fileId, String actor, boolean relapsed, String findings) {
        HouseholdFile file = load(fileId);
        event(file, FileEvent.Kind.WATCH_VISIT, null, null, findings, actor,
                relapsed ? "history.watch.relapsed" : "history.watch.stable");
    }

    /**
     * The household fell back after exit: a new application, pre-filled, goes to the branch union's
     * verification. Not when the worker already has a household again (一户一档): an application of their
     * own in progress, or a file on the register since; the file's history names it instead.
     */
    public void reopenAsRelapse(Long fileId, String cadre, String reason) {
        HouseholdFile file = load(fileId);
        var other = with.relapses().householdOf(file.getHeadUsername());
        if (other.isPresent()) {
            event(file, FileEvent.Kind.RELAPSED, file.getStatus(), null,
                    "返困：该职工已有在办申请或在档档案 " + other.get() + "，不再另开快速通道", cadre != null ? cadre : "system");
            return;
        }
        var branchUnion = file.getBranchUnion() != null ? file.getBranchUnion()
                : with.directory().companyUnion(file.getUnit().company().getId()).orElseThrow();
        var relapse = with.relapses().reopenAsRelapse(file.getApplicationId(), branchUnion,
                cadre != null ? cadre : file.getPairedCadre(), reason);
        event(file, FileEvent.Kind.RELAPSED, file.getStatus(), null, null, cadre != null ? cadre : "system",
                "history.relapseFastTrack", relapse.getApplicationNumber());
    }

    public void markStandingSupport(Long fileId) {
        HouseholdFile file = load(fileId);
        FileStatus from = file.standingSupport();
        if (from != FileStatus.STANDING_SUPPORT) {
            event(file, FileEvent.Kind.STATUS_CHANGED, from, FileStatus.STANDING_SUPPORT, null, "system",
                "history.standingSupport");
        }
    }

    /**
     * @param reasonCode the message code of the classification rule that decided (labelled per reader), or null; the
     *                   decision table's own words are kept with it for a reader whose language has no label
     */
    public void reclassify(Long fileId, Tier tier, String reason, String reasonCode) {
        HouseholdFile file = load(fileId);
        Tier from = file.reclassify(tier);
        FileEvent event = new FileEvent(file.getId(), FileEvent.Kind.RECLASSIFIED, null, null, null, "system", "系统",
                with.clock().instant()).withTiers(from, file.getTier());
        events.save(reasonCode == null ? event.saying("history.reclassified", reason) : event.saying(reasonCode, reason));
    }

    public void remind(Long fileId) {
        HouseholdFile file = load(fileId);
        event(file, FileEvent.Kind.REMINDED, null, null, null, "system",
                "history.reminded");
    }

    public void escalate(Long fileId) {
        HouseholdFile file = load(fileId);
        event(file, FileEvent.Kind.ESCALATED, null, null, null, "system",
                "history.escalated");
    }

    /** What the re-classification after a re-check reads from the file and its incomes. */
    @Transactional(readOnly = true)
    public ReclassificationFacts reclassificationFacts(Long fileId) {
        HouseholdFile file = load(fileId);
        return ReclassificationFacts.of(file, incomes.findByFileIdOrderByIncomeMonthDesc(fileId),
                YearMonth.now(with.clock()));
    }

    @Transactional(readOnly = true)
    public Optional<Recheck> recheckOfTask(String taskId) {
        return rechecks.findByTaskId(taskId);
    }

    @Transactional(readOnly = true)
    public HouseholdFile file(Long fileId) {
        return load(fileId);
    }

    private IncomeRecord addIncome(Actor actor, HouseholdFile file, YearMonth month, BigDecimal income, Integer members) {
        if (month != null && income == null) {
            throw new BusinessException("income.amountRequired", month.toString());
        }
        if (month == null || income == null || members == null) {
            throw new BusinessException("income.incomplete");
        }
        YearMonth current = YearMonth.now(with.clock());
        if (month.equals(current)) {
            // the running month is not a whole month: its income is recorded once it has ended
            throw new BusinessException("income.currentMonth", month.toString());
        }
        if (month.isAfter(current)) {
            throw new BusinessException("income.futureMonth", month.toString());
        }
        if (income.signum() < 0 || members < 1 || members > 20) {
            throw new BusinessException("member.monthlyIncome.absurd");
        }
        if (incomes.existsByFileIdAndIncomeMonth(file.getId(), month.atDay(1))) {
            throw new BusinessException("income.overlap", month.toString());
        }
        return incomes.save(new IncomeRecord(file.getId(), month, income, members, actor.username(), with.clock().instant()));
    }

    private Optional<OpenTask> openRecheck(HouseholdFile file) {
        return with.tasks().openTaskOfBusinessKey(FollowUpProcess.PROCESS_ID, String.valueOf(file.getId()),
                FollowUpProcess.RECHECK_TASK);
    }

    private void event(HouseholdFile file, FileEvent.Kind kind, FileStatus from, FileStatus to, String detail, String actor) {
        events.save(new FileEvent(file.getId(), kind, from, to, detail, actor,
                "system".equals(actor) ? "系统" : with.directory().displayName(actor), with.clock().instant()));
    }

    /** An event with the system's words as a message code and arguments, rendered in the reader's language. */
    private void event(HouseholdFile file, FileEvent.Kind kind, FileStatus from, FileStatus to, String detail, String actor,
                       String code, String... args) {
        events.save(new FileEvent(file.getId(), kind, from, to, detail, actor,
                "system".equals(actor) ? "系统" : with.directory().displayName(actor), with.clock().instant())
                .saying(code, args));
    }

    private HouseholdFile load(Long id) {
        return files.findById(id).orElseThrow(() -> new NotFoundException("household.notFound"));
    }

    /** The file's branch union (or the company's union), its county union, administrators. */
    private static void requireCaseworker(Actor actor, HouseholdFile file) {
        if (!Caseworkers.of(actor, file)) {
            throw new ForbiddenException("household.forbidden");
        }
    }

    /**
     * The facts the exit rule reads: the months above the line, what the latest re-check found, and the most
     * severe disability grade and health status recorded for a member of the file (enum names).
     */
    public record ExitFacts(String regionCode, int monthsAboveLine, boolean causesRemaining, boolean permanentCause,
                            String severestDisability, String severestHealth) {
    }

    /** The re-check page. */
    public record RecheckView(HouseholdFile file, OpenTask openRecheck, List<IncomeRecord> incomes, List<Recheck> rechecks,
                              List<FileEvent> events) {
    }
}
