package cn.hardshiprelief.aid;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A row of the {@code aidStandard} DMN: a fixed {@code amount}, or a {@code ratio} of a basis (a bill,
 * a ticket), and the most one grant may pay; {@code version} names the decision version that said so.
 */
public record AidStandard(BigDecimal amount, BigDecimal ratio, BigDecimal maxAmount, boolean stackable,
                          String version) {

    /** What the standard pays for that basis, before any supplement; rounded to the fen. */
    public BigDecimal pays(BigDecimal basis) {
        if (amount != null) {
            return amount.setScale(2, RoundingMode.HALF_UP);
        }
        return basis.multiply(ratio).setScale(2, RoundingMode.HALF_UP);
    }
}
