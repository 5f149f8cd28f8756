package cn.hardshiprelief.shared;

import java.util.Arrays;

/**
 * A rule of the domain refused what was asked. Carries a message key (messages*.properties) and
 * its arguments, so pages and the API tell the user why in their own language.
 */
public class BusinessException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public BusinessException(String messageKey, Object... args) {
        super(messageKey + Arrays.toString(args));
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String getMessageKey() {
        return messageKey;
    }

    public Object[] getArgs() {
        return args.clone();
    }
}
