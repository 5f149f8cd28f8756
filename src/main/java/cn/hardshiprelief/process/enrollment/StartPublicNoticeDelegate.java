package cn.hardshiprelief.process.enrollment;

import cn.hardshiprelief.notice.NoticeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Duration;

import static cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Variables.APPLICATION_ID;
import static cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Variables.NOTICE_PERIOD;

/** {@code startPublicNotice}: the household appears on its unit's public notice for {@code noticePeriod}. */
@Component("startPublicNotice")
class StartPublicNoticeDelegate implements JavaDelegate {

    private final NoticeService notices;

    StartPublicNoticeDelegate(NoticeService notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object period = execution.getVariable(NOTICE_PERIOD);
        notices.start((Long) execution.getVariable(APPLICATION_ID),
                Duration.parse(period == null ? "P5D" : period.toString()));
    }
}
