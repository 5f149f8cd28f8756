package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.task.Tasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 回退: a reviewer sends the application back to a review step it has already passed, not only to the applicant.
 * The same checks as a decision (the task is open, the reviewer's to take, and the step guard's claim: a
 * candidate not barred by separation of duties), a reason always, the move in the
 * engine ({@link EnrollmentProcess#returnToStep}) and a line on the application's timeline, in one transaction.
 */
@Service
@Transactional
public class ReviewMoves {

    private final ReviewService reviews;
    private final Tasks tasks;
    private final EnrollmentProcess process;
    private final ReviewRecorder recorder;

    public ReviewMoves(ReviewService reviews, Tasks tasks, EnrollmentProcess process, ReviewRecorder recorder) {
        this.reviews = reviews;
        this.tasks = tasks;
        this.process = process;
        this.recorder = recorder;
    }

    public EnrollmentApplication sendBack(Actor actor, String taskId, String toStep, String reason) {
        OpenTask task = reviews.openTaskFor(actor, taskId);
        if (!HardshipEnrollmentProcess.REVIEW_STEPS.contains(task.stepId())) {
            throw new BusinessException("review.notAReviewTask");
        }
        EnrollmentApplication application = reviews.applicationOf(actor, task);
        tasks.claim(task, actor.username()); // the step guard: a candidate, not barred by separation of duties
        recorder.recordSentBack(application.getId(), task.stepId(), toStep, task.id(), actor.username(), reason);
        process.returnToStep(task.processInstanceId(), task.stepId(), toStep);
        return application;
    }
}
