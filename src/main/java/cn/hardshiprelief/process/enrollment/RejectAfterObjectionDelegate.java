package cn.hardshiprelief.process.enrollment;

import cn.hardshiprelief.enrollment.ReviewRecorder;
import cn.hardshiprelief.notice.NoticeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Variables.APPLICATION_ID;
import static cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Variables.COMMENT;

/** {@code rejectAfterObjection}: the county union upheld an objection; the notice ends, the application is rejected. */
@Component("rejectAfterObjection")
class RejectAfterObjectionDelegate implements JavaDelegate {

    private final NoticeService notices;
    private final ReviewRecorder applications;

    RejectAfterObjectionDelegate(NoticeService notices, ReviewRecorder applications) {
        this.notices = notices;
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long applicationId = (Long) execution.getVariable(APPLICATION_ID);
        Object comment = execution.getVariable(COMMENT);
        notices.withdraw(applicationId);
        applications.rejectAfterObjection(applicationId, "system",
                comment == null || comment.toString().isBlank() ? "公示期间异议成立" : comment.toString());
    }
}
