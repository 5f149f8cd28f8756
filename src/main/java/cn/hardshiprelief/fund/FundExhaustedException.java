package cn.hardshiprelief.fund;

import cn.hardshiprelief.shared.BusinessException;

import java.math.BigDecimal;

/** A fund cannot carry an amount: the message names the fund, what is left and what was asked. */
public class FundExhaustedException extends BusinessException {

    public FundExhaustedException(String fundName, BigDecimal available, BigDecimal amount) {
        super("fund.exhausted", fundName, available, amount);
    }
}
