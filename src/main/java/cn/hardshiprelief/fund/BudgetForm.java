package cn.hardshiprelief.fund;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/** A fund's new budget. */
public record BudgetForm(@NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal budget) {
}
