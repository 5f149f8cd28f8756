package cn.hardshiprelief.process.enrollment;

import cn.hardshiprelief.enrollment.HardshipFacts;
import cn.hardshiprelief.enrollment.ReviewRecorder;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Variables.APPLICATION_ID;

/**
 * {@code computeHardshipFacts}: Java computes only the facts (incomes, costs, dependants) as
 * process variables; the {@code classifyHardship} DMN decides the tier from them.
 */
@Component("computeHardshipFacts")
class ComputeHardshipFactsDelegate implements JavaDelegate {

    private final ReviewRecorder applications;

    ComputeHardshipFactsDelegate(ReviewRecorder applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        HardshipFacts facts = HardshipFacts.of(applications.application((Long) execution.getVariable(APPLICATION_ID)));
        execution.setVariables(facts.asVariables());
    }
}
