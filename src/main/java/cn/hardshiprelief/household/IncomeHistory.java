package cn.hardshiprelief.household;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A file's recorded incomes as its page shows them: newest month first, each with its corrections (newest
 * first), and the latest per-capita income with the months it comes from. The application's figure is what the
 * household stated when it applied; once months are recorded, the latest of them is the file's figure.
 */
public record IncomeHistory(List<Month> months) {

    /** Recorded months shown on the page; older ones stay in the database and in re-check history. */
    static final int SHOWN = 24;

    /** One recorded month with its corrections. */
    public record Month(IncomeRecord record, List<IncomeCorrection> corrections) {
    }

    static IncomeHistory of(List<IncomeRecord> newestFirst, List<IncomeCorrection> corrections) {
        Map<Long, List<IncomeCorrection>> byRecord = corrections.stream()
                .collect(Collectors.groupingBy(IncomeCorrection::getIncomeRecordId));
        return new IncomeHistory(newestFirst.stream().limit(SHOWN)
                .map(r -> new Month(r, byRecord.getOrDefault(r.getId(), List.of()))).toList());
    }

    public boolean isEmpty() {
        return months.isEmpty();
    }

    /** The latest recorded month (null when none). */
    public IncomeRecord latest() {
        return months.isEmpty() ? null : months.get(0).record();
    }

    /** The recorded months among the six up to the latest, oldest first. */
    public List<IncomeRecord> lastSix() {
        if (months.isEmpty()) {
            return List.of();
        }
        YearMonth latest = latest().month();
        return months.stream().map(Month::record).filter(r -> r.month().isAfter(latest.minusMonths(6)))
                .sorted(java.util.Comparator.comparing(IncomeRecord::month)).toList();
    }

    /** The average per-capita income of {@link #lastSix()} (null when none). */
    public BigDecimal averagePerCapita() {
        List<IncomeRecord> six = lastSix();
        if (six.isEmpty()) {
            return null;
        }
        return six.stream().map(IncomeRecord::perCapita).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(six.size()), 2, RoundingMode.HALF_UP);
    }
}
