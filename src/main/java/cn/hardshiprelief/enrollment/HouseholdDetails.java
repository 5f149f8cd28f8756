package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.vocabulary.HardshipCause;
import cn.hardshiprelief.vocabulary.HousingType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Everything the applicant states about the household, as the domain receives it, with the
 * applicant's own hire date (入职日期; null when they have none to state).
 */
public record HouseholdDetails(LocalDate hireDate, HousingType housingType, BigDecimal housingArea, String housingNote,
                               HardshipCause primaryCause, Set<HardshipCause> secondaryCauses, String account,
                               BigDecimal medicalCostsHalfYear, BigDecimal oneOffCosts,
                               List<HouseholdMember> members) {
}
