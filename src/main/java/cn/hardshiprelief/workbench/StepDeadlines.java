package cn.hardshiprelief.workbench;

import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.NotFoundException;
import cn.hardshiprelief.task.DueDates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The steps' deadlines (办理时限) as a manager sets them on /admin/deadlines, counted in working days on the
 * {@link WorkCalendar}: the engine asks here for the due date of each new task.
 */
@Service
@Transactional(readOnly = true)
public class StepDeadlines implements DueDates {

    private final StepDeadlineRepository deadlines;
    private final WorkCalendar calendar;
    /** Read on every task the engine creates: kept in memory, read again after a change or {@link WorkCalendar#REFRESH}. */
    private volatile Known known;

    private record Known(java.util.Map<StepDeadline.Key, StepDeadline> byStep, Instant readAt) {
    }

    StepDeadlines(StepDeadlineRepository deadlines, WorkCalendar calendar) {
        this.deadlines = deadlines;
        this.calendar = calendar;
    }

    @Override
    public Optional<Instant> dueOf(String processId, String stepId, Instant created) {
        return of(processId, stepId).map(d -> calendar.endOfWorkingDaysAfter(created, d.getWorkingDays()));
    }

    public Optional<StepDeadline> of(String processId, String stepId) {
        Known current = known;
        if (current == null || current.readAt().plus(WorkCalendar.REFRESH).isBefore(Instant.now())) {
            current = new Known(deadlines.findAll().stream().collect(java.util.stream.Collectors.toMap(
                    d -> new StepDeadline.Key(d.getProcessId(), d.getStepId()), d -> d)), Instant.now());
            known = current;
        }
        return Optional.ofNullable(current.byStep().get(new StepDeadline.Key(processId, stepId)));
    }

    public List<StepDeadline> all() {
        return deadlines.findAllByOrderByProcessIdAscStepIdAsc();
    }

    /** A manager's change: 1 to {@value StepDeadline#MAX_DAYS} working days; escalation after 1 to as many, or never. */
    @Transactional
    public void change(String processId, String stepId, int workingDays, Integer escalateAfterDays) {
        if (workingDays < 1 || workingDays > StepDeadline.MAX_DAYS) {
            throw new BusinessException("deadlines.badDays", StepDeadline.MAX_DAYS);
        }
        if (escalateAfterDays != null && (escalateAfterDays < 1 || escalateAfterDays > StepDeadline.MAX_DAYS)) {
            throw new BusinessException("deadlines.badDays", StepDeadline.MAX_DAYS);
        }
        deadlines.findById(new StepDeadline.Key(processId, stepId))
                .orElseThrow(() -> new NotFoundException("deadlines.noSuchStep"))
                .change(workingDays, escalateAfterDays);
        known = null;
    }
}
