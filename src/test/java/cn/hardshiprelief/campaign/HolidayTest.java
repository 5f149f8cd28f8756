package cn.hardshiprelief.campaign;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** A campaign is for its holiday's year, which is next year's once this year's visiting season is over. */
class HolidayTest {

    @Test
    void aSpringFestivalCampaignSetUpInDecemberIsForNextYearsFestival() {
        assertThat(Holiday.SPRING_FESTIVAL.yearFor(LocalDate.of(2026, 12, 2))).isEqualTo(2027);
        assertThat(Holiday.SPRING_FESTIVAL.yearFor(LocalDate.of(2026, 11, 1))).isEqualTo(2027);
    }

    @Test
    void aSpringFestivalCampaignSetUpInJanuaryOrJustAfterTheFestivalIsForThisYears() {
        assertThat(Holiday.SPRING_FESTIVAL.yearFor(LocalDate.of(2027, 1, 10))).isEqualTo(2027);
        assertThat(Holiday.SPRING_FESTIVAL.yearFor(LocalDate.of(2027, 3, 15))).isEqualTo(2027);
        assertThat(Holiday.SPRING_FESTIVAL.yearFor(LocalDate.of(2027, 3, 16))).isEqualTo(2028);
    }

    @Test
    void aNewYearCampaignSetUpInDecemberIsForTheComingFirstOfJanuary() {
        assertThat(Holiday.NEW_YEAR.yearFor(LocalDate.of(2026, 12, 20))).isEqualTo(2027);
        assertThat(Holiday.NEW_YEAR.yearFor(LocalDate.of(2027, 1, 5))).isEqualTo(2027);
    }

    @Test
    void theAutumnHolidaysAreThisYearsUntilTheEndOfOctober() {
        assertThat(Holiday.MID_AUTUMN.yearFor(LocalDate.of(2026, 9, 1))).isEqualTo(2026);
        assertThat(Holiday.NATIONAL_DAY.yearFor(LocalDate.of(2026, 10, 31))).isEqualTo(2026);
        assertThat(Holiday.NATIONAL_DAY.yearFor(LocalDate.of(2026, 11, 1))).isEqualTo(2027);
        assertThat(Holiday.MAY_DAY.yearFor(LocalDate.of(2026, 4, 20))).isEqualTo(2026);
    }
}
