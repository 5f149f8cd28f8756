package cn.hardshiprelief.process.enrollment;

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

    RejectAfterObjectionDelegate(NoticeService notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object comment = execution.getVariable(COMMENT);
        notices.withdraw((Long) execution.getVariable(APPLICATION_ID), "system",
                comment == null || comment.toString().isBlank() ? "公示期间异议成立" : comment.toString());
    }
}
