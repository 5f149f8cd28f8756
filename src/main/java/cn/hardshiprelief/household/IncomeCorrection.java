package cn.hardshiprelief.household;

import jakarta.persistence.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/** One correction of a recorded month's income: who, when, the figures before and after, and why. Never changed. */
@Entity
@Table(name = "household_income_correction")
public class IncomeCorrection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "income_record_id", nullable = false)
    private Long incomeRecordId;

    @Column(name = "file_id", nullable = false)
    private Long fileId;

    @Column(name = "income_month", nullable = false)
    private LocalDate incomeMonth;

    @Column(name = "old_household_income", nullable = false, precision = 12, scale = 2)
    private BigDecimal oldHouseholdIncome;

    @Column(name = "new_household_income", nullable = false, precision = 12, scale = 2)
    private BigDecimal newHouseholdIncome;

    @Column(name = "old_member_count", nullable = false)
    private int oldMemberCount;

    @Column(name = "new_member_count", nullable = false)
    private int newMemberCount;

    @Column(nullable = false)
    private String reason;

    @Column(name = "corrected_by", nullable = false)
    private String correctedBy;

    @Column(name = "corrected_by_name", nullable = false)
    private String correctedByName;

    @Column(name = "corrected_at", nullable = false)
    private Instant correctedAt;

    protected IncomeCorrection() {
    }

    IncomeCorrection(IncomeRecord record, BigDecimal oldIncome, int oldMembers, String reason, String correctedBy,
                     String correctedByName, Instant correctedAt) {
        this.incomeRecordId = record.getId();
        this.fileId = record.getFileId();
        this.incomeMonth = record.getIncomeMonth();
        this.oldHouseholdIncome = oldIncome;
        this.oldMemberCount = oldMembers;
        this.newHouseholdIncome = record.getHouseholdIncome();
        this.newMemberCount = record.getMemberCount();
        this.reason = reason;
        this.correctedBy = correctedBy;
        this.correctedByName = correctedByName;
        this.correctedAt = correctedAt;
    }

    public YearMonth month() {
        return YearMonth.from(incomeMonth);
    }

    public BigDecimal oldPerCapita() {
        return oldHouseholdIncome.divide(BigDecimal.valueOf(oldMemberCount), 2, RoundingMode.HALF_UP);
    }

    public BigDecimal newPerCapita() {
        return newHouseholdIncome.divide(BigDecimal.valueOf(newMemberCount), 2, RoundingMode.HALF_UP);
    }

    public Long getId() { return id; }
    public Long getIncomeRecordId() { return incomeRecordId; }
    public Long getFileId() { return fileId; }
    public BigDecimal getOldHouseholdIncome() { return oldHouseholdIncome; }
    public BigDecimal getNewHouseholdIncome() { return newHouseholdIncome; }
    public int getOldMemberCount() { return oldMemberCount; }
    public int getNewMemberCount() { return newMemberCount; }
    public String getReason() { return reason; }
    public String getCorrectedBy() { return correctedBy; }
    public String getCorrectedByName() { return correctedByName; }
    public Instant getCorrectedAt() { return correctedAt; }
}
