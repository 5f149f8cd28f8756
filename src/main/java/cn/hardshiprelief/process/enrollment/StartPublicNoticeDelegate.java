package cn.hardshiprelief.process.enrollment;

import cn.hardshiprelief.vocabulary.ApplicationId;
import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.enrollment.HouseholdMember;
import cn.hardshiprelief.enrollment.ReviewRecorder;
import cn.hardshiprelief.notice.NoticeRequest;
import cn.hardshiprelief.notice.NoticeService;
import cn.hardshiprelief.vocabulary.Relation;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Variables.APPLICATION_ID;
import static cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Variables.NOTICE_PERIOD;

/**
 * {@code startPublicNotice}: the household appears on its unit's public notice for {@code noticePeriod}; the
 * notice gets the application's facts from the flow, and the application records that it is on notice.
 */
@Component("startPublicNotice")
class StartPublicNoticeDelegate implements JavaDelegate {

    private final NoticeService notices;
    private final ReviewRecorder applications;

    StartPublicNoticeDelegate(NoticeService notices, ReviewRecorder applications) {
        this.notices = notices;
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long applicationId = (Long) execution.getVariable(APPLICATION_ID);
        Object period = execution.getVariable(NOTICE_PERIOD);
        EnrollmentApplication application = applications.application(applicationId);
        HouseholdMember head = application.getMembers().stream().filter(m -> m.getRelation() == Relation.SELF)
                .findFirst().orElseThrow(() -> new IllegalStateException("No applicant in " + applicationId));
        notices.start(new NoticeRequest(ApplicationId.required(applicationId), application.noticeUnit(), head.getName(),
                head.getIdNumberMasked(), application.getTier(), application.causes(),
                Duration.parse(period == null ? "P5D" : period.toString())));
        applications.putOnNotice(applicationId);
    }
}
