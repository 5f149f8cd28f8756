package cn.hardshiprelief.audit;

import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/**
 * The administrator's filters, all optional: who (exact username), what kind, which days (in Asia/Shanghai,
 * both inclusive), and text in the description (a file, application, grant or batch number).
 */
public record AccessSearch(String username, AccessLogEntry.Kind kind,
                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                           String subject) {

    /** Without a first day a search covers this many days up to its last one, so it never reads the whole log. */
    static final int DEFAULT_DAYS = 30;

    /** The same search with the days it actually covers filled in (the form shows them). */
    AccessSearch bounded(LocalDate today) {
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1L) : from;
        return new AccessSearch(blankToNull(username), kind, first, last, blankToNull(subject));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
