package cn.hardshiprelief.household;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The re-check page: monthly incomes since the last check, whether causes remain, the visit. */
public class RecheckForm {

    @Valid
    private List<IncomeEntry> incomes = new ArrayList<>();

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

    public List<IncomeEntry> getIncomes() { return incomes; }
    public void setIncomes(List<IncomeEntry> incomes) { this.incomes = incomes == null ? new ArrayList<>() : incomes; }
    public boolean isCausesRemaining() { return causesRemaining; }
    public void setCausesRemaining(boolean causesRemaining) { this.causesRemaining = causesRemaining; }
    public boolean isPermanentCause() { return permanentCause; }
    public void setPermanentCause(boolean permanentCause) { this.permanentCause = permanentCause; }
    public LocalDate getVisitDate() { return visitDate; }
    public void setVisitDate(LocalDate visitDate) { this.visitDate = visitDate; }
    public String getFindings() { return findings; }
    public void setFindings(String findings) { this.findings = findings; }
}
