package cn.hardshiprelief.household;

import cn.hardshiprelief.shared.BusinessException;

import java.math.BigDecimal;

/**
 * A correction as typed on the household's page. The figures are text so that anything typed comes back on
 * the page with the reason it was refused; {@link #income()}, {@link #members()} and {@link #reasonText()} give
 * the checked values or refuse.
 */
public record IncomeCorrectionForm(String householdIncome, String memberCount, String reason) {

    static final BigDecimal MAX_INCOME = new BigDecimal("1000000.00");

    BigDecimal income() {
        try {
            BigDecimal income = new BigDecimal(householdIncome == null ? "" : householdIncome.strip());
            if (income.signum() >= 0 && income.compareTo(MAX_INCOME) <= 0 && income.stripTrailingZeros().scale() <= 2) {
                return income;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new BusinessException("income.correction.amountInvalid");
    }

    int members() {
        try {
            int members = Integer.parseInt(memberCount == null ? "" : memberCount.strip());
            if (members >= 1 && members <= 20) {
                return members;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new BusinessException("income.members.invalid");
    }

    String reasonText() {
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw new BusinessException("income.correction.reasonRequired");
        }
        return reason.strip();
    }
}
