package cn.hardshiprelief.civilaffairs;

import java.time.LocalDate;

/**
 * One cell as a roster file holds it: a CSV file has only text; an .xlsx sheet also has numbers (kept as Excel wrote
 * them, e.g. {@code 1.10105199001011E17}), date cells and error values such as {@code #N/A}.
 */
record RosterCell(Kind kind, String text, LocalDate date) {

    enum Kind { TEXT, NUMBER, DATE, ERROR }

    static final RosterCell EMPTY = new RosterCell(Kind.TEXT, "", null);

    static RosterCell text(String text) {
        return text == null ? EMPTY : new RosterCell(Kind.TEXT, text, null);
    }

    static RosterCell number(String raw) {
        return new RosterCell(Kind.NUMBER, raw, null);
    }

    static RosterCell date(LocalDate date) {
        return new RosterCell(Kind.DATE, date.toString(), date);
    }

    static RosterCell error(String code) {
        return new RosterCell(Kind.ERROR, code, null);
    }

    /** The text without surrounding whitespace, including the no-break and ideographic spaces Excel users type. */
    String stripped() {
        return strip(text);
    }

    boolean isBlank() {
        return kind == Kind.TEXT && stripped().isEmpty();
    }

    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000' || c == '\uFEFF';
    }
}
