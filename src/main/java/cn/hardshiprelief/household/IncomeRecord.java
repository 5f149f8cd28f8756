package cn.hardshiprelief.household;

import jakarta.persistence.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The household's income of one month (entered at re-checks). One per month. A recorded figure is corrected
 * with a reason, and each correction is kept ({@link IncomeCorrection}).
 */
@Entity
@Table(name = "household_income_record")
public class IncomeRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "file_id", nullable = false)
    private Long fileId;

    /** The first day of the month the income belongs to. */
    @Column(name = "income_month", nullable = false)
    private LocalDate incomeMonth;

    @Column(name = "household_income", nullable = false, precision = 12, scale = 2)
    private BigDecimal householdIncome;

    @Column(name = "member_count", nullable = false)
    private int memberCount;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Version
    private int version;

    protected IncomeRecord() {
    }

    IncomeRecord(Long fileId, YearMonth month, BigDecimal householdIncome, int memberCount, String recordedBy,
                 Instant recordedAt) {
        this.fileId = fileId;
        this.incomeMonth = month.atDay(1);
        this.householdIncome = householdIncome.setScale(2, RoundingMode.HALF_UP);
        this.memberCount = memberCount;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    /**
     * Corrects the figures of this month; the returned correction records who, when, before and after, and why.
     * The same figures again are no correction.
     */
    IncomeCorrection correct(BigDecimal householdIncome, int memberCount, String reason, String by, String byName,
                             Instant at) {
        BigDecimal income = householdIncome.setScale(2, RoundingMode.HALF_UP);
        if (income.compareTo(this.householdIncome) == 0 && memberCount == this.memberCount) {
            throw new cn.hardshiprelief.shared.BusinessException("income.correction.unchanged", month().toString());
        }
        BigDecimal oldIncome = this.householdIncome;
        int oldMembers = this.memberCount;
        this.householdIncome = income;
        this.memberCount = memberCount;
        return new IncomeCorrection(this, oldIncome, oldMembers, reason, by, byName, at);
    }

    public YearMonth month() {
        return YearMonth.from(incomeMonth);
    }

    public BigDecimal perCapita() {
        return householdIncome.divide(BigDecimal.valueOf(memberCount), 2, RoundingMode.HALF_UP);
    }

    public Long getId() { return id; }
    public Long getFileId() { return fileId; }
    public LocalDate getIncomeMonth() { return incomeMonth; }
    public BigDecimal getHouseholdIncome() { return householdIncome; }
    public int getMemberCount() { return memberCount; }
    public String getRecordedBy() { return recordedBy; }
}
