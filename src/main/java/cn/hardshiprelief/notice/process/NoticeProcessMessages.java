package cn.hardshiprelief.notice.process;

import cn.hardshiprelief.enrollment.process.HardshipEnrollmentProcess;
import cn.hardshiprelief.notice.NoticeProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import static cn.hardshiprelief.enrollment.process.HardshipEnrollmentProcess.Variables.OBJECTION_SUMMARY;

/**
 * Correlates {@code objectionLodged} to the application's instance while its notice runs
 * ({@code awaitNoticeOutcome}, whose timer keeps running): the county union gets a decision task.
 * An objection that arrives while a decision is still open only adds to the summary that task
 * shows, so the county union decides once on everything said so far.
 */
@Component
class NoticeProcessMessages implements NoticeProcess {

    private final RuntimeService runtime;

    NoticeProcessMessages(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void objectionLodged(String processInstanceId, String objectionSummary) {
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
