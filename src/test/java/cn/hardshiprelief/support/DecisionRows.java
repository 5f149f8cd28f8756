package cn.hardshiprelief.support;

import java.nio.file.Paths;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.params.provider.Arguments;

/** The rows of a decision table in processes/, and the row that decided a test's evaluation. */
public final class DecisionRows {

    private DecisionRows() {
    }

    /** Every rule id of processes/{@code decision}.dmn. */
    public static Set<String> of(String decision) {
        return Dmn.readModelFromFile(Paths.get("processes", decision + ".dmn").toFile())
                .getModelElementsByType(Rule.class).stream().map(Rule::getId).collect(Collectors.toSet());
    }

    /** The row ids a parameterised test's cases name, at position {@code index} of their arguments. */
    public static Set<String> named(Stream<Arguments> cases, int index) {
        return cases.map(arguments -> (String) arguments.get()[index]).collect(Collectors.toSet());
    }

    /** The id of the row that decided the one evaluation of this test, from the decision history. */
    public static String deciding(ProcessEngineExtension engine, String decision) {
        DecisionDefinition deployed = engine.getRepositoryService().createDecisionDefinitionQuery()
                .deploymentId(engine.getDeploymentId()).decisionDefinitionKey(decision).singleResult();
        HistoricDecisionInstance evaluation = engine.getHistoryService().createHistoricDecisionInstanceQuery()
                .decisionDefinitionId(deployed.getId()).includeOutputs().singleResult();
        return evaluation.getOutputs().stream().map(HistoricDecisionOutputInstance::getRuleId)
                .distinct().reduce((a, b) -> a + "," + b).orElseThrow();
    }
}
