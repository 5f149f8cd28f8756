package cn.hardshiprelief.campaign;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * The holidays of the warmth visits (plan 6: 元旦、春节、五一、中秋、十一), each with the last day of its visiting
 * season: a union sets a campaign up in the weeks before the holiday and visits until shortly after it. The
 * lunar holidays take their latest date (春节 falls by 20 February, 中秋 by 8 October) plus the visits after.
 */
public enum Holiday {
    NEW_YEAR(MonthDay.of(1, 31)),
    SPRING_FESTIVAL(MonthDay.of(3, 15)),
    MAY_DAY(MonthDay.of(5, 31)),
    MID_AUTUMN(MonthDay.of(10, 31)),
    NATIONAL_DAY(MonthDay.of(10, 31));

    private final MonthDay seasonEnds;

    Holiday(MonthDay seasonEnds) {
        this.seasonEnds = seasonEnds;
    }

    /**
     * The year of the holiday a campaign set up on that day is for: this year's while its season lasts, next
     * year's after it. A Spring Festival campaign set up in December is for next year's Spring Festival.
     */
    public int yearFor(LocalDate setUpOn) {
        return seasonEnds.isBefore(MonthDay.from(setUpOn)) ? setUpOn.getYear() + 1 : setUpOn.getYear();
    }
}
