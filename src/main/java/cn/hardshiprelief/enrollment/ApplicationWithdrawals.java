package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.task.Tasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Whoever filed an application takes it back (撤回) before the open review step has acted — the reviewer has not
 * claimed or decided it — or ends it (取消) with a reason while it is under review or back with them. The process
 * follows (process-instance modification, or its end with the reason) so Cockpit and the history show it; two
 * people acting at once meet in the application's version, and the later is told to look again.
 */
@Service
@Transactional
public class ApplicationWithdrawals {

    private final ApplicationQueries queries;
    private final EnrollmentProcess process;
    private final Tasks tasks;
    private final Clock clock;

    public ApplicationWithdrawals(ApplicationQueries queries, EnrollmentProcess process, Tasks tasks, Clock clock) {
        this.queries = queries;
        this.process = process;
        this.tasks = tasks;
        this.clock = clock;
    }

    public EnrollmentApplication withdraw(Actor actor, Long id) {
        EnrollmentApplication application = filedBy(actor, id);
        OpenTask open = tasks.openTasksOf(application.getProcessInstanceId()).stream()
                .filter(t -> HardshipEnrollmentProcess.REVIEW_STEPS.contains(t.stepId())).findFirst()
                .orElseThrow(() -> new ConflictException("application.withdrawTooLate", application.getApplicationNumber()));
        if (open.assignee() != null) { // the reviewer has taken it up
            throw new ConflictException("application.withdrawTooLate", application.getApplicationNumber());
        }
        application.withdraw(open.stepId(), actor.username(), actor.displayName(), clock.instant());
        process.withdraw(application.getProcessInstanceId(), open.stepId());
        return application;
    }

    public EnrollmentApplication cancel(Actor actor, Long id, String reason) {
        EnrollmentApplication application = filedBy(actor, id);
        application.cancel(reason, actor.username(), actor.displayName(), clock.instant());
        process.cancel(application.getProcessInstanceId(), reason.strip());
        return application;
    }

    private EnrollmentApplication filedBy(Actor actor, Long id) {
        EnrollmentApplication application = queries.view(actor, id);
        if (!actor.username().equals(application.getFiledByUsername())
                && !actor.username().equals(application.getApplicantUsername())) {
            throw new ForbiddenException("application.forbidden");
        }
        return application;
    }
}
