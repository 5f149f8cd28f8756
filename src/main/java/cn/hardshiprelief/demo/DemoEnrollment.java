package cn.hardshiprelief.demo;

import cn.hardshiprelief.notice.NoticeProcess;
import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.enrollment.EnrollmentService;
import cn.hardshiprelief.enrollment.ReviewService;
import cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Decisions;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.task.Tasks;
import cn.hardshiprelief.verification.CheckResult;
import cn.hardshiprelief.verification.VerificationForm;
import cn.hardshiprelief.verification.VerificationService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Takes one demo household the whole way through {@code hardshipEnrollment} with the services the
 * pages use: the worker submits, each reviewer approves (on the union route the branch union
 * records 三查一访 first), and the public notice is ended at once instead of after five days.
 */
@Component
@ConditionalOnProperty(prefix = "hardship", name = {"demo-data", "demo-households"}, havingValue = "true")
class DemoEnrollment {

    private final EnrollmentService enrollment;
    private final ReviewService reviews;
    private final VerificationService verifications;
    private final Tasks tasks;
    private final Directory directory;
    private final NoticeProcess notice;

    DemoEnrollment(EnrollmentService enrollment, ReviewService reviews, VerificationService verifications, Tasks tasks,
                   Directory directory, NoticeProcess notice) {
        this.enrollment = enrollment;
        this.reviews = reviews;
        this.verifications = verifications;
        this.tasks = tasks;
        this.directory = directory;
        this.notice = notice;
    }

    /** Returns the id of the filed application; fails if any step refuses or the household is not eligible. */
    Long file(DemoHousehold household, LocalDate today) {
        EnrollmentApplication application = enrollment.submit(directory.actor(household.worker()), null,
                household.form());
        String instance = application.getProcessInstanceId();
        for (int i = 0; i < household.reviewers().size(); i++) {
            String reviewer = household.reviewers().get(i);
            approve(reviewer, instance);
            if (household.unionRoute() && i == 0) {
                verifications.complete(directory.actor(reviewer), application.getId(),
                        verification(household, directory.displayName(reviewer), today),
                        Map.of("verificationComplete", "true"));
            }
        }
        if (!notice.endPeriodNow(instance)) {
            throw new IllegalStateException("Application " + application.getApplicationNumber()
                    + " did not reach the public notice (not eligible?)");
        }
        return application.getId();
    }

    private void approve(String reviewer, String processInstanceId) {
        List<OpenTask> open = tasks.openTasksOf(processInstanceId);
        if (open.size() != 1) {
            throw new IllegalStateException("Expected one open review step for " + reviewer + ", found " + open);
        }
        reviews.decide(directory.actor(reviewer), open.get(0).id(), Decisions.APPROVE, "同意");
    }

    private static VerificationForm verification(DemoHousehold household, String cadre, LocalDate today) {
        VerificationForm form = new VerificationForm();
        form.setIncomeResult(CheckResult.CONFIRMED);
        form.setIncomeNotes("工资流水与申报一致");
        form.setPropertyResult(CheckResult.CONFIRMED);
        form.setFamilyResult(CheckResult.CONFIRMED);
        form.setVisitDate(today.minusDays(1));
        form.setVisitors(cadre + "、社区网格员");
        form.setVisitFindings(household.visitFindings());
        return form;
    }
}
