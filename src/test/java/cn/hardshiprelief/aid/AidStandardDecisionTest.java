package cn.hardshiprelief.aid;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The four tables of processes/aidStandard.dmn, row by row: {@code aidStandard} (how much one grant of a
 * kind pays a household of a tier, or a student at a stage), {@code aidSupplement} (what each secondary
 * cause adds to a stackable grant, plan 8's 叠加), {@code aidCap} (how much and how often a kind may be
 * paid to one household in a calendar year) and {@code householdAidCap} (all cash aid to one household in
 * a year). The figures are demonstration standards that managers change in Camunda Modeler, except the
 * 5,000 yuan for a doctoral student (plan 8) and the one trip home a year (plan 11); when they change a
 * figure, they change the expectation here with it.
 */
@Deployment(resources = "processes/aidStandard.dmn")
class AidStandardDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-test.cfg.xml")
            .build();

    private static final String STANDARD = "aidStandard";
    private static final String SUPPLEMENT = "aidSupplement";
    private static final String CAP = "aidCap";
    private static final String HOUSEHOLD_CAP = "householdAidCap";

    /** The ids of the evaluations this test has already looked at, so each look finds the newest one. */
    private final Set<String> seenEvaluations = new HashSet<>();

    // --- aidStandard

    /** One request per case, grouped by row in table order, with the standard and the row that must give it. */
    static Stream<Arguments> everyStandardCase() {
        return Stream.of(
                standard("an extreme-hardship household asks for life aid", "LIFE_AID", "EXTREME", null,
                        fixed(2000, true), "lifeAidExtremeOrDeep"),
                standard("a deep-hardship household asks for life aid", "LIFE_AID", "DEEP", null,
                        fixed(2000, true), "lifeAidExtremeOrDeep"),
                standard("a severe-hardship household asks for life aid", "LIFE_AID", "SEVERE", null,
                        fixed(1500, true), "lifeAidSevereRelativeOrSudden"),
                standard("a relatively poor household asks for life aid", "LIFE_AID", "RELATIVE", null,
                        fixed(1500, true), "lifeAidSevereRelativeOrSudden"),
                standard("a household struck by a sudden loss asks for life aid", "LIFE_AID", "SUDDEN", null,
                        fixed(1500, true), "lifeAidSevereRelativeOrSudden"),
                standard("a household in general hardship asks for life aid", "LIFE_AID", "GENERAL", null,
                        fixed(1000, true), "lifeAidGeneral"),
                standard("an extreme-hardship household gets half its self-paid medical bill up to 20000",
                        "MEDICAL_AID", "EXTREME", null, share(0.5, 20000), "medicalAidExtremeOrDeep"),
                standard("a deep-hardship household gets half its self-paid medical bill up to 20000",
                        "MEDICAL_AID", "DEEP", null, share(0.5, 20000), "medicalAidExtremeOrDeep"),
                standard("a severe-hardship household gets 40 percent of its self-paid medical bill up to 15000",
                        "MEDICAL_AID", "SEVERE", null, share(0.4, 15000), "medicalAidOtherTiers"),
                standard("a household in general hardship gets 40 percent up to 15000",
                        "MEDICAL_AID", "GENERAL", null, share(0.4, 15000), "medicalAidOtherTiers"),
                standard("a relatively poor household gets 40 percent up to 15000",
                        "MEDICAL_AID", "RELATIVE", null, share(0.4, 15000), "medicalAidOtherTiers"),
                standard("a household struck by a sudden loss gets 40 percent up to 15000",
                        "MEDICAL_AID", "SUDDEN", null, share(0.4, 15000), "medicalAidOtherTiers"),
                standard("a child in kindergarten gets 1000", "EDUCATION_AID", "DEEP", "KINDERGARTEN",
                        fixed(1000, false), "educationAidKindergarten"),
                standard("a pupil in primary school gets 1000", "EDUCATION_AID", "GENERAL", "PRIMARY",
                        fixed(1000, false), "educationAidPrimary"),
                standard("a pupil in junior middle school gets 1500", "EDUCATION_AID", "SEVERE", "JUNIOR_MIDDLE",
                        fixed(1500, false), "educationAidJuniorMiddle"),
                standard("a pupil in senior middle school gets 2000", "EDUCATION_AID", "RELATIVE", "SENIOR_MIDDLE",
                        fixed(2000, false), "educationAidSeniorMiddle"),
                standard("a student at a vocational school gets 2000", "EDUCATION_AID", "SUDDEN", "VOCATIONAL",
                        fixed(2000, false), "educationAidVocational"),
                standard("a student at a junior college gets 3000", "EDUCATION_AID", "EXTREME", "JUNIOR_COLLEGE",
                        fixed(3000, false), "educationAidJuniorCollege"),
                standard("an undergraduate gets 4000", "EDUCATION_AID", "DEEP", "UNDERGRADUATE",
                        fixed(4000, false), "educationAidUndergraduate"),
                standard("a master's student gets 5000", "EDUCATION_AID", "GENERAL", "MASTER",
                        fixed(5000, false), "educationAidMaster"),
                standard("a doctoral student gets 5000 like 石琳 in plan 8", "EDUCATION_AID", "DEEP", "DOCTORATE",
                        fixed(5000, false), "educationAidDoctorate"),
                standard("housing support pays the assessed cost up to 10000", "HOUSING_SUPPORT", "SEVERE", null,
                        share(1.0, 10000), "housingSupport"),
                standard("emergency aid pays the assessed cost up to 5000", "EMERGENCY_AID", "SUDDEN", null,
                        share(1.0, 5000), "emergencyAid"),
                standard("emergency aid reaches a worker not on file", "EMERGENCY_AID", "NONE", null,
                        share(1.0, 5000), "emergencyAid"),
                standard("an extreme-hardship household gets 1000 at a holiday visit", "WARMTH_VISIT", "EXTREME", null,
                        fixed(1000, false), "warmthVisitExtremeOrDeep"),
                standard("a deep-hardship household gets 1000 at a holiday visit", "WARMTH_VISIT", "DEEP", null,
                        fixed(1000, false), "warmthVisitExtremeOrDeep"),
                standard("a severe-hardship household gets 800 at a holiday visit", "WARMTH_VISIT", "SEVERE", null,
                        fixed(800, false), "warmthVisitSevereRelativeOrSudden"),
                standard("a relatively poor household gets 800 at a holiday visit", "WARMTH_VISIT", "RELATIVE", null,
                        fixed(800, false), "warmthVisitSevereRelativeOrSudden"),
                standard("a household struck by a sudden loss gets 800 at a holiday visit", "WARMTH_VISIT", "SUDDEN",
                        null, fixed(800, false), "warmthVisitSevereRelativeOrSudden"),
                standard("a household in general hardship gets 500 at a holiday visit", "WARMTH_VISIT", "GENERAL",
                        null, fixed(500, false), "warmthVisitGeneral"),
                standard("the trip home is reimbursed at the ticket price up to 1000", "TRAVEL_HOME", "GENERAL", null,
                        share(1.0, 1000), "travelHome"),
                standard("employment support is a service and pays nothing", "EMPLOYMENT_SUPPORT", "DEEP", null,
                        SERVICE, "serviceWithoutCash"),
                standard("skills training is a service and pays nothing", "SKILLS_TRAINING", "RELATIVE", null,
                        SERVICE, "serviceWithoutCash"),
                standard("legal aid is a service and pays nothing", "LEGAL_AID", "EXTREME", null,
                        SERVICE, "serviceWithoutCash"));
    }

    @ParameterizedTest(name = "{0}: {4} by row {5}")
    @MethodSource("everyStandardCase")
    void eachStandardRowGivesItsFigures(String story, String kind, String tier, String stage,
            Standard expected, String expectedRow) {
        Evaluation evaluation = evaluate(STANDARD, standardRequest(kind, tier, stage));

        assertThat(Standard.of(evaluation.result())).isEqualTo(expected);
        assertThat(evaluation.row()).isEqualTo(expectedRow);
    }

    @Test
    void theDoctoralStudentOfPlan8GetsFiveThousandYuanWhateverTheTierOfHerFamily() {
        for (String tier : List.of("EXTREME", "SEVERE", "GENERAL", "DEEP", "RELATIVE", "SUDDEN")) {
            Evaluation evaluation = evaluate(STANDARD, standardRequest("EDUCATION_AID", tier, "DOCTORATE"));

            assertThat(Standard.of(evaluation.result())).as(tier).isEqualTo(fixed(5000, false));
            assertThat(evaluation.row()).as(tier).isEqualTo("educationAidDoctorate");
        }
    }

    @Test
    void aChildNotInSchoolHasNoEducationStandard() {
        Evaluation evaluation = evaluate(STANDARD, standardRequest("EDUCATION_AID", "DEEP", "NONE"));

        assertThat(evaluation.result().isEmpty()).isTrue();
        assertThat(evaluation.row()).isNull();
    }

    @Test
    void educationAidWithoutAStageHasNoStandard() {
        assertThat(evaluate(STANDARD, standardRequest("EDUCATION_AID", "DEEP", null)).result().isEmpty()).isTrue();
    }

    @Test
    void aWorkerNotOnFileHasAStandardForEmergencyAidOnly() {
        for (String kind : List.of("LIFE_AID", "MEDICAL_AID", "HOUSING_SUPPORT", "WARMTH_VISIT", "TRAVEL_HOME",
                "EMPLOYMENT_SUPPORT", "SKILLS_TRAINING", "LEGAL_AID")) {
            assertThat(evaluate(STANDARD, standardRequest(kind, "NONE", null)).result().isEmpty()).as(kind).isTrue();
        }
        assertThat(evaluate(STANDARD, standardRequest("EDUCATION_AID", "NONE", "PRIMARY")).result().isEmpty())
                .isTrue();
        assertThat(Standard.of(evaluate(STANDARD, standardRequest("EMERGENCY_AID", "NONE", null)).result()))
                .isEqualTo(share(1.0, 5000));
    }

    @Test
    void anUnknownKindHasNoStandard() {
        assertThat(evaluate(STANDARD, standardRequest("PENSION", "DEEP", null)).result().isEmpty()).isTrue();
    }

    @Test
    void theStageMattersOnlyForEducationAid() {
        Evaluation evaluation = evaluate(STANDARD, standardRequest("LIFE_AID", "GENERAL", "UNDERGRADUATE"));

        assertThat(Standard.of(evaluation.result())).isEqualTo(fixed(1000, true));
        assertThat(evaluation.row()).isEqualTo("lifeAidGeneral");
    }

    // --- aidSupplement (plan 8: 叠加)

    static Stream<Arguments> everySupplementCase() {
        return Stream.of(
                supplement("a second cause of illness adds 500 to life aid", "LIFE_AID", "ILLNESS", 500,
                        "lifeAidIllnessSupplement"),
                supplement("a second cause of disability adds 500 to life aid", "LIFE_AID", "DISABILITY", 500,
                        "lifeAidDisabilitySupplement"),
                supplement("a child at school as a second cause adds 300 to life aid", "LIFE_AID", "SCHOOLING", 300,
                        "lifeAidSchoolingSupplement"),
                supplement("a disaster as a second cause adds 800 to life aid", "LIFE_AID", "DISASTER", 800,
                        "lifeAidDisasterSupplement"),
                supplement("an accident as a second cause adds 500 to life aid", "LIFE_AID", "ACCIDENT", 500,
                        "lifeAidAccidentSupplement"),
                supplement("unemployment as a second cause adds nothing", "LIFE_AID", "UNEMPLOYMENT", 0,
                        "noSupplement"),
                supplement("low income as a second cause adds nothing", "LIFE_AID", "LOW_INCOME", 0, "noSupplement"),
                supplement("a sole earner as a second cause adds nothing", "LIFE_AID", "SOLE_EARNER", 0,
                        "noSupplement"),
                supplement("another cause adds nothing", "LIFE_AID", "OTHER", 0, "noSupplement"),
                supplement("illness adds nothing to medical aid", "MEDICAL_AID", "ILLNESS", 0, "noSupplement"),
                supplement("a disaster adds nothing to a holiday visit", "WARMTH_VISIT", "DISASTER", 0,
                        "noSupplement"));
    }

    @ParameterizedTest(name = "{0}: {3} by row {4}")
    @MethodSource("everySupplementCase")
    void eachSupplementRowGivesItsFigure(String story, String kind, String cause, double expected,
            String expectedRow) {
        Evaluation evaluation = evaluate(SUPPLEMENT, Variables.createVariables()
                .putValue("kind", kind).putValue("cause", cause));

        assertThat(evaluation.result().<Double>getSingleEntry()).isEqualTo(expected);
        assertThat(evaluation.row()).isEqualTo(expectedRow);
    }

    @Test
    void aMissingCauseAddsNothing() {
        Evaluation evaluation = evaluate(SUPPLEMENT, Variables.createVariables()
                .putValue("kind", "LIFE_AID").putValue("cause", null));

        assertThat(evaluation.result().<Double>getSingleEntry()).isEqualTo(0.0);
        assertThat(evaluation.row()).isEqualTo("noSupplement");
    }

    // --- aidCap

    static Stream<Arguments> everyCapCase() {
        return Stream.of(
                cap("life aid: at most 6000 in 4 grants a year", "LIFE_AID", 6000.0, 4, null, "lifeAidCap"),
                cap("medical aid: at most 30000 a year, as often as needed", "MEDICAL_AID", 30000.0, null, null,
                        "medicalAidCap"),
                cap("education aid: once a year per student, once per stage for the child whatever the year",
                        "EDUCATION_AID", null, 1, 1, "educationAidCap"),
                cap("housing support: at most 10000 once a year", "HOUSING_SUPPORT", 10000.0, 1, null,
                        "housingSupportCap"),
                cap("emergency aid: at most 10000 in 2 grants a year", "EMERGENCY_AID", 10000.0, 2, null,
                        "emergencyAidCap"),
                cap("holiday visits: at most 5000 in 5 visits a year", "WARMTH_VISIT", 5000.0, 5, null,
                        "warmthVisitCap"),
                cap("the trip home: once a year (plan 11), at most 1000", "TRAVEL_HOME", 1000.0, 1, null,
                        "travelHomeCap"),
                cap("employment support has no cap of its own", "EMPLOYMENT_SUPPORT", null, null, null,
                        "noCapOfItsOwn"),
                cap("skills training has no cap of its own", "SKILLS_TRAINING", null, null, null, "noCapOfItsOwn"),
                cap("legal aid has no cap of its own", "LEGAL_AID", null, null, null, "noCapOfItsOwn"));
    }

    @ParameterizedTest(name = "{0}: {2} yuan, {3} times a year, {4} times a stage by row {5}")
    @MethodSource("everyCapCase")
    void eachCapRowGivesItsFigures(String story, String kind, Double expectedCap, Integer expectedTimes,
            Integer expectedTimesPerStage, String expectedRow) {
        Evaluation evaluation = evaluate(CAP, Variables.createVariables().putValue("kind", kind));
        Map<String, Object> cap = evaluation.result().getSingleResult().getEntryMap();

        assertThat(cap).containsOnlyKeys("kindAnnualCap", "timesPerYear", "timesPerStage");
        assertThat(cap.get("kindAnnualCap")).isEqualTo(expectedCap);
        assertThat(cap.get("timesPerYear")).isEqualTo(expectedTimes);
        assertThat(cap.get("timesPerStage")).isEqualTo(expectedTimesPerStage);
        assertThat(evaluation.row()).isEqualTo(expectedRow);
    }

    @Test
    void aDoctoralStudentHasEducationAidOncePerStageWhateverTheYearButNoOtherKindCountsStages() {
        for (String kind : List.of("LIFE_AID", "MEDICAL_AID", "HOUSING_SUPPORT", "EMERGENCY_AID", "WARMTH_VISIT",
                "TRAVEL_HOME", "LEGAL_AID")) {
            assertThat(evaluate(CAP, Variables.createVariables().putValue("kind", kind)).result().getSingleResult()
                    .<Integer>getEntry("timesPerStage")).as(kind).isNull();
        }
        assertThat(evaluate(CAP, Variables.createVariables().putValue("kind", "EDUCATION_AID")).result()
                .getSingleResult().<Integer>getEntry("timesPerStage")).isEqualTo(1);
    }

    @Test
    void theTripHomeIsReimbursedOnceAYearAndAtMost1000AsPlan11Says() {
        Standard trip = Standard.of(evaluate(STANDARD, standardRequest("TRAVEL_HOME", "SEVERE", null)).result());
        Map<String, Object> cap = evaluate(CAP, Variables.createVariables().putValue("kind", "TRAVEL_HOME"))
                .result().getSingleResult().getEntryMap();

        assertThat(trip.maxAmount()).isEqualTo(1000.0);
        assertThat(trip.ratio()).isEqualTo(1.0);
        assertThat(cap.get("timesPerYear")).isEqualTo(1);
        assertThat(cap.get("kindAnnualCap")).isEqualTo(1000.0);
    }

    // --- householdAidCap

    static Stream<Arguments> everyHouseholdCapCase() {
        return Stream.of(
                householdCap("an extreme-hardship household may receive 40000 a year", "EXTREME", 40000,
                        "householdCapExtremeOrDeep"),
                householdCap("a deep-hardship household may receive 40000 a year", "DEEP", 40000,
                        "householdCapExtremeOrDeep"),
                householdCap("a severe-hardship household may receive 30000 a year", "SEVERE", 30000,
                        "householdCapOtherTiers"),
                householdCap("a household in general hardship may receive 30000 a year", "GENERAL", 30000,
                        "householdCapOtherTiers"),
                householdCap("a relatively poor household may receive 30000 a year", "RELATIVE", 30000,
                        "householdCapOtherTiers"),
                householdCap("a household struck by a sudden loss may receive 30000 a year", "SUDDEN", 30000,
                        "householdCapOtherTiers"),
                householdCap("a worker not on file may receive 30000 a year", "NONE", 30000,
                        "householdCapOtherTiers"));
    }

    @ParameterizedTest(name = "{0}: {2} by row {3}")
    @MethodSource("everyHouseholdCapCase")
    void eachHouseholdCapRowGivesItsFigure(String story, String tier, double expected, String expectedRow) {
        Evaluation evaluation = evaluate(HOUSEHOLD_CAP, Variables.createVariables().putValue("tier", tier));

        assertThat(evaluation.result().<Double>getSingleEntry()).isEqualTo(expected);
        assertThat(evaluation.row()).isEqualTo(expectedRow);
    }

    // --- every row tested

    @Test
    void everyRowOfEveryTableHasACaseAbove() {
        DmnModelInstance model = Dmn.readModelFromFile(Paths.get("processes", STANDARD + ".dmn").toFile());

        assertThat(rowIdsTested(everyStandardCase(), 5)).containsExactlyInAnyOrderElementsOf(rowsOf(model, STANDARD));
        assertThat(rowIdsTested(everySupplementCase(), 4))
                .containsExactlyInAnyOrderElementsOf(rowsOf(model, SUPPLEMENT));
        assertThat(rowIdsTested(everyCapCase(), 5)).containsExactlyInAnyOrderElementsOf(rowsOf(model, CAP));
        assertThat(rowIdsTested(everyHouseholdCapCase(), 3))
                .containsExactlyInAnyOrderElementsOf(rowsOf(model, HOUSEHOLD_CAP));
    }

    @Test
    void theFileHoldsExactlyTheFourAidDecisions() {
        DmnModelInstance model = Dmn.readModelFromFile(Paths.get("processes", STANDARD + ".dmn").toFile());

        assertThat(model.getModelElementsByType(Decision.class)).extracting(Decision::getId)
                .containsExactlyInAnyOrder(STANDARD, SUPPLEMENT, CAP, HOUSEHOLD_CAP);
    }

    // --- helpers

    private static final Standard SERVICE = new Standard(0.0, null, 0.0, false);

    /** One row of {@code aidStandard}'s outputs. */
    record Standard(Double amount, Double ratio, Double maxAmount, boolean stackable) {

        static Standard of(DmnDecisionResult result) {
            Map<String, Object> entries = result.getSingleResult().getEntryMap();
            assertThat(entries).containsOnlyKeys("amount", "ratio", "maxAmount", "stackable");
            return new Standard((Double) entries.get("amount"), (Double) entries.get("ratio"),
                    (Double) entries.get("maxAmount"), (Boolean) entries.get("stackable"));
        }

        @Override
        public String toString() {
            return amount != null
                    ? amount + " yuan" + (stackable ? " plus supplements" : "")
                    : ratio + " of the basis up to " + maxAmount + " yuan";
        }
    }

    private static Standard fixed(double amount, boolean stackable) {
        return new Standard(amount, null, null, stackable);
    }

    private static Standard share(double ratio, double maxAmount) {
        return new Standard(null, ratio, maxAmount, false);
    }

    private static Arguments standard(String story, String kind, String tier, String stage, Standard standard,
            String rowId) {
        return Arguments.of(story, kind, tier, stage, standard, rowId);
    }

    private static Arguments supplement(String story, String kind, String cause, double supplement, String rowId) {
        return Arguments.of(story, kind, cause, supplement, rowId);
    }

    private static Arguments cap(String story, String kind, Double kindAnnualCap, Integer timesPerYear,
            Integer timesPerStage, String rowId) {
        return Arguments.of(story, kind, kindAnnualCap, timesPerYear, timesPerStage, rowId);
    }

    private static Arguments householdCap(String story, String tier, double householdAnnualCap, String rowId) {
        return Arguments.of(story, tier, householdAnnualCap, rowId);
    }

    private static VariableMap standardRequest(String kind, String tier, String stage) {
        return Variables.createVariables().putValue("kind", kind).putValue("tier", tier).putValue("stage", stage);
    }

    private static Set<String> rowIdsTested(Stream<Arguments> cases, int rowIndex) {
        return cases.map(arguments -> (String) arguments.get()[rowIndex]).collect(Collectors.toSet());
    }

    private static Set<String> rowsOf(DmnModelInstance model, String decisionId) {
        Decision decision = model.getModelElementById(decisionId);
        return ((DecisionTable) decision.getExpression()).getRules().stream().map(Rule::getId)
                .collect(Collectors.toSet());
    }

    /** What a decision returned, and the id of the row that decided it (null when no row matched). */
    private record Evaluation(DmnDecisionResult result, String row) {
    }

    private Evaluation evaluate(String decision, VariableMap variables) {
        DmnDecisionResult result = engine.getDecisionService().evaluateDecisionByKey(decision)
                .variables(variables).evaluate();
        return new Evaluation(result, decidingRow(decision));
    }

    /** The row that decided the newest evaluation of the decision, from the decision history. */
    private String decidingRow(String decision) {
        DecisionDefinition deployed = engine.getRepositoryService().createDecisionDefinitionQuery()
                .deploymentId(engine.getDeploymentId()).decisionDefinitionKey(decision).singleResult();
        List<HistoricDecisionInstance> newEvaluations = engine.getHistoryService()
                .createHistoricDecisionInstanceQuery().decisionDefinitionId(deployed.getId()).includeOutputs().list()
                .stream().filter(evaluation -> seenEvaluations.add(evaluation.getId())).toList();
        assertThat(newEvaluations).as("evaluations of %s since the last look", decision).hasSize(1);
        return newEvaluations.get(0).getOutputs().stream().map(HistoricDecisionOutputInstance::getRuleId)
                .distinct().reduce((a, b) -> a + "," + b).orElse(null);
    }
}
