package cn.hardshiprelief.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * How amounts and counts read in the reader's language: money in yuan with two decimals and thousands
 * separators (1,234,567.50), counts with separators (12,345); an empty value as a dash. Pages reach it as
 * {@code #figures} (the web layer's FiguresDialect); messages that take an amount get it formatted here first, as
 * MessageFormat would drop a BigDecimal's trailing zeros.
 */
public final class Figures {

    static final String NONE = "—";

    private final Locale locale;

    public Figures(Locale locale) {
        this.locale = locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
    }

    /** Yuan with two decimals: 1,234.50. */
    public String money(Number amount) {
        if (amount == null) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setGroupingUsed(true);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount instanceof BigDecimal decimal ? decimal : new BigDecimal(amount.toString()));
    }

    /** A whole number of households, people, payments: 12,345. */
    public String count(Number count) {
        if (count == null) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getIntegerInstance(locale);
        format.setGroupingUsed(true);
        return format.format(count);
    }

    /** A measure with up to two decimals and no trailing zeros (an area of 40.5 m²). */
    public String decimal(Number value) {
        if (value == null) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setGroupingUsed(true);
        format.setMaximumFractionDigits(2);
        return format.format(value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString()));
    }
}
