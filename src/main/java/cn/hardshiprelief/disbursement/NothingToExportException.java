package cn.hardshiprelief.disbursement;

import cn.hardshiprelief.shared.BusinessException;

import java.time.LocalDate;

/** The fund has no payment waiting for the bank on the chosen day: no batch is made. */
public class NothingToExportException extends BusinessException {

    public NothingToExportException(LocalDate day) {
        super("bank.nothingToExport", day.toString());
    }
}
