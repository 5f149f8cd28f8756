package cn.hardshiprelief.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code dibaoLine} table (processes/dibaoLine.dmn): the local 低保 line per person and month,
 * by region and by the day it took effect. Evaluated by the engine's DecisionService, row by row,
 * and read as a file to keep the order managers must keep when they add a line in the Modeler.
 */
@Deployment(resources = "processes/dibaoLine.dmn")
class DibaoLineDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-test.cfg.xml")
            .build();

    private static final String DECISION = "dibaoLine";
    /** 大庆市萨尔图区, the demo region: the plans come from 大庆. */
    private static final String DAQING_SARTU = "230602";
    private static final String BEIJING_DONGCHENG = "110101";

    /** One case per row of the table, in table order: region, day, expected line, the row that must decide. */
    static Stream<Arguments> everyRow() {
        return Stream.of(
                Arguments.of(DAQING_SARTU, 20261129, 650.0, "sartuFrom20250701"),
                Arguments.of(DAQING_SARTU, 20240315, 610.0, "sartuFrom20230101"),
                Arguments.of(DAQING_SARTU, 20200601, 480.0, "sartuFrom20190101"),
                Arguments.of(BEIJING_DONGCHENG, 20261129, 480.0, "anyRegionAnyDay"));
    }

    @ParameterizedTest(name = "region {0} on {1}: {2} yuan by row {3}")
    @MethodSource("everyRow")
    void eachRowGivesItsLine(String regionCode, int onDay, double expectedLine, String expectedRow) {
        assertThat(lineFor(regionCode, onDay)).isEqualTo(expectedLine);
        assertThat(decidingRow()).isEqualTo(expectedRow);
    }

    @Test
    void everyRowOfTheTableHasACaseAbove() {
        Set<String> tested = everyRow().map(arguments -> (String) arguments.get()[3]).collect(Collectors.toSet());

        assertThat(tested).containsExactlyInAnyOrderElementsOf(ruleIds());
    }

    @ParameterizedTest(name = "the line of {1} applies from {1}, {0} keeps the older line")
    @MethodSource("lineChanges")
    void aNewLineAppliesFromItsEffectiveDayAndTheDayBeforeKeepsTheOlderLine(
            int dayBefore, int effectiveDay, double olderLine, double newLine) {
        assertThat(lineFor(DAQING_SARTU, dayBefore)).as("line on %s", dayBefore).isEqualTo(olderLine);
        assertThat(lineFor(DAQING_SARTU, effectiveDay)).as("line on %s", effectiveDay).isEqualTo(newLine);
    }

    static Stream<Arguments> lineChanges() {
        return Stream.of(
                Arguments.of(20250630, 20250701, 610.0, 650.0),
                Arguments.of(20221231, 20230101, 480.0, 610.0));
    }

    @Test
    void daysBeforeTheRegionsFirstLineAndRegionsWithoutRowsGetTheDefaultLineOfPlan12() {
        assertThat(lineFor(DAQING_SARTU, 20181231)).isEqualTo(480.0);
        assertThat(decidingRow()).isEqualTo("anyRegionAnyDay");
    }

    @Test
    void theResultIsOneNumberThatTheProcessStoresAsADouble() {
        DmnDecisionResult result = engine.getDecisionService().evaluateDecisionByKey(DECISION)
                .variables(Variables.putValue("regionCode", DAQING_SARTU).putValue("onDay", 20261129))
                .evaluate();

        assertThat(result).hasSize(1);
        assertThat(result.getSingleResult().getEntryMap()).containsOnlyKeys("line");
        assertThat((Object) result.getSingleEntry()).isInstanceOf(Double.class).isEqualTo(650.0);
    }

    /**
     * With hit policy FIRST a row that sits below an older row of its region, or below the
     * catch-all, never decides anything. Managers add lines in the Modeler; this keeps them honest.
     */
    @Test
    void eachRegionsRowsRunNewestFirstAndTheCatchAllRowComesLast() {
        Pattern region = Pattern.compile("^\"(\\d{6})\"$");
        Pattern fromDay = Pattern.compile("^>=\\s*(\\d{8})$");
        List<Rule> rules = new ArrayList<>(table().getRules());
        Map<String, Integer> lastDayOfRegion = new HashMap<>();
        List<String> problems = new ArrayList<>();

        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            String regionEntry = rule.getInputEntries().stream().toList().get(0).getText().getTextContent().trim();
            String dayEntry = rule.getInputEntries().stream().toList().get(1).getText().getTextContent().trim();
            boolean last = i == rules.size() - 1;
            if (regionEntry.isEmpty() && dayEntry.isEmpty()) {
                if (!last) {
                    problems.add(rule.getId() + ": catch-all row before other rows");
                }
                continue;
            }
            Matcher regionMatch = region.matcher(regionEntry);
            Matcher dayMatch = fromDay.matcher(dayEntry);
            if (!regionMatch.matches() || !dayMatch.matches()) {
                problems.add(rule.getId() + ": expected \"<6-digit region>\" and >= <yyyyMMdd>, was "
                        + regionEntry + " / " + dayEntry);
                continue;
            }
            int day = Integer.parseInt(dayMatch.group(1));
            Integer newerDay = lastDayOfRegion.put(regionMatch.group(1), day);
            if (newerDay != null && newerDay <= day) {
                problems.add(rule.getId() + ": from " + day + " is below the row from " + newerDay);
            }
            if (last) {
                problems.add(rule.getId() + ": the last row must be the catch-all (- / -)");
            }
        }

        assertThat(problems).as("rows of %s", DECISION).isEmpty();
    }

    // --- helpers

    private double lineFor(String regionCode, int onDay) {
        Object line = engine.getDecisionService().evaluateDecisionTableByKey(DECISION,
                        Variables.putValue("regionCode", regionCode).putValue("onDay", onDay))
                .getSingleResult().getSingleEntry();
        return (Double) line;
    }

    /** The id of the row that decided the one evaluation of this test, from the decision history. */
    private String decidingRow() {
        DecisionDefinition deployed = engine.getRepositoryService().createDecisionDefinitionQuery()
                .deploymentId(engine.getDeploymentId()).decisionDefinitionKey(DECISION).singleResult();
        HistoricDecisionInstance evaluation = engine.getHistoryService().createHistoricDecisionInstanceQuery()
                .decisionDefinitionId(deployed.getId()).includeOutputs().singleResult();
        return evaluation.getOutputs().get(0).getRuleId();
    }

    private static List<String> ruleIds() {
        return table().getRules().stream().map(Rule::getId).toList();
    }

    private static DecisionTable table() {
        return Dmn.readModelFromFile(Paths.get("processes", DECISION + ".dmn").toFile())
                .getModelElementsByType(DecisionTable.class).iterator().next();
    }
}
