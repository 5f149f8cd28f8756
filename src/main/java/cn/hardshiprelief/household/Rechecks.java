package cn.hardshiprelief.household;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.task.Tasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The re-check (复核) of a file by its caseworkers, and the monthly incomes recorded between re-checks: the page,
 * its form as first shown, the record that completes {@code recheckHousehold}. Access: the file's branch union
 * (or the company's union), the county union, administrators.
 */
@Service
@Transactional
public class Rechecks {

    private final HouseholdFileRepository files;
    private final IncomeRecordRepository incomes;
    private final RecheckRepository rechecks;
    private final FileHistory history;
    private final Tasks tasks;
    private final Clock clock;

    public Rechecks(HouseholdFileRepository files, IncomeRecordRepository incomes, RecheckRepository rechecks, FileHistory history, Tasks tasks, Clock clock) {
        this.files = files;
        this.incomes = incomes;
        this.rechecks = rechecks;
        this.history = history;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public RecheckView recheckView(Actor actor, Long fileId) {
        HouseholdFile file = files.require(fileId);
        Caseworkers.require(actor, file);
        file.getMembers().size();
        return new RecheckView(file, openRecheck(file).orElse(null), incomes.findByFileIdOrderByIncomeMonthDesc(fileId),
                rechecks.findByFileIdOrderByRecordedAtDesc(fileId), history.of(fileId));
    }

    /**
     * The re-check form as the page first shows it: one row for each whole month since the latest recorded one
     * (at most the last six), with the file's number of members; each member's health, disability and schooling,
     * and the household's costs and earners as the file has them.
     */
    @Transactional(readOnly = true)
    public RecheckForm newRecheckForm(Actor actor, Long fileId) {
        HouseholdFile file = files.require(fileId);
        Caseworkers.require(actor, file);
        RecheckForm form = new RecheckForm();
        YearMonth lastWhole = YearMonth.now(clock).minusMonths(1);
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
        HouseholdFile file = files.require(fileId);
        Caseworkers.require(actor, file);
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
                form.isCausesRemaining(), form.isPermanentCause(), found, actor.username(), clock.instant()));
        history.record(file, FileEvent.Kind.RECHECKED, null, null, form.getFindings().strip(), actor.username());
        if (!changed.isEmpty()) {
            history.record(file, FileEvent.Kind.MEMBERS_UPDATED, null, null, String.join("、", changed), actor.username());
        }
        tasks.completeForm(task, actor.username(), submitted, Map.of());
        return recheck;
    }

    /** An income between re-checks (reported by the cadre). */
    public IncomeRecord recordIncome(Actor actor, Long fileId, YearMonth month, BigDecimal householdIncome, int memberCount) {
        HouseholdFile file = files.require(fileId);
        Caseworkers.require(actor, file);
        return addIncome(actor, file, month, householdIncome, memberCount);
    }

    private IncomeRecord addIncome(Actor actor, HouseholdFile file, YearMonth month, BigDecimal income, Integer members) {
        if (month != null && income == null) {
            throw new BusinessException("income.amountRequired", month.toString());
        }
        if (month == null || income == null || members == null) {
            throw new BusinessException("income.incomplete");
        }
        YearMonth current = YearMonth.now(clock);
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
        return incomes.save(new IncomeRecord(file.getId(), month, income, members, actor.username(), clock.instant()));
    }

    private Optional<OpenTask> openRecheck(HouseholdFile file) {
        return tasks.openTaskOfBusinessKey(FollowUpProcess.PROCESS_ID, String.valueOf(file.getId()),
                FollowUpProcess.RECHECK_TASK);
    }

    /** The re-check page. */
    public record RecheckView(HouseholdFile file, OpenTask openRecheck, List<IncomeRecord> incomes, List<Recheck> rechecks,
                              List<FileEvent> events) {
    }
}
