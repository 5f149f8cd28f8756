package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.vocabulary.HardshipCause;
import cn.hardshiprelief.vocabulary.SchoolingStage;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The facts the classification rules read, computed from an application. Amounts are yuan; the
 * DMN gets them as doubles (process variables hold small decision values, not money records).
 * {@code monthsOfService} is the applicant's whole months of service when the application was
 * submitted, null without a hire date (the table's year-of-service row then does not apply).
 */
public record HardshipFacts(double incomePerCapita, double householdIncomeHalfYear, double yearlyIncome,
                            double medicalCostsHalfYear, double oneOffCosts, boolean disasterAffected,
                            boolean soleEarner, int studentsInSchool, Integer monthsOfService) {

    public static HardshipFacts of(EnrollmentApplication application) {
        BigDecimal monthly = application.getHouseholdIncome() == null ? BigDecimal.ZERO : application.getHouseholdIncome();
        long earners = application.getMembers().stream().filter(m -> m.getMonthlyIncome().signum() > 0).count();
        int students = (int) application.getMembers().stream()
                .filter(m -> m.getSchooling() != SchoolingStage.NONE).count();
        return new HardshipFacts(
                application.getPerCapitaIncome() == null ? 0 : application.getPerCapitaIncome().doubleValue(),
                monthly.multiply(BigDecimal.valueOf(6)).doubleValue(),
                monthly.multiply(BigDecimal.valueOf(12)).doubleValue(),
                amount(application.getMedicalCostsHalfYear()),
                amount(application.getOneOffCosts()),
                application.causes().contains(HardshipCause.DISASTER),
                earners == 1,
                students,
                application.monthsOfServiceAtSubmission());
    }

    public Map<String, Object> asVariables() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("incomePerCapita", incomePerCapita);
        v.put("householdIncomeHalfYear", householdIncomeHalfYear);
        v.put("yearlyIncome", yearlyIncome);
        v.put("medicalCostsHalfYear", medicalCostsHalfYear);
        v.put("oneOffCosts", oneOffCosts);
        v.put("disasterAffected", disasterAffected);
        v.put("soleEarner", soleEarner);
        v.put("studentsInSchool", studentsInSchool);
        v.put("monthsOfService", monthsOfService);
        return v;
    }

    private static double amount(BigDecimal value) {
        return value == null ? 0 : value.doubleValue();
    }
}
