package cn.hardshiprelief.shared;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Amounts and counts with thousands separators, in the reader's language. */
class FiguresTest {

    private final Figures chinese = new Figures(Locale.SIMPLIFIED_CHINESE);
    private final Figures english = new Figures(Locale.ENGLISH);

    @Test
    void moneyHasThousandsSeparatorsAndTwoDecimals() {
        assertThat(chinese.money(new BigDecimal("1234567.5"))).isEqualTo("1,234,567.50");
        assertThat(english.money(new BigDecimal("1234567.5"))).isEqualTo("1,234,567.50");
        assertThat(chinese.money(new BigDecimal("2400.00"))).isEqualTo("2,400.00");
        assertThat(chinese.money(new BigDecimal("0"))).isEqualTo("0.00");
        assertThat(chinese.money(new BigDecimal("999.995"))).as("rounded half up").isEqualTo("1,000.00");
        assertThat(english.money(650)).isEqualTo("650.00");
    }

    @Test
    void countsHaveThousandsSeparatorsAndNoDecimals() {
        assertThat(chinese.count(12345)).isEqualTo("12,345");
        assertThat(english.count(1_884L)).isEqualTo("1,884");
        assertThat(chinese.count(7)).isEqualTo("7");
    }

    @Test
    void aMeasureKeepsOnlyTheDecimalsItHas() {
        assertThat(chinese.decimal(new BigDecimal("40.50"))).isEqualTo("40.5");
        assertThat(chinese.decimal(new BigDecimal("1200.00"))).isEqualTo("1,200");
    }

    @Test
    void theSeparatorsFollowTheLocale() {
        assertThat(new Figures(Locale.GERMANY).money(new BigDecimal("1234.5"))).isEqualTo("1.234,50");
    }

    @Test
    void anEmptyValueIsADash() {
        assertThat(chinese.money(null)).isEqualTo("—");
        assertThat(english.count(null)).isEqualTo("—");
    }
}
