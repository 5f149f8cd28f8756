package cn.hardshiprelief.aid.process;

import cn.hardshiprelief.aid.AidCap;
import cn.hardshiprelief.aid.AidKind;
import cn.hardshiprelief.aid.AidRules;
import cn.hardshiprelief.aid.AidStandard;
import cn.hardshiprelief.aid.ApprovalLevel;
import cn.hardshiprelief.enrollment.HardshipCause;
import cn.hardshiprelief.enrollment.SchoolingStage;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * The aid rules as the latest deployed DMN decisions say: {@code aidStandard}, {@code aidSupplement},
 * {@code aidCap}, {@code householdAidCap} (processes/aidStandard.dmn) and {@code aidApprovalLevel}.
 * A standard carries the version that priced it, so a grant shows which table decided its amount.
 */
@Component
public class DmnAidRules implements AidRules {

    private final DecisionService decisions;
    private final RepositoryService repository;

    public DmnAidRules(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
    }

    @Override
    public Optional<AidStandard> standard(AidKind kind, String tier, SchoolingStage stage) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey("aidStandard")
                .latestVersion().singleResult();
        DmnDecisionResult result = decisions.evaluateDecisionById(definition.getId())
                .variables(Map.of("kind", kind.name(), "tier", tier,
                        "stage", (stage == null ? SchoolingStage.NONE : stage).name()))
                .evaluate();
        if (result.isEmpty()) {
            return Optional.empty();
        }
        DmnDecisionResultEntries row = result.getFirstResult();
        Boolean stackable = row.getEntry("stackable");
        return Optional.of(new AidStandard(money(row.getEntry("amount")), decimal(row.getEntry("ratio")),
                money(row.getEntry("maxAmount")), Boolean.TRUE.equals(stackable),
                definition.getKey() + " v" + definition.getVersion()));
    }

    @Override
    public BigDecimal supplement(AidKind kind, HardshipCause cause) {
        DmnDecisionResult result = decisions.evaluateDecisionByKey("aidSupplement")
                .variables(Map.of("kind", kind.name(), "cause", cause.name())).evaluate();
        BigDecimal supplement = result.isEmpty() ? null : money(result.getFirstResult().getEntry("supplement"));
        return supplement == null ? BigDecimal.ZERO.setScale(2) : supplement;
    }

    @Override
    public AidCap cap(AidKind kind) {
        DmnDecisionResult result = decisions.evaluateDecisionByKey("aidCap")
                .variables(Map.of("kind", kind.name())).evaluate();
        if (result.isEmpty()) {
            return new AidCap(null, null);
        }
        DmnDecisionResultEntries row = result.getFirstResult();
        Number times = row.getEntry("timesPerYear");
        return new AidCap(money(row.getEntry("kindAnnualCap")), times == null ? null : times.intValue());
    }

    @Override
    public BigDecimal householdAnnualCap(String tier) {
        DmnDecisionResult result = decisions.evaluateDecisionByKey("householdAidCap")
                .variables(Map.of("tier", tier)).evaluate();
        return money(result.getSingleResult().getEntry("householdAnnualCap"));
    }

    @Override
    public ApprovalLevel approvalLevel(BigDecimal amount) {
        DmnDecisionResult result = decisions.evaluateDecisionByKey(AidGrantProcess.APPROVAL_LEVEL_DECISION)
                .variables(Variables.createVariables().putValue("amount", amount.doubleValue())).evaluate();
        return ApprovalLevel.valueOf(result.getSingleResult().getSingleEntry());
    }

    private static BigDecimal money(Object value) {
        return value == null ? null : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }
}
