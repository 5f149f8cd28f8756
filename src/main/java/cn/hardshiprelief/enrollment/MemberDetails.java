package cn.hardshiprelief.enrollment;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The facts about one household member as the domain receives them (already validated). */
public record MemberDetails(String name, Relation relation, String idNumber, LocalDate birthDate,
                            HealthStatus health, DisabilityGrade disability, EmploymentStatus employment,
                            SchoolingStage schooling, BigDecimal monthlyIncome) {
}
