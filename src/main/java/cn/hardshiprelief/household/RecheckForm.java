package cn.hardshiprelief.household;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The re-check page: monthly incomes since the last check (each listed month needs its income, 0 when there
 * was none), each member's health, disability and schooling, the household's costs and earners, whether
 * causes remain, the visit. Everything but the incomes and the visit is prefilled from the file.
 */
public class RecheckForm {

    @Valid
    private List<IncomeEntry> incomes = new ArrayList<>();

    @Valid
    private List<MemberFactsEntry> members = new ArrayList<>();

    @NotNull(message = "{recheck.medicalCosts.required}")
    @DecimalMin(value = "0.00", message = "{recheck.costs.negative}")
    @DecimalMax(value = "10000000.00", message = "{recheck.costs.absurd}")
    @Digits(integer = 10, fraction = 2, message = "{recheck.costs.absurd}")
    private BigDecimal medicalCostsHalfYear;

    @NotNull(message = "{recheck.oneOffCosts.required}")
    @DecimalMin(value = "0.00", message = "{recheck.costs.negative}")
    @DecimalMax(value = "10000000.00", message = "{recheck.costs.absurd}")
    @Digits(integer = 10, fraction = 2, message = "{recheck.costs.absurd}")
    private BigDecimal oneOffCosts;

    @NotNull(message = "{recheck.earners.invalid}")
    @Min(value = 0, message = "{recheck.earners.invalid}")
    @Max(value = 20, message = "{recheck.earners.invalid}")
    private Integer earners;

    private boolean disasterAffected;

    private boolean causesRemaining;

    /** Illness or disability that cannot be removed: the household cannot exit (解困 instead). */
    private boolean permanentCause;

    @NotNull(message = "{verification.missing.visit}")
    @PastOrPresent(message = "{verification.visitDate.future}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate visitDate;

    @NotBlank(message = "{verification.missing.visit}")
    @Size(max = 2000, message = "{verification.findings.size}")
    private String findings;

    /** What the re-check found about costs and dependants, as the file keeps it. */
    HouseholdCircumstances circumstances() {
        return new HouseholdCircumstances(medicalCostsHalfYear, oneOffCosts, earners == null ? 0 : earners,
                disasterAffected);
    }

    public List<IncomeEntry> getIncomes() { return incomes; }
    public void setIncomes(List<IncomeEntry> incomes) { this.incomes = incomes == null ? new ArrayList<>() : incomes; }
    public List<MemberFactsEntry> getMembers() { return members; }
    public void setMembers(List<MemberFactsEntry> members) { this.members = members == null ? new ArrayList<>() : members; }
    public BigDecimal getMedicalCostsHalfYear() { return medicalCostsHalfYear; }
    public void setMedicalCostsHalfYear(BigDecimal medicalCostsHalfYear) { this.medicalCostsHalfYear = medicalCostsHalfYear; }
    public BigDecimal getOneOffCosts() { return oneOffCosts; }
    public void setOneOffCosts(BigDecimal oneOffCosts) { this.oneOffCosts = oneOffCosts; }
    public Integer getEarners() { return earners; }
    public void setEarners(Integer earners) { this.earners = earners; }
    public boolean isDisasterAffected() { return disasterAffected; }
    public void setDisasterAffected(boolean disasterAffected) { this.disasterAffected = disasterAffected; }
    public boolean isCausesRemaining() { return causesRemaining; }
    public void setCausesRemaining(boolean causesRemaining) { this.causesRemaining = causesRemaining; }
    public boolean isPermanentCause() { return permanentCause; }
    public void setPermanentCause(boolean permanentCause) { this.permanentCause = permanentCause; }
    public LocalDate getVisitDate() { return visitDate; }
    public void setVisitDate(LocalDate visitDate) { this.visitDate = visitDate; }
    public String getFindings() { return findings; }
    public void setFindings(String findings) { this.findings = findings; }
}
