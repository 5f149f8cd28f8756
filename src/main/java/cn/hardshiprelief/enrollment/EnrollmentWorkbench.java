package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.workbench.CaseDirectory;
import cn.hardshiprelief.workbench.StepDecider;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Applications on the workbench: what a copied case is called, and the review steps decided in a batch. */
@Component
class EnrollmentWorkbench implements CaseDirectory, StepDecider {

    private final EnrollmentApplicationRepository applications;
    private final ReviewService reviews;
    private final Directory directory;

    EnrollmentWorkbench(EnrollmentApplicationRepository applications, ReviewService reviews, Directory directory) {
        this.applications = applications;
        this.reviews = reviews;
        this.directory = directory;
    }

    @Override
    public String processId() {
        return HardshipEnrollmentProcess.PROCESS_ID;
    }

    @Override
    public Optional<CaseSummary> describe(String businessKey) {
        return applications.findById(Long.valueOf(businessKey)).map(a -> new CaseSummary(a.getApplicationNumber(),
                directory.displayName(a.getApplicantUsername()), "/applications/" + a.getId()));
    }

    /** Reviews have a page of their own; other steps (the applicant's correction) are done on the application. */
    @Override
    public String taskLink(CaseSummary summary, String taskId) {
        return "/tasks/" + taskId;
    }

    @Override
    public Set<String> steps() {
        return Set.copyOf(HardshipEnrollmentProcess.REVIEW_STEPS);
    }

    @Override
    public void decide(Actor actor, OpenTask task, String businessKey, Map<String, String> submitted) {
        reviews.decide(actor, task.id(), submitted);
    }
}
