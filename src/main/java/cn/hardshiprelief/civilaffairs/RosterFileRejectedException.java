package cn.hardshiprelief.civilaffairs;

import cn.hardshiprelief.shared.BusinessException;

/** An upload refused before any import starts: no file, an empty file, or not an .xlsx or CSV file. */
public class RosterFileRejectedException extends BusinessException {

    public RosterFileRejectedException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
