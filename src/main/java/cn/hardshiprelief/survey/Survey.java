package cn.hardshiprelief.survey;

import cn.hardshiprelief.shared.ConflictException;
import jakarta.persistence.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The annual survey of one year (年度调查摸底): opened by the {@code annualSurvey} process on 1 October,
 * due on 30 November, closed when every branch union has submitted. One per year.
 */
@Entity
@Table(name = "annual_survey")
public class Survey {

    /** Plans 1 and 14: 每年10至11月 — the survey runs to the end of November. */
    static final int DUE_MONTH = 11;
    static final int DUE_DAY = 30;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "survey_year", nullable = false, unique = true)
    private int year;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Column(name = "closed_at")
    private Instant closedAt;

    /** The administrator who opened the survey by hand; null when the yearly start timer opened it. */
    @Column(name = "opened_by")
    private String openedBy;

    @Version
    private int version;

    protected Survey() {
    }

    static Survey open(int year, String processInstanceId, Instant now, String openedBy) {
        Survey survey = new Survey();
        survey.openedBy = openedBy;
        survey.year = year;
        survey.processInstanceId = processInstanceId;
        survey.openedAt = now;
        survey.dueDate = LocalDate.of(year, DUE_MONTH, DUE_DAY);
        return survey;
    }

    /** Every branch union has submitted: the survey's figures are final. */
    void close(Instant now) {
        if (closedAt != null) {
            throw new ConflictException("survey.alreadyClosed", year);
        }
        closedAt = now;
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    /** The end of the due day in the zone the domain's dates are in, e.g. 2026-11-30T23:59:59+08:00. */
    public ZonedDateTime dueAt(ZoneId zone) {
        return dueDate.atTime(23, 59, 59).atZone(zone);
    }

    /** Re-checks recorded from the opening up to the closing (or up to now while open) count for the survey. */
    Instant countsUntil(Instant now) {
        return closedAt != null ? closedAt : now;
    }

    public Long getId() { return id; }
    public int getYear() { return year; }
    public String getProcessInstanceId() { return processInstanceId; }
    public Instant getOpenedAt() { return openedAt; }
    public LocalDate getDueDate() { return dueDate; }
    public Instant getClosedAt() { return closedAt; }
    public String getOpenedBy() { return openedBy; }
}
