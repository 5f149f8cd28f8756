package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.vocabulary.SchoolingStage;
import cn.hardshiprelief.vocabulary.Relation;
import cn.hardshiprelief.vocabulary.HealthStatus;
import cn.hardshiprelief.vocabulary.DisabilityGrade;
import cn.hardshiprelief.vocabulary.EmploymentStatus;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The facts about one household member as the domain receives them (already validated). */
public record MemberDetails(String name, Relation relation, String idNumber, LocalDate birthDate,
                            HealthStatus health, DisabilityGrade disability, EmploymentStatus employment,
                            SchoolingStage schooling, BigDecimal monthlyIncome) {
}
