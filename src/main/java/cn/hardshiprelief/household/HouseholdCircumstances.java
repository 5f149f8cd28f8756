package cn.hardshiprelief.household;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The costs and dependants of a household as the classification reads them, besides its incomes and
 * members: self-paid medical costs of the last six months, one-off costs of illness, disaster or accident
 * of the last twelve months, how many members have a fixed income (one: the sole earner of plan 12), and
 * whether a severe disaster struck. Recorded at filing from the application, then at each re-check.
 */
public record HouseholdCircumstances(BigDecimal medicalCostsHalfYear, BigDecimal oneOffCosts, int earners,
                                     boolean disasterAffected) {

    public HouseholdCircumstances {
        medicalCostsHalfYear = money(medicalCostsHalfYear);
        oneOffCosts = money(oneOffCosts);
        if (medicalCostsHalfYear.signum() < 0 || oneOffCosts.signum() < 0 || earners < 0) {
            throw new IllegalArgumentException("Costs and earners are never negative");
        }
    }

    public boolean soleEarner() {
        return earners == 1;
    }

    private static BigDecimal money(BigDecimal value) {
        return (value == null ? BigDecimal.ZERO : value).setScale(2, RoundingMode.HALF_UP);
    }
}
