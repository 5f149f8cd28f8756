package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.workbench.CaseDirectory;
import cn.hardshiprelief.workbench.StepDecider;
import cn.hardshiprelief.workbench.StepReturns;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Applications on the workbench: what a copied case is called, and the review steps decided in a batch. */
@Component
class EnrollmentWorkbench implements CaseDirectory, StepDecider, StepReturns {

    private final EnrollmentApplicationRepository applications;
    private final ReviewService reviews;
    private final Directory directory;
    private final ReviewMoves moves;
    private final ApplicationEventRepository events;

    EnrollmentWorkbench(EnrollmentApplicationRepository applications, ReviewService reviews, Directory directory,
                        ReviewMoves moves, ApplicationEventRepository events) {
        this.events = events;
        this.moves = moves;
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
    public Map<String, Decision> decisions(java.util.Collection<String> taskIds) {
        return events.findByTaskIdIn(taskIds).stream().collect(Collectors.toMap(ApplicationEvent::getTaskId,
                e -> new Decision("enum.EventOutcome." + e.getOutcome(), e.getComment()), (a, b) -> a));
    }

    @Override
    public Set<String> steps() {
        return Set.copyOf(HardshipEnrollmentProcess.REVIEW_STEPS);
    }

    @Override
    public void decide(Actor actor, OpenTask task, String businessKey, Map<String, String> submitted) {
        reviews.decide(actor, task.id(), submitted);
    }

    /** The review steps this application has passed (approved) before the open one, in the chain's order. */
    @Override
    public List<String> stepsToReturnTo(Actor actor, OpenTask task) {
        if (!HardshipEnrollmentProcess.REVIEW_STEPS.contains(task.stepId())) {
            return List.of();
        }
        EnrollmentApplication application = reviews.applicationOf(actor, task);
        Set<String> passed = application.getEvents().stream().filter(e -> e.getOutcome() == EventOutcome.APPROVED)
                .map(ApplicationEvent::getStep).collect(Collectors.toSet());
        return HardshipEnrollmentProcess.REVIEW_STEPS.stream()
                .filter(step -> passed.contains(step) && !step.equals(task.stepId())).toList();
    }

    @Override
    public void returnTo(Actor actor, OpenTask task, String step, String reason) {
        moves.sendBack(actor, task.id(), step, reason);
    }
}
