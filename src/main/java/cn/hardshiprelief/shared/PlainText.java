package cn.hardshiprelief.shared;

/**
 * Text a person typed may hold line breaks and tabs but no other control characters (a NUL
 * byte, an escape): they cannot be shown, printed or exported, and some databases cut a
 * value at the first NUL.
 */
public final class PlainText {

    /** For {@code @Pattern}: anything but the control characters other than tab, line feed and return. */
    public static final String PATTERN = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

    private static final java.util.regex.Pattern COMPILED = java.util.regex.Pattern.compile(PATTERN);

    private PlainText() {
    }

    public static boolean isPlain(String text) {
        return text == null || COMPILED.matcher(text).matches();
    }

    /**
     * Refuses a text longer than its column ({@code text.tooLong} names the limit and the length
     * typed), before it reaches a table or an engine variable, whose limit would fail the request.
     */
    public static void requireAtMost(String text, int max) {
        if (text != null && text.strip().length() > max) {
            throw new BusinessException("text.tooLong", max, text.strip().length());
        }
    }
}
