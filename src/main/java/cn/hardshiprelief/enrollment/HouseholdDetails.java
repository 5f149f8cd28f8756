package cn.hardshiprelief.enrollment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** Everything the applicant states about the household, as the domain receives it. */
public record HouseholdDetails(HousingType housingType, BigDecimal housingArea, String housingNote,
                               HardshipCause primaryCause, Set<HardshipCause> secondaryCauses, String account,
                               BigDecimal medicalCostsHalfYear, BigDecimal oneOffCosts,
                               List<HouseholdMember> members) {
}
