package cn.hardshiprelief.storage;

import cn.hardshiprelief.shared.BusinessException;

/** An upload that is empty, too large or not a PDF/JPEG/PNG. */
public class UploadRejectedException extends BusinessException {
    public UploadRejectedException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
