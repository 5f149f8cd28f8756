package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.vocabulary.SchoolingStage;
import cn.hardshiprelief.vocabulary.Relation;
import cn.hardshiprelief.vocabulary.HealthStatus;
import cn.hardshiprelief.vocabulary.DisabilityGrade;
import cn.hardshiprelief.vocabulary.EmploymentStatus;

import cn.hardshiprelief.person.EncryptedIdentityNumberConverter;
import jakarta.persistence.*;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A person in the applicant's household. The identity number is encrypted at rest; lists show
 * the masked form and exact search uses the blind index.
 */
@Entity
@Table(name = "household_member")
public class HouseholdMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id")
    private EnrollmentApplication application;

    @Column(nullable = false)
    private int ordinal;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Relation relation;

    @Convert(converter = EncryptedIdentityNumberConverter.class)
    @Column(name = "id_number_encrypted", nullable = false)
    private String idNumber;

    @Column(name = "id_number_hash", nullable = false)
    private String idNumberHash;

    @Column(name = "id_number_masked", nullable = false)
    private String idNumberMasked;

    @Column(name = "birth_date", nullable = false)
    private LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private HealthStatus health;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DisabilityGrade disability;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EmploymentStatus employment;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SchoolingStage schooling;

    @Column(name = "monthly_income", nullable = false, precision = 12, scale = 2)
    private BigDecimal monthlyIncome;

    protected HouseholdMember() {
    }

    public HouseholdMember(MemberDetails details, String idNumberHash, String idNumberMasked) {
        BigDecimal income = details.monthlyIncome();
        if (income == null || income.signum() < 0
                || income.compareTo(EnrollmentApplication.MAX_MONTHLY_INCOME) > 0) {
            throw new cn.hardshiprelief.shared.BusinessException("member.monthlyIncome.absurd");
        }
        this.name = details.name();
        this.relation = details.relation();
        this.idNumber = details.idNumber();
        this.idNumberHash = idNumberHash;
        this.idNumberMasked = idNumberMasked;
        this.birthDate = details.birthDate();
        this.health = details.health();
        this.disability = details.disability();
        this.employment = details.employment();
        this.schooling = details.schooling();
        this.monthlyIncome = details.monthlyIncome();
    }

    void belongTo(EnrollmentApplication application, int ordinal) {
        this.application = application;
        this.ordinal = ordinal;
    }

    public MemberDetails details() {
        return new MemberDetails(name, relation, idNumber, birthDate, health, disability, employment, schooling,
                monthlyIncome);
    }

    public boolean hasDisability() {
        return disability != DisabilityGrade.NONE;
    }

    public Long getId() { return id; }
    public int getOrdinal() { return ordinal; }
    public String getName() { return name; }
    public Relation getRelation() { return relation; }
    public String getIdNumberHash() { return idNumberHash; }
    public String getIdNumberMasked() { return idNumberMasked; }
    public LocalDate getBirthDate() { return birthDate; }
    public HealthStatus getHealth() { return health; }
    public DisabilityGrade getDisability() { return disability; }
    public EmploymentStatus getEmployment() { return employment; }
    public SchoolingStage getSchooling() { return schooling; }
    public BigDecimal getMonthlyIncome() { return monthlyIncome; }
}
