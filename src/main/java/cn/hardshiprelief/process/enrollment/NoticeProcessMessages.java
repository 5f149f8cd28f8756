package cn.hardshiprelief.process.enrollment;

import cn.hardshiprelief.enrollment.HardshipEnrollmentProcess;
import cn.hardshiprelief.notice.NoticeProcess;
import cn.hardshiprelief.enrollment.ReviewRecorder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

import static cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Variables.OBJECTION_SUMMARY;

/**
 * Correlates {@code objectionLodged} to the application's instance while its notice runs
 * ({@code awaitNoticeOutcome}, whose timer keeps running): the county union gets a decision task.
 * An objection that arrives while a decision is still open only adds to the summary that task
 * shows, so the county union decides once on everything said so far.
 * <p>
 * Ends a notice period early by executing its timer job: the engine clock is left alone (it is shared with
 * the running job executor), and the timer event does not look at the time when its job is executed.
 */
@Component
class NoticeProcessMessages implements NoticeProcess {

    /** The timer catch event of hardshipEnrollment.bpmn that waits out the notice period. */
    static final String NOTICE_PERIOD_ENDED = "noticePeriodEnded";

    private final RuntimeService runtime;
    private final ManagementService management;
    private final ReviewRecorder applications;

    NoticeProcessMessages(RuntimeService runtime, ManagementService management, ReviewRecorder applications) {
        this.runtime = runtime;
        this.management = management;
        this.applications = applications;
    }

    @Override
    public boolean endPeriodNow(String processInstanceId) {
        Job timer = management.createJobQuery().processInstanceId(processInstanceId)
                .activityId(NOTICE_PERIOD_ENDED).timers().singleResult();
        if (timer == null) {
            return false;
        }
        management.executeJob(timer.getId());
        return true;
    }

    @Override
    public void objectionLodged(Long applicationId, String reason, String objectionSummary) {
        applications.recordObjection(applicationId, reason);
        String processInstanceId = applications.application(applicationId).getProcessInstanceId();
        boolean waiting = runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId)
                .eventType("message").eventName(HardshipEnrollmentProcess.OBJECTION_MESSAGE).count() > 0;
        boolean deciding = runtime.createExecutionQuery().processInstanceId(processInstanceId)
                .activityId(HardshipEnrollmentProcess.DECIDE_OBJECTION).count() > 0;
        if (waiting && !deciding) {
            runtime.createMessageCorrelation(HardshipEnrollmentProcess.OBJECTION_MESSAGE)
                    .processInstanceId(processInstanceId).setVariable(OBJECTION_SUMMARY, objectionSummary).correlate();
        } else {
            runtime.setVariable(processInstanceId, OBJECTION_SUMMARY, objectionSummary);
        }
    }
}
