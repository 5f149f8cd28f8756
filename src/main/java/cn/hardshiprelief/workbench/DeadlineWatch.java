package cn.hardshiprelief.workbench;

import cn.hardshiprelief.task.CaseKey;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.task.Tasks;
import cn.hardshiprelief.notification.NotificationKind;
import cn.hardshiprelief.notification.Notifications;
import cn.hardshiprelief.organization.Directory;
import org.slf4j.Logger;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Watches the due dates (the re-check's 14/30-day pattern, for every step): a task past its due date is recorded
 * as overdue once (whoever holds it is reminded); overdue by its step's further working days, it is offered to the
 * next level up as well (the BPMN's escalateTo). Every node runs the scan; a task's reminder and escalation happen
 * once (deadline_notice's primary key decides between nodes).
 */
@Service
public class DeadlineWatch {

    /** Tasks one scan handles at most; the next scan goes on. */
    static final int BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);

    private final Tasks tasks;
    private final StepDeadlines deadlines;
    private final WorkCalendar calendar;
    private final TaskOperationRepository operations;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate eachOnItsOwn;
    private final Notifications notifications;
    private final Directory directory;
    private final java.util.Map<String, CaseDirectory> cases = new java.util.HashMap<>();

    DeadlineWatch(List<CaseDirectory> cases, Tasks tasks, StepDeadlines deadlines, WorkCalendar calendar, TaskOperationRepository operations,
                  JdbcTemplate jdbc, PlatformTransactionManager transactions, Notifications notifications,
                  Directory directory) {
        this.notifications = notifications;
        this.directory = directory;
        cases.forEach(c -> this.cases.put(c.processId(), c));
        this.tasks = tasks;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.operations = operations;
        this.jdbc = jdbc;
        this.eachOnItsOwn = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${hardship.deadlines.scan-every:PT10M}", initialDelayString = "PT2M")
    public void scheduledScan() {
        scan();
    }

    /** One scan at the engine's time; returns how many reminders and escalations it recorded. */
    public int scan() {
        Instant now = tasks.now();
        int recorded = 0;
        for (OpenTask task : tasks.overdue(now, BATCH)) {
            try {
                Integer done = eachOnItsOwn.execute(status -> handle(task, now));
                recorded += done == null ? 0 : done;
            } catch (RuntimeException e) {
                log.warn("Deadline of task {} not handled; the next scan tries again", task.id(), e);
            }
        }
        return recorded;
    }

    private int handle(OpenTask task, Instant now) {
        Optional<CaseKey> key = tasks.caseOf(task.processInstanceId());
        if (key.isEmpty()) {
            return 0;
        }
        int recorded = 0;
        if (firstTime(task.id(), OperationKind.OVERDUE, now)) {
            record(task, key.get(), OperationKind.OVERDUE, null, now);
            notifications.notifyAll(task.assignee() != null ? List.of(task.assignee())
                            : directory.membersOf(task.candidateGroups()), NotificationKind.OVERDUE,
                    "/tasks/" + task.id() + "/open",
                    new DefaultMessageSourceResolvable(new String[]{"step." + task.stepId()}, task.name()),
                    reference(key.get()));
            recorded++;
        }
        Integer after = deadlines.of(key.get().processId(), task.stepId())
                .map(StepDeadline::getEscalateAfterDays).orElse(null);
        if (after != null && calendar.workingDaysBetween(task.due(), now) >= after
                && firstTime(task.id(), OperationKind.ESCALATED, now)) {
            Optional<String> group = tasks.escalate(task.id());
            if (group.isPresent()) {
                record(task, key.get(), OperationKind.ESCALATED, group.get(), now);
                notifications.notifyAll(directory.membersOf(List.of(group.get())), NotificationKind.OVERDUE,
                        "/tasks/" + task.id() + "/open",
                        new DefaultMessageSourceResolvable(new String[]{"step." + task.stepId()}, task.name()),
                        reference(key.get()));
                recorded++;
            }
        }
        return recorded;
    }

    /** The case's number as its feature lists it (the record's id otherwise). */
    private String reference(CaseKey key) {
        return Optional.ofNullable(cases.get(key.processId())).flatMap(c -> c.describe(key.businessKey()))
                .map(CaseDirectory.CaseSummary::reference).orElse(key.businessKey());
    }

    /** True for the one node (and the one scan) that records this notice of the task. */
    private boolean firstTime(String taskId, OperationKind kind, Instant now) {
        try {
            jdbc.update("insert into deadline_notice (task_id, kind, noticed_at) values (?, ?, ?)", taskId, kind.name(),
                    Timestamp.from(now));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private void record(OpenTask task, CaseKey key, OperationKind kind, String group, Instant now) {
        operations.save(new TaskOperation(new CaseTask(key.processId(), task.processInstanceId(), key.businessKey(),
                task.id(), task.stepId()), kind, "system", "系统", group, group, null, now, null));
    }
}
