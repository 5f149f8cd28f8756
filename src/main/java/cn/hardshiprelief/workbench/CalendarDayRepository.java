package cn.hardshiprelief.workbench;

import org.springframework.data.jpa.repository.JpaRepository;

import java.time.LocalDate;
import java.util.List;

interface CalendarDayRepository extends JpaRepository<CalendarDay, LocalDate> {

    /** The exceptions of a span of days (the primary key's order). */
    List<CalendarDay> findByDayBetweenOrderByDay(LocalDate from, LocalDate to);
}
