package cn.hardshiprelief.task;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

import java.util.Arrays;

/**
 * A completion or variable write carried something the step's form does not ask for, or a value the
 * form does not allow. A {@link FormFieldValidationException}, the engine's own refusal of a form value, so
 * {@code /engine-rest} and Tasklist answer 400 with the message.
 */
public class CompletionRefusedException extends FormFieldValidationException {

    private final String messageKey;
    private final transient Object[] args;

    public CompletionRefusedException(String message, String messageKey, Object... args) {
        super(messageKey, message);
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
