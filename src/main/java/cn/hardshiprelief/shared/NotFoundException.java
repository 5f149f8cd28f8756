package cn.hardshiprelief.shared;

/** The record asked for does not exist (a 404 page or API 404). */
public class NotFoundException extends BusinessException {
    public NotFoundException(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
