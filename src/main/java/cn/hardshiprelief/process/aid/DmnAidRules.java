package cn.hardshiprelief.process.aid;

import cn.hardshiprelief.aid.AidCap;
import cn.hardshiprelief.aid.AidKind;
import cn.hardshiprelief.aid.AidRules;
import cn.hardshiprelief.aid.AidStandard;
import cn.hardshiprelief.aid.ApprovalLevel;
import cn.hardshiprelief.vocabulary.HardshipCause;
import cn.hardshiprelief.vocabulary.SchoolingStage;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The aid rules as the latest deployed DMN decisions say: {@code aidStandard}, {@code aidSupplement},
 * {@code aidCap}, {@code householdAidCap} (processes/aidStandard.dmn) and {@code aidApprovalLevel}.
 * A standard carries the version that priced it, so a grant shows which table decided its amount.
 *
 * <p>The tables are evaluated in memory by the engine's DMN engine, not through the DecisionService:
 * pricing a form or a campaign list is a read (pages run in read-only transactions, which MySQL enforces),
 * and a campaign of 10,000 households would otherwise write 150,000 rows of decision history. What a
 * grant was priced at is kept on the grant itself (amount, standard version). The {@code aidApprovalLevel}
 * task of the process is evaluated by the engine and keeps its history.
 */
@Component
public class DmnAidRules implements AidRules {

    private final RepositoryService repository;
    private final DmnEngine dmn;
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

    public DmnAidRules(ProcessEngine engine) {
        this.repository = engine.getRepositoryService();
        // a DMN engine of its own: the process engine's one records history and needs a command context
        this.dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    }

    @Override
    public Optional<AidStandard> standard(AidKind kind, String tier, SchoolingStage stage) {
        DecisionDefinition definition = latest("aidStandard");
        DmnDecisionResult result = evaluate(definition, Map.of("kind", kind.name(), "tier", tier,
                "stage", (stage == null ? SchoolingStage.NONE : stage).name()));
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
        DmnDecisionResult result = evaluate(latest("aidSupplement"), Map.of("kind", kind.name(), "cause", cause.name()));
        BigDecimal supplement = result.isEmpty() ? null : money(result.getFirstResult().getEntry("supplement"));
        return supplement == null ? BigDecimal.ZERO.setScale(2) : supplement;
    }

    @Override
    public AidCap cap(AidKind kind) {
        DmnDecisionResult result = evaluate(latest("aidCap"), Map.of("kind", kind.name()));
        if (result.isEmpty()) {
            return new AidCap(null, null, null);
        }
        DmnDecisionResultEntries row = result.getFirstResult();
        return new AidCap(money(row.getEntry("kindAnnualCap")), count(row.getEntry("timesPerYear")),
                count(row.getEntry("timesPerStage")));
    }

    @Override
    public BigDecimal householdAnnualCap(String tier) {
        DmnDecisionResult result = evaluate(latest("householdAidCap"), Map.of("tier", tier));
        return money(result.getSingleResult().getEntry("householdAnnualCap"));
    }

    @Override
    public ApprovalLevel approvalLevel(BigDecimal amount) {
        DmnDecisionResult result = evaluate(latest(AidGrantProcess.APPROVAL_LEVEL_DECISION),
                Variables.createVariables().putValue("amount", amount.doubleValue()));
        return ApprovalLevel.valueOf(result.getSingleResult().getSingleEntry());
    }

    private DecisionDefinition latest(String key) {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
    }

    /** A deployed decision never changes: parse each version once. */
    private DmnDecisionResult evaluate(DecisionDefinition definition, Map<String, Object> variables) {
        DmnDecision decision = parsed.computeIfAbsent(definition.getId(),
                id -> dmn.parseDecision(definition.getKey(), repository.getDecisionModel(id)));
        return dmn.evaluateDecision(decision, variables);
    }

    private static BigDecimal money(Object value) {
        return value == null ? null : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
    }

    private static Integer count(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }
}
