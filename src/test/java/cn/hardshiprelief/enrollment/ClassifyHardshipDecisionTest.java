package cn.hardshiprelief.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hardshiprelief.support.DecisionRows;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code classifyHardship} table (processes/classifyHardship.dmn), row by row, with the plans'
 * figures: the company tiers of plan 12 on the enterprise route, the union tiers of plans 4, 9 and
 * 10 on the union route, and the boundaries where a household moves from one tier to the next.
 * docs/classification.md says the same rules in words.
 */
@Deployment(resources = "processes/classifyHardship.dmn")
class ClassifyHardshipDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-test.cfg.xml")
            .build();

    private static final String DECISION = "classifyHardship";
    /** The 480 yuan line of plan 12. */
    private static final double PLAN_12_LINE = 480.0;
    /** The demo line of 大庆市萨尔图区 from 2025-07-01 (dibaoLine.dmn). */
    private static final double DAQING_LINE = 650.0;

    /** One household per row of the table, in table order, with the row that must decide it. */
    static Stream<Arguments> everyRow() {
        return Stream.of(
                row("a worker hired eight months ago, 400 yuan a head with a child at school",
                        enterprise(PLAN_12_LINE).incomePerCapita(400).studentsInSchool(1).monthsOfService(8),
                        "NOT_ELIGIBLE", "notEligibleUnderOneYearOfService"),
                row("a worker whose father takes medicine all year, 400 yuan a head",
                        enterprise(PLAN_12_LINE).incomePerCapita(400).medicalCostsHalfYear(3000),
                        "EXTREME", "extremeWithIllnessAtOrBelowLine"),
                row("a worker with a child at school, 400 yuan a head",
                        enterprise(PLAN_12_LINE).incomePerCapita(400).studentsInSchool(1),
                        "EXTREME", "extremeWithSchoolingAtOrBelowLine"),
                row("a worker's household at 450 yuan a head, no illness, no pupils",
                        enterprise(PLAN_12_LINE).incomePerCapita(450),
                        "SEVERE", "severeBelowLine"),
                row("a worker whose wife's treatment cost 30000 yuan in half a year of 27000 yuan income",
                        enterprise(PLAN_12_LINE).incomePerCapita(1500).medicalCostsHalfYear(30000),
                        "SEVERE", "severeMedicalCostsAboveIncome"),
                row("a worker whose house the flood took",
                        enterprise(PLAN_12_LINE).incomePerCapita(1500).disasterAffected(),
                        "SEVERE", "severeAfterDisaster"),
                row("the only earner, with two children at college and secondary school",
                        enterprise(PLAN_12_LINE).incomePerCapita(800).soleEarner().studentsInSchool(2),
                        "SEVERE", "severeSoleEarnerWithTwoStudents"),
                row("a worker's household at 800 yuan a head",
                        enterprise(PLAN_12_LINE).incomePerCapita(800),
                        "GENERAL", "generalWithinTwiceLine"),
                row("a family on dibao, earning 700 yuan a head again",
                        union(DAQING_LINE).incomePerCapita(700).receivesDibao(),
                        "DEEP", "deepOnDibao"),
                row("a family at 600 yuan a head, not yet on dibao",
                        union(DAQING_LINE).incomePerCapita(600),
                        "DEEP", "deepBelowLine"),
                row("a family at 1500 yuan a head after a 50000 yuan operation",
                        union(DAQING_LINE).incomePerCapita(1500).oneOffCosts(50000),
                        "SUDDEN", "suddenOneOffCostsAboveShareOfIncome"),
                row("a family at 1000 yuan a head",
                        union(DAQING_LINE).incomePerCapita(1000),
                        "RELATIVE", "relativeWithinTwiceLine"),
                row("an application on no known route",
                        household("village", DAQING_LINE).incomePerCapita(300),
                        "NOT_ELIGIBLE", "notEligibleUnknownRoute"),
                row("a family at 1400 yuan a head",
                        union(DAQING_LINE).incomePerCapita(1400),
                        "NOT_ELIGIBLE", "notEligible"));
    }

    @ParameterizedTest(name = "{0}: {2} by row {3}")
    @MethodSource("everyRow")
    void eachRowDecidesItsHousehold(String story, Household household, String expectedTier, String expectedRow) {
        assertThat(tierOf(household)).isEqualTo(expectedTier);
        assertThat(decidingRow()).isEqualTo(expectedRow);
    }

    @Test
    void everyRowOfTheTableHasAHouseholdAbove() {
        assertThat(DecisionRows.named(everyRow(), 3)).containsExactlyInAnyOrderElementsOf(DecisionRows.of(DECISION));
    }

    // --- year of service (plan 11 二、4: 工龄一年以上)

    @Test
    void aWorkerWithThreeYearsOfServiceIsClassifiedAsBefore() {
        assertThat(tierOf(enterprise(PLAN_12_LINE).incomePerCapita(400).studentsInSchool(1).monthsOfService(36)))
                .isEqualTo("EXTREME");
        assertThat(decidingRow()).isEqualTo("extremeWithSchoolingAtOrBelowLine");
    }

    @Test
    void aWorkerWithLessThanAYearOfServiceIsNotEligibleAndIsToldWhy() {
        assertThat(classify(enterprise(PLAN_12_LINE).incomePerCapita(400).monthsOfService(8)))
                .containsEntry("tier", "NOT_ELIGIBLE")
                .containsEntry("reason", "工龄不满一年（入职不满12个月），不符合困难职工界定条件");
    }

    @Test
    void elevenMonthsAreUnderAYearAndTwelveAreAYear() {
        assertThat(tierOf(enterprise(PLAN_12_LINE).incomePerCapita(450).monthsOfService(11))).isEqualTo("NOT_ELIGIBLE");
        assertThat(tierOf(enterprise(PLAN_12_LINE).incomePerCapita(450).monthsOfService(12))).isEqualTo("SEVERE");
    }

    @Test
    void withoutAHireDateTheYearOfServiceRowDoesNotApply() {
        assertThat(tierOf(enterprise(PLAN_12_LINE).incomePerCapita(450).withoutHireDate())).isEqualTo("SEVERE");
        assertThat(tierOf(union(DAQING_LINE).incomePerCapita(600).withoutHireDate())).isEqualTo("DEEP");
    }

    @Test
    void theUnionRouteDoesNotAskForAYearOfService() {
        assertThat(tierOf(union(DAQING_LINE).incomePerCapita(600).monthsOfService(3))).isEqualTo("DEEP");
    }

    // --- boundaries: where the plans' words put the figure itself

    @Test
    void exactlyAtTheLineIsNotBelowItSoAUnionFamilyIsRelativeNotDeep() {
        assertThat(tierOf(union(DAQING_LINE).incomePerCapita(650))).isEqualTo("RELATIVE");
        assertThat(tierOf(union(DAQING_LINE).incomePerCapita(649.99))).isEqualTo("DEEP");
    }

    @Test
    void exactlyAtTheLineIsStillAtOrBelowItForExtremeHardshipButNotBelowItForSevereHardship() {
        assertThat(tierOf(enterprise(PLAN_12_LINE).incomePerCapita(480).medicalCostsHalfYear(2000)))
                .as("特困: 480元以下 includes 480").isEqualTo("EXTREME");
        assertThat(tierOf(enterprise(PLAN_12_LINE).incomePerCapita(480)))
                .as("重困: 低于480元 excludes 480").isEqualTo("GENERAL");
    }

    @Test
    void exactlyTwiceTheLineIsWithinTwiceTheLineOnBothRoutesAndOneFenMoreIsNot() {
        assertThat(tierOf(union(DAQING_LINE).incomePerCapita(1300))).isEqualTo("RELATIVE");
        assertThat(tierOf(union(DAQING_LINE).incomePerCapita(1300.01))).isEqualTo("NOT_ELIGIBLE");
        assertThat(tierOf(enterprise(PLAN_12_LINE).incomePerCapita(960))).isEqualTo("GENERAL");
        assertThat(tierOf(enterprise(PLAN_12_LINE).incomePerCapita(960.01))).isEqualTo("NOT_ELIGIBLE");
    }

    @Test
    void oneOffCostsOfExactlyEightyPercentOfTheYearsIncomeAreNotAboveItAndOneFenMoreIs() {
        // 1500 yuan a head, three members: 54000 yuan a year, 80% of it is 43200 yuan
        assertThat(tierOf(union(DAQING_LINE).incomePerCapita(1500).oneOffCosts(43200))).isEqualTo("NOT_ELIGIBLE");
        assertThat(tierOf(union(DAQING_LINE).incomePerCapita(1500).oneOffCosts(43200.01))).isEqualTo("SUDDEN");
    }

    @Test
    void medicalCostsEqualToTheHalfYearsIncomeDoNotExceedIt() {
        // 1500 yuan a head, three members: 27000 yuan in six months
        assertThat(tierOf(enterprise(PLAN_12_LINE).incomePerCapita(1500).medicalCostsHalfYear(27000)))
                .isEqualTo("NOT_ELIGIBLE");
        assertThat(tierOf(enterprise(PLAN_12_LINE).incomePerCapita(1500).medicalCostsHalfYear(27000.01)))
                .isEqualTo("SEVERE");
    }

    // --- order: the heavier tier wins where several fit

    @Test
    void aFamilyOnDibaoWithASuddenExpenseStaysDeep() {
        assertThat(tierOf(union(DAQING_LINE).incomePerCapita(500).receivesDibao().oneOffCosts(50000)))
                .isEqualTo("DEEP");
    }

    @Test
    void aSuddenExpenseComesBeforeRelativeHardshipBecauseTheNationalTiersComeFirst() {
        assertThat(tierOf(union(DAQING_LINE).incomePerCapita(1000).oneOffCosts(40000))).isEqualTo("SUDDEN");
    }

    @Test
    void theCompanyTiersIgnoreTheUnionsDibaoRosterAndTheUnionTiersIgnoreTheCompanysCriteria() {
        assertThat(tierOf(enterprise(PLAN_12_LINE).incomePerCapita(1500).receivesDibao())).isEqualTo("NOT_ELIGIBLE");
        assertThat(tierOf(union(DAQING_LINE).incomePerCapita(1500).disasterAffected())).isEqualTo("NOT_ELIGIBLE");
    }

    @Test
    void aHouseholdNotEligibleIsToldWhy() {
        Map<String, Object> classification = classify(enterprise(PLAN_12_LINE).incomePerCapita(1000));

        assertThat(classification).containsOnlyKeys("tier", "reason")
                .containsEntry("tier", "NOT_ELIGIBLE")
                .containsEntry("reason", "家庭人均月收入超过当地低保标准的2倍，且不符合其他困难职工界定条件");
    }

    @Test
    void eachTierComesWithTheReasonOfItsRow() {
        assertThat(classify(union(DAQING_LINE).incomePerCapita(600)))
                .containsEntry("tier", "DEEP")
                .containsEntry("reason", "家庭人均月收入低于当地低保标准");
        assertThat(classify(enterprise(PLAN_12_LINE).incomePerCapita(800).soleEarner().studentsInSchool(2)))
                .containsEntry("tier", "SEVERE")
                .containsEntry("reason", "只有职工一人有固定收入，同时供两个及以上子女上学");
    }

    // --- helpers

    private static Arguments row(String story, Household household, String tier, String rowId) {
        return Arguments.of(story, household, tier, rowId);
    }

    private String tierOf(Household household) {
        return (String) classify(household).get("tier");
    }

    private Map<String, Object> classify(Household household) {
        DmnDecisionRuleResult result = engine.getDecisionService()
                .evaluateDecisionTableByKey(DECISION, household.variables())
                .getSingleResult();
        return result.getEntryMap();
    }

    private String decidingRow() {
        return DecisionRows.deciding(engine, DECISION);
    }

    private static Household enterprise(double dibaoLine) {
        return household("enterprise", dibaoLine);
    }

    private static Household union(double dibaoLine) {
        return household("union", dibaoLine);
    }

    private static Household household(String route, double dibaoLine) {
        return new Household(route, dibaoLine);
    }

    /**
     * The facts {@code computeHardshipFacts} gives the table, for a household of three with no
     * other income than the stated per-head figure: half-year and yearly income follow from it.
     * The applicant has three years of service unless a test says otherwise.
     */
    static final class Household {
        private static final int MEMBERS = 3;
        private final String route;
        private final double dibaoLine;
        private double incomePerCapita;
        private boolean receivesDibao;
        private double medicalCostsHalfYear;
        private boolean disasterAffected;
        private boolean soleEarner;
        private int studentsInSchool;
        private double oneOffCosts;
        private Integer monthsOfService = 36;

        Household(String route, double dibaoLine) {
            this.route = route;
            this.dibaoLine = dibaoLine;
        }

        Household incomePerCapita(double yuan) {
            incomePerCapita = yuan;
            return this;
        }

        Household receivesDibao() {
            receivesDibao = true;
            return this;
        }

        Household medicalCostsHalfYear(double yuan) {
            medicalCostsHalfYear = yuan;
            return this;
        }

        Household disasterAffected() {
            disasterAffected = true;
            return this;
        }

        Household soleEarner() {
            soleEarner = true;
            return this;
        }

        Household studentsInSchool(int students) {
            studentsInSchool = students;
            return this;
        }

        Household oneOffCosts(double yuan) {
            oneOffCosts = yuan;
            return this;
        }

        Household monthsOfService(int months) {
            monthsOfService = months;
            return this;
        }

        Household withoutHireDate() {
            monthsOfService = null;
            return this;
        }

        VariableMap variables() {
            return Variables.createVariables()
                    .putValue("route", route)
                    .putValue("incomePerCapita", incomePerCapita)
                    .putValue("dibaoLine", dibaoLine)
                    .putValue("receivesDibao", receivesDibao)
                    .putValue("medicalCostsHalfYear", medicalCostsHalfYear)
                    .putValue("householdIncomeHalfYear", incomePerCapita * MEMBERS * 6)
                    .putValue("disasterAffected", disasterAffected)
                    .putValue("soleEarner", soleEarner)
                    .putValue("studentsInSchool", studentsInSchool)
                    .putValue("oneOffCosts", oneOffCosts)
                    .putValue("yearlyIncome", incomePerCapita * MEMBERS * 12)
                    .putValue("monthsOfService", monthsOfService);
        }

        @Override
        public String toString() {
            return route + " household at " + incomePerCapita + " yuan a head, line " + dibaoLine;
        }
    }
}
