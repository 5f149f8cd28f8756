package cn.hardshiprelief.shared;

/** The record moved on meanwhile: already decided, already submitted (a 409 in the API). */
public class ConflictException extends BusinessException {
    public ConflictException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
