package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.enrollment.process.HardshipEnrollmentProcess.Decisions;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Records on the application what happened in the process: called from the task listeners and the
 * service task of {@code hardshipEnrollment}, inside the engine's transaction.
 */
@Service
@Transactional
public class ReviewRecorder {

    private final EnrollmentApplicationRepository applications;
    private final Directory directory;
    private final Clock clock;

    public ReviewRecorder(EnrollmentApplicationRepository applications, Directory directory, Clock clock) {
        this.applications = applications;
        this.directory = directory;
        this.clock = clock;
    }

    public void recordDecision(Long applicationId, String step, String taskId, String actor, String decision,
                               String comment) {
        EnrollmentApplication application = load(applicationId);
        String actorName = directory.displayName(actor);
        if (Decisions.APPROVE.equals(decision)) {
            application.approveStep(step, taskId, actor, actorName, blankToNull(comment), clock.instant());
        } else if (Decisions.RETURN.equals(decision)) {
            application.returnForCorrection(step, taskId, actor, actorName, blankToNull(comment), clock.instant());
        } else if (Decisions.REJECT.equals(decision)) {
            application.reject(step, taskId, actor, actorName, blankToNull(comment), clock.instant());
        } else {
            throw new BusinessException("review.decisionRequired");
        }
    }

    public EnrollmentApplication recordResubmission(Long applicationId, String taskId, String actor, String note) {
        EnrollmentApplication application = load(applicationId);
        application.resubmit(taskId, actor, directory.displayName(actor), blankToNull(note), clock.instant());
        return application;
    }

    public void confirm(Long applicationId) {
        load(applicationId).confirm(clock.instant());
    }

    private EnrollmentApplication load(Long id) {
        return applications.findById(id).orElseThrow(() -> new NotFoundException("application.notFound", id));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
