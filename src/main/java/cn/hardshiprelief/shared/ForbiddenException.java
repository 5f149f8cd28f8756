package cn.hardshiprelief.shared;

/** The actor may not see or act on this record (a 403 page or API 403). Checked in services. */
public class ForbiddenException extends BusinessException {
    public ForbiddenException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
