package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.vocabulary.SchoolingStage;
import cn.hardshiprelief.vocabulary.Relation;
import cn.hardshiprelief.vocabulary.HealthStatus;
import cn.hardshiprelief.vocabulary.DisabilityGrade;
import cn.hardshiprelief.vocabulary.EmploymentStatus;

import cn.hardshiprelief.person.ValidIdentityNumber;
import cn.hardshiprelief.shared.PlainText;
import jakarta.validation.constraints.*;
import org.springframework.format.annotation.DateTimeFormat;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One row of the household table on the application form. */
public class MemberForm {

    @NotBlank(message = "{member.name.required}")
    @Size(max = 50, message = "{member.name.size}")
    @Pattern(regexp = PlainText.PATTERN, message = "{text.controlCharacters}")
    private String name;

    @NotNull(message = "{member.relation.required}")
    private Relation relation;

    @NotBlank(message = "{member.idNumber.required}")
    @ValidIdentityNumber
    private String idNumber;

    @NotNull(message = "{member.birthDate.required}")
    @PastOrPresent(message = "{member.birthDate.past}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate birthDate;

    @NotNull(message = "{member.health.required}")
    private HealthStatus health = HealthStatus.HEALTHY;

    @NotNull(message = "{member.disability.required}")
    private DisabilityGrade disability = DisabilityGrade.NONE;

    @NotNull(message = "{member.employment.required}")
    private EmploymentStatus employment;

    @NotNull(message = "{member.schooling.required}")
    private SchoolingStage schooling = SchoolingStage.NONE;

    @NotNull(message = "{member.monthlyIncome.required}")
    @DecimalMin(value = "0.00", message = "{member.monthlyIncome.negative}")
    @DecimalMax(value = "100000.00", message = "{member.monthlyIncome.absurd}")
    // the range is @DecimalMax's concern; @Digits only limits the decimals
    @Digits(integer = 12, fraction = 2, message = "{member.monthlyIncome.digits}")
    private BigDecimal monthlyIncome;

    public MemberForm() {
    }

    static MemberForm of(MemberDetails d) {
        MemberForm f = new MemberForm();
        f.name = d.name();
        f.relation = d.relation();
        f.idNumber = d.idNumber();
        f.birthDate = d.birthDate();
        f.health = d.health();
        f.disability = d.disability();
        f.employment = d.employment();
        f.schooling = d.schooling();
        f.monthlyIncome = d.monthlyIncome();
        return f;
    }

    MemberDetails toDetails(String normalisedIdNumber) {
        return new MemberDetails(name.strip(), relation, normalisedIdNumber, birthDate, health, disability,
                employment, schooling, monthlyIncome.setScale(2, java.math.RoundingMode.HALF_UP));
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Relation getRelation() { return relation; }
    public void setRelation(Relation relation) { this.relation = relation; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    public LocalDate getBirthDate() { return birthDate; }
    public void setBirthDate(LocalDate birthDate) { this.birthDate = birthDate; }
    public HealthStatus getHealth() { return health; }
    public void setHealth(HealthStatus health) { this.health = health; }
    public DisabilityGrade getDisability() { return disability; }
    public void setDisability(DisabilityGrade disability) { this.disability = disability; }
    public EmploymentStatus getEmployment() { return employment; }
    public void setEmployment(EmploymentStatus employment) { this.employment = employment; }
    public SchoolingStage getSchooling() { return schooling; }
    public void setSchooling(SchoolingStage schooling) { this.schooling = schooling; }
    public BigDecimal getMonthlyIncome() { return monthlyIncome; }
    public void setMonthlyIncome(BigDecimal monthlyIncome) { this.monthlyIncome = monthlyIncome; }
}
