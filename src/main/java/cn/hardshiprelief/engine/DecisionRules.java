package cn.hardshiprelief.engine;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which rule of a decision table gave a result: the first rule of the latest deployed version whose output entries
 * are the result's values. A rule's id is stable when managers reword its outputs in the Modeler, so pages label a
 * decided reason by it in the reader's language (and fall back to the table's own words for a rule they do not know).
 */
@Component
public class DecisionRules {

    private final RepositoryService repository;
    private final Map<String, List<RuleOutputs>> byDefinition = new ConcurrentHashMap<>();

    public DecisionRules(RepositoryService repository) {
        this.repository = repository;
    }

    public Optional<String> ruleId(String decisionKey, Map<String, ?> result) {
        if (result == null) {
            return Optional.empty();
        }
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                .latestVersion().singleResult();
        if (definition == null) {
            return Optional.empty();
        }
        List<RuleOutputs> rules = byDefinition.computeIfAbsent(definition.getId(),
                id -> rulesOf(repository.getDmnModelInstance(id), decisionKey));
        return rules.stream().filter(rule -> rule.outputs().entrySet().stream()
                        .allMatch(o -> Objects.equals(o.getValue(), text(result.get(o.getKey())))))
                .map(RuleOutputs::id).findFirst();
    }

    private static List<RuleOutputs> rulesOf(DmnModelInstance model, String decisionKey) {
        Decision decision = model.getModelElementById(decisionKey);
        if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
            return List.of();
        }
        List<Output> outputs = new ArrayList<>(table.getOutputs());
        List<RuleOutputs> rules = new ArrayList<>();
        for (Rule rule : table.getRules()) {
            List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < outputs.size() && i < entries.size(); i++) {
                values.put(outputs.get(i).getName(), unquoted(entries.get(i).getTextContent()));
            }
            rules.add(new RuleOutputs(rule.getId(), values));
        }
        return rules;
    }

    private static String unquoted(String expression) {
        String text = expression == null ? "" : expression.strip();
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1)
                : text;
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private record RuleOutputs(String id, Map<String, String> outputs) {
    }
}
