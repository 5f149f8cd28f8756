package cn.hardshiprelief.task;

import org.camunda.bpm.engine.AuthorizationException;

import java.util.Arrays;

/**
 * The person may not take this step of this case (not among its candidates, claimed by someone else,
 * or barred by separation of duties). An {@link AuthorizationException}, so {@code /engine-rest} and
 * Tasklist answer 403; the message is in Chinese and English, the key and arguments serve our pages.
 */
public class StepRefusedException extends AuthorizationException {

    private final String messageKey;
    private final transient Object[] args;

    public StepRefusedException(String message, String messageKey, Object... args) {
        super(message);
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String getMessageKey() {
        return messageKey;
    }

    public Object[] getArgs() {
        return Arrays.copyOf(args, args.length);
    }
}
