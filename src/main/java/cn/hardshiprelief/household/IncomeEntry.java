package cn.hardshiprelief.household;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One month's household income as a re-check enters it. A row without month and income is skipped (the
 * members' count alone is prefilled, so it does not make a row); a row with a month needs its income, 0 when
 * there was none ({@link RecheckFormValidator}).
 */
public class IncomeEntry {

    @DateTimeFormat(pattern = "yyyy-MM")
    private YearMonth month;

    @DecimalMin(value = "0.00", message = "{member.monthlyIncome.negative}")
    @DecimalMax(value = "1000000.00", message = "{member.monthlyIncome.absurd}")
    private BigDecimal householdIncome;

    @Min(value = 1, message = "{income.members.invalid}")
    @Max(value = 20, message = "{income.members.invalid}")
    private Integer memberCount;

    public IncomeEntry() {
    }

    public IncomeEntry(YearMonth month, BigDecimal householdIncome, Integer memberCount) {
        this.month = month;
        this.householdIncome = householdIncome;
        this.memberCount = memberCount;
    }

    boolean isBlank() {
        return month == null && householdIncome == null;
    }

    public YearMonth getMonth() { return month; }
    public void setMonth(YearMonth month) { this.month = month; }
    public BigDecimal getHouseholdIncome() { return householdIncome; }
    public void setHouseholdIncome(BigDecimal householdIncome) { this.householdIncome = householdIncome; }
    public Integer getMemberCount() { return memberCount; }
    public void setMemberCount(Integer memberCount) { this.memberCount = memberCount; }
}
