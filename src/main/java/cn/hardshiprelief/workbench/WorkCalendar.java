package cn.hardshiprelief.workbench;

import cn.hardshiprelief.shared.BusinessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.*;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The working-day calendar (工作日历): Monday to Friday, except the days a manager marks — 法定节假日 on weekdays off,
 * 调休 weekends worked. Deadlines count on it. The exceptions of a year are read once and kept until changed here;
 * another node reads a change within {@link #REFRESH}.
 */
@Service
@Transactional(readOnly = true)
public class WorkCalendar {

    /** Deadlines are in China's time: a day ends at midnight in Beijing. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Duration REFRESH = Duration.ofMinutes(5);

    private final CalendarDayRepository days;
    private final Map<Integer, Year> years = new ConcurrentHashMap<>();

    private record Year(Map<LocalDate, CalendarDay> exceptions, Instant readAt) {
    }

    WorkCalendar(CalendarDayRepository days) {
        this.days = days;
    }

    public boolean isWorkingDay(LocalDate day) {
        CalendarDay exception = year(day.getYear()).get(day);
        if (exception != null) {
            return exception.isWorking();
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /**
     * The end (midnight, Beijing time) of the {@code workingDays}-th working day after the day of {@code from}: a
     * task arriving on a Friday with three working days is due at the end of Wednesday, holidays skipped.
     */
    public Instant endOfWorkingDaysAfter(Instant from, int workingDays) {
        LocalDate day = from.atZone(ZONE).toLocalDate();
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** Working days from the day of {@code from} to the day of {@code to} (0 on the same day or before). */
    public int workingDaysBetween(Instant from, Instant to) {
        LocalDate day = from.atZone(ZONE).toLocalDate();
        LocalDate last = to.atZone(ZONE).toLocalDate();
        int counted = 0;
        while (day.isBefore(last) && counted < 366) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return counted;
    }

    /** The days of a year that differ from Monday to Friday, in order. */
    public List<CalendarDay> exceptionsOf(int year) {
        return year(year).values().stream().sorted(java.util.Comparator.comparing(CalendarDay::getDay)).toList();
    }

    /** Marks a day worked or not (with what it is, e.g. 春节); a day marked as it would be anyway is simply kept. */
    @Transactional
    public void mark(LocalDate day, boolean working, String note) {
        if (day == null || day.getYear() < 2000 || day.getYear() > 2100) {
            throw new BusinessException("calendar.badDay");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 100) {
            throw new BusinessException("workbench.reasonTooLong", 100);
        }
        days.findById(day).ifPresentOrElse(d -> d.change(working, text),
                () -> days.save(new CalendarDay(day, working, text)));
        years.remove(day.getYear());
    }

    /** Back to Monday to Friday for that day. */
    @Transactional
    public void unmark(LocalDate day) {
        days.deleteById(day);
        years.remove(day.getYear());
    }

    private Map<LocalDate, CalendarDay> year(int year) {
        Year known = years.get(year);
        if (known == null || known.readAt().plus(REFRESH).isBefore(Instant.now())) {
            known = new Year(days.findByDayBetweenOrderByDay(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                    .stream().collect(Collectors.toMap(CalendarDay::getDay, Function.identity())), Instant.now());
            years.put(year, known);
        }
        return known.exceptions();
    }
}
