package cn.hardshiprelief.fund;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** A fund to open, as typed on the funds page. */
public record FundForm(
        @NotNull @Min(2000) @Max(2100) Integer year,
        @NotNull FundSource source,
        @NotBlank @Size(max = 100) String name,
        @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal budget) {
}
