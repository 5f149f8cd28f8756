package cn.hardshiprelief.person;

/**
 * Thrown when a text is not a valid resident identity number. The {@link Reason} says what is wrong and carries the
 * message key to show the user. The message never contains the rejected text, so that a full identity number cannot
 * reach a log through a stack trace.
 */
public class InvalidIdentityNumberException extends RuntimeException {

    /** Why a text was rejected, in the order the checks run. */
    public enum Reason {

        BLANK("identityNumber.invalid.blank"),
        WRONG_LENGTH("identityNumber.invalid.length"),
        ILLEGAL_CHARACTERS("identityNumber.invalid.characters"),
        INVALID_BIRTH_DATE("identityNumber.invalid.birthDate"),
        CHECKSUM_MISMATCH("identityNumber.invalid.checksum");

        private final String messageKey;

        Reason(String messageKey) {
            this.messageKey = messageKey;
        }

        /** The key in {@code messages/identity*.properties} that explains this reason to the user. */
        public String messageKey() {
            return messageKey;
        }
    }

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public InvalidIdentityNumberException(Reason reason) {
        super("Not a valid resident identity number: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public String messageKey() {
        return reason.messageKey();
    }
}
