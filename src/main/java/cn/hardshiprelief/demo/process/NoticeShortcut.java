package cn.hardshiprelief.demo.process;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Ends the public notice of a demo application now instead of in five days: runs the timer job of
 * {@code noticePeriodEnded} in {@code hardshipEnrollment}, so the process files the household the
 * way it does when the period has passed. The engine clock is left alone (it is shared with the
 * running job executor); the timer event does not look at the time when its job is executed.
 */
@Component
@ConditionalOnProperty(prefix = "hardship", name = {"demo-data", "demo-households"}, havingValue = "true")
public class NoticeShortcut {

    /** The timer catch event of hardshipEnrollment.bpmn that waits out the notice period. */
    static final String NOTICE_PERIOD_ENDED = "noticePeriodEnded";

    private final ManagementService management;

    NoticeShortcut(ManagementService management) {
        this.management = management;
    }

    /** Whether the instance was waiting out its notice (and now has gone on to filing). */
    public boolean endNoticeNow(String processInstanceId) {
        Job timer = management.createJobQuery().processInstanceId(processInstanceId)
                .activityId(NOTICE_PERIOD_ENDED).timers().singleResult();
        if (timer == null) {
            return false;
        }
        management.executeJob(timer.getId());
        return true;
    }
}
