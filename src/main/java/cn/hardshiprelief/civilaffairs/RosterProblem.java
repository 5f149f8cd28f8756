package cn.hardshiprelief.civilaffairs;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.util.regex.Pattern;

/**
 * What is wrong with a roster file, for the line-by-line report: the line as numbered in the file (as Excel or a text
 * editor shows it; {@code null} when it concerns the whole file), the column if one is concerned, a message key
 * (messages/civilaffairs, or messages/identity for identity numbers) and one argument for it. The argument may quote
 * what the cell held, but anything that looks like an identity number (14 or more digits in a row, as when columns
 * are shifted) is masked before it is stored or shown.
 */
@Embeddable
public record RosterProblem(
        @Column(name = "line_number") Integer line,
        @Enumerated(EnumType.STRING) @Column(name = "column_name", length = 20) RosterColumn column,
        @Column(name = "message_key", nullable = false, length = 100) String messageKey,
        @Column(name = "detail", length = 255) String detail) {

    static final int MAX_DETAIL = 100;

    private static final Pattern LONG_NUMBER = Pattern.compile("(\\d{3})\\d{7,}([\\dXx]{4})");

    public RosterProblem {
        if (detail != null) {
            detail = LONG_NUMBER.matcher(detail).replaceAll("$1***********$2");
            if (detail.length() > MAX_DETAIL) {
                detail = detail.substring(0, MAX_DETAIL) + "…";
            }
        }
    }

    static RosterProblem of(int line, RosterColumn column, String messageKey) {
        return new RosterProblem(line, column, messageKey, null);
    }

    static RosterProblem of(int line, RosterColumn column, String messageKey, Object detail) {
        return new RosterProblem(line, column, messageKey, detail == null ? null : String.valueOf(detail));
    }

    /** A problem of the whole file, not of one line. */
    static RosterProblem ofFile(String messageKey) {
        return new RosterProblem(null, null, messageKey, null);
    }
}
