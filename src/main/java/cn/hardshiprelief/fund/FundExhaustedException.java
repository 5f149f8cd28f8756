package cn.hardshiprelief.fund;

import cn.hardshiprelief.shared.BusinessException;

import cn.hardshiprelief.shared.Figures;

import java.math.BigDecimal;
import java.util.Locale;

/** A fund cannot carry an amount: the message names the fund, what is left and what was asked. */
public class FundExhaustedException extends BusinessException {

    private static final Figures MONEY = new Figures(Locale.SIMPLIFIED_CHINESE);

    public FundExhaustedException(String fundName, BigDecimal available, BigDecimal amount) {
        super("fund.exhausted", fundName, yuan(available), yuan(amount));
    }

    /** Money in a message with separators and two decimals (12,345.50), as every page shows it. */
    private static String yuan(BigDecimal amount) {
        return MONEY.money(amount == null ? BigDecimal.ZERO : amount);
    }
}
