package cn.hardshiprelief.household;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code classifyHardship} reads when a re-check re-classifies a file, from the file as the re-check left
 * it: the latest whole month's per-capita income (and the month, whose dibao line applies), the household's
 * income of the six months up to it and of a year (the average of the recorded months among those six, times 6
 * and 12), the costs, earners and disaster the re-check found, and the members at school. The year of service
 * ({@code monthsOfService}) was checked when the household was filed and is not checked again (null).
 */
public record ReclassificationFacts(String route, YearMonth month, BigDecimal incomePerCapita,
                                    BigDecimal householdIncomeHalfYear, BigDecimal yearlyIncome,
                                    HouseholdCircumstances circumstances, int studentsInSchool, boolean receivesDibao) {

    /**
     * The facts of a file with its recorded incomes (any order), on a day in {@code current} month: months
     * after the last whole month (a record of the running month from before it was refused) do not count.
     */
    public static ReclassificationFacts of(HouseholdFile file, List<IncomeRecord> incomes, YearMonth current) {
        YearMonth lastWhole = current.minusMonths(1);
        IncomeRecord latest = incomes.stream().filter(r -> !r.month().isAfter(lastWhole))
                .max(Comparator.comparing(IncomeRecord::month)).orElse(null);
        YearMonth month = latest == null ? lastWhole : latest.month();
        BigDecimal perCapita = latest != null ? latest.perCapita()
                : file.getPerCapitaIncome() == null ? BigDecimal.ZERO : file.getPerCapitaIncome();
        List<IncomeRecord> halfYear = incomes.stream()
                .filter(r -> !r.month().isAfter(month) && r.month().isAfter(month.minusMonths(6))).toList();
        BigDecimal monthly = halfYear.isEmpty()
                ? perCapita.multiply(BigDecimal.valueOf(Math.max(1, file.getMembers().size())))
                : halfYear.stream().map(IncomeRecord::getHouseholdIncome).reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(halfYear.size()), 2, RoundingMode.HALF_UP);
        return new ReclassificationFacts(file.getBranchUnion() != null ? "union" : "enterprise", month, perCapita,
                monthly.multiply(BigDecimal.valueOf(6)), monthly.multiply(BigDecimal.valueOf(12)), file.circumstances(),
                file.studentsInSchool(), file.isReceivesDibao());
    }

    /** The variables of {@code classifyHardship} but the dibao line, which the caller looks up for {@link #month}. */
    public Map<String, Object> asVariables() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("route", route);
        v.put("incomePerCapita", incomePerCapita.doubleValue());
        v.put("receivesDibao", receivesDibao);
        v.put("medicalCostsHalfYear", circumstances.medicalCostsHalfYear().doubleValue());
        v.put("householdIncomeHalfYear", householdIncomeHalfYear.doubleValue());
        v.put("disasterAffected", circumstances.disasterAffected());
        v.put("soleEarner", circumstances.soleEarner());
        v.put("studentsInSchool", studentsInSchool);
        v.put("oneOffCosts", circumstances.oneOffCosts().doubleValue());
        v.put("yearlyIncome", yearlyIncome.doubleValue());
        v.put("monthsOfService", null);
        return v;
    }
}
