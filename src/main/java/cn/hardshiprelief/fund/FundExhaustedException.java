package cn.hardshiprelief.fund;

import cn.hardshiprelief.shared.BusinessException;

import java.math.BigDecimal;

/** A fund cannot carry an amount: the message names the fund, what is left and what was asked. */
public class FundExhaustedException extends BusinessException {

    public FundExhaustedException(String fundName, BigDecimal available, BigDecimal amount) {
        super("fund.exhausted", fundName, yuan(available), yuan(amount));
    }

    /** Money in a message as the ledger writes it (12345.50), not as a formatted number (12,345.5). */
    private static String yuan(BigDecimal amount) {
        return amount == null ? "0.00" : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
