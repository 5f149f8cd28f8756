package cn.hardshiprelief.aid;

import cn.hardshiprelief.shared.Figures;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.List;

/**
 * What a check found: a message key with its arguments, and whether it stops the grant (a duplicate, a
 * cap exceeded) or only informs the approvers (support the household already has from civil affairs).
 * Stored as one line so the page renders it in the reader's language.
 */
public record Finding(boolean blocking, String messageKey, List<String> args) {

    private static final String SEPARATOR = "\u001f";

    /** Amounts are kept as every page shows money (12,345.50: the separators are the same in zh and en). */
    private static final Figures MONEY = new Figures(Locale.SIMPLIFIED_CHINESE);

    public static Finding blocking(String key, Object... args) {
        return new Finding(true, key, Arrays.stream(args).map(Finding::text).toList());
    }

    public static Finding notice(String key, Object... args) {
        return new Finding(false, key, Arrays.stream(args).map(Finding::text).toList());
    }

    private static String text(Object arg) {
        return arg instanceof BigDecimal amount ? MONEY.money(amount) : String.valueOf(arg);
    }

    public String line() {
        return (blocking ? "B" : "N") + SEPARATOR + messageKey
                + (args.isEmpty() ? "" : SEPARATOR + String.join(SEPARATOR, args));
    }

    public static Finding parse(String line) {
        String[] parts = line.split(SEPARATOR, -1);
        return new Finding("B".equals(parts[0]), parts[1], List.of(parts).subList(2, parts.length));
    }

    public Object[] argArray() {
        return args.toArray();
    }
}
