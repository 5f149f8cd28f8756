package cn.hardshiprelief.workbench;

import jakarta.persistence.*;

import java.time.LocalDate;

/**
 * A day the calendar says otherwise than Monday to Friday: a 法定节假日 on a weekday (not worked), or a 调休 weekend
 * day that is worked. Days without a row are working days from Monday to Friday.
 */
@Entity
@Table(name = "work_calendar_day")
public class CalendarDay {

    /** {@code day} is a keyword in H2. */
    @Id
    @Column(name = "calendar_day")
    private LocalDate day;

    @Column(nullable = false)
    private boolean working;

    private String note;

    protected CalendarDay() {
    }

    CalendarDay(LocalDate day, boolean working, String note) {
        this.day = day;
        this.working = working;
        this.note = note;
    }

    void change(boolean working, String note) {
        this.working = working;
        this.note = note;
    }

    public LocalDate getDay() { return day; }
    public boolean isWorking() { return working; }
    public String getNote() { return note; }
}
