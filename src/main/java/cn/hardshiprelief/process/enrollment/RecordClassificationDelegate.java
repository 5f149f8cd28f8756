package cn.hardshiprelief.process.enrollment;

import cn.hardshiprelief.engine.DecisionRules;
import cn.hardshiprelief.enrollment.ReviewRecorder;
import cn.hardshiprelief.vocabulary.Tier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import static cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Variables.*;

/** {@code recordClassification}: writes the DMN's tier, reason and the dibao line it used to the application. */
@Component("recordClassification")
class RecordClassificationDelegate implements JavaDelegate {

    /** Message codes of the classifyHardship rules: classification.rule.&lt;ruleId&gt;, labelled per reader. */
    static final String REASON_CODE_PREFIX = "classification.rule.";

    private final ReviewRecorder applications;
    private final DecisionRules rules;

    RecordClassificationDelegate(ReviewRecorder applications, DecisionRules rules) {
        this.applications = applications;
        this.rules = rules;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        Map<String, Object> classification = (Map<String, Object>) execution.getVariable(CLASSIFICATION);
        Tier tier = Tier.valueOf(String.valueOf(classification.get("tier")));
        Object line = execution.getVariable(DIBAO_LINE);
        String reasonCode = rules.ruleId("classifyHardship", classification).map(id -> REASON_CODE_PREFIX + id)
                .orElse(null);
        applications.classify((Long) execution.getVariable(APPLICATION_ID), tier, String.valueOf(classification.get("reason")),
                reasonCode,
                line == null ? null : BigDecimal.valueOf(((Number) line).doubleValue()).setScale(2, RoundingMode.HALF_UP),
                Boolean.TRUE.equals(execution.getVariable(RECEIVES_DIBAO)));
        execution.setVariable(ELIGIBLE, tier.eligible());
    }
}
