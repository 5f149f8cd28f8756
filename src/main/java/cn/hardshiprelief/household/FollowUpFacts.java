package cn.hardshiprelief.household;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Optional;
import java.util.function.Function;

/** What the decision tables of {@code householdFollowUp} read from a file: the exit rule's facts, re-classification's. */
@Service
@Transactional(readOnly = true)
public class FollowUpFacts {

    private final HouseholdFileRepository files;
    private final IncomeRecordRepository incomes;
    private final RecheckRepository rechecks;
    private final Clock clock;

    public FollowUpFacts(HouseholdFileRepository files, IncomeRecordRepository incomes, RecheckRepository rechecks, Clock clock) {
        this.files = files;
        this.incomes = incomes;
        this.rechecks = rechecks;
        this.clock = clock;
    }

    /**
     * Consecutive months, from last month backwards, with per-capita income above that month's
     * line (超过: strictly above). A month without a recorded income ends the run, so an old run of
     * good months never counts for today.
     */
    @Transactional(readOnly = true)
    public ExitFacts exitFacts(Long fileId, Function<YearMonth, BigDecimal> dibaoLineOf) {
        HouseholdFile file = files.require(fileId);
        int months = 0;
        YearMonth expected = YearMonth.now(clock).minusMonths(1);
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

    /** What the re-classification after a re-check reads from the file and its incomes. */
    @Transactional(readOnly = true)
    public ReclassificationFacts reclassificationFacts(Long fileId) {
        HouseholdFile file = files.require(fileId);
        return ReclassificationFacts.of(file, incomes.findByFileIdOrderByIncomeMonthDesc(fileId),
                YearMonth.now(clock));
    }

    @Transactional(readOnly = true)
    public Optional<Recheck> recheckOfTask(String taskId) {
        return rechecks.findByTaskId(taskId);
    }

    /**
     * The facts the exit rule reads: the months above the line, what the latest re-check found, and the most
     * severe disability grade and health status recorded for a member of the file (enum names).
     */
    public record ExitFacts(String regionCode, int monthsAboveLine, boolean causesRemaining, boolean permanentCause,
                            String severestDisability, String severestHealth) {
    }
}
