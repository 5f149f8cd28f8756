package cn.hardshiprelief.household;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hardshiprelief.support.DecisionRows;
import java.util.stream.Stream;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code exitRule} table (processes/exitRule.dmn), row by row: what a re-check proposes for a
 * household on file. Plan 4's 脱困标准 (the causes of hardship gone and per-capita income above the
 * local dibao line for six consecutive months) proposes the exit; a cause that cannot be removed
 * proposes standing support (解困), whether the visitor ticks it or the file records it (a member's disability of
 * grade 3 or worse, a lasting illness); anything else continues the support. The months are counted by
 * {@code computeExitFacts} from the latest month backwards, so a month below the line starts the
 * count again at 0. docs/follow-up.md says the same rules in words.
 */
@Deployment(resources = "processes/exitRule.dmn")
class ExitRuleDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-test.cfg.xml")
            .build();

    private static final String DECISION = "exitRule";

    /** One household per row of the table, in table order, with the row that must decide it. */
    static Stream<Arguments> everyRow() {
        return Stream.of(
                row("a household six months above the line whose breadwinner found work again",
                        household().monthsAboveLine(6),
                        "EXIT", "exitAfterSixMonthsAboveLine"),
                row("a household caring for a son disabled for life, two months above the line",
                        household().monthsAboveLine(2).causesRemaining().permanentCause(),
                        "STANDING_SUPPORT", "standingSupportForPermanentCause"),
                row("a household whose file records the husband's grade-3 disability, the box left unticked",
                        household().monthsAboveLine(0).causesRemaining().disability("GRADE_3"),
                        "STANDING_SUPPORT", "standingSupportForLastingDisability"),
                row("a household whose file records the mother's heart disease, the box left unticked",
                        household().monthsAboveLine(1).causesRemaining().health("CHRONIC_ILLNESS"),
                        "STANDING_SUPPORT", "standingSupportForLastingIllness"),
                row("a household still below the line, the mother still unemployed",
                        household().monthsAboveLine(0).causesRemaining(),
                        "CONTINUE", "continueSupport"));
    }

    @ParameterizedTest(name = "{0}: {2} by row {3}")
    @MethodSource("everyRow")
    void eachRowDecidesItsHousehold(String story, Household household, String expectedProposal, String expectedRow) {
        assertThat(proposalFor(household)).isEqualTo(expectedProposal);
        assertThat(decidingRow()).isEqualTo(expectedRow);
    }

    @Test
    void everyRowOfTheTableHasAHouseholdAbove() {
        assertThat(DecisionRows.named(everyRow(), 3)).containsExactlyInAnyOrderElementsOf(DecisionRows.of(DECISION));
    }

    // --- the six consecutive months of plan 4

    @Test
    void exactlySixMonthsAboveTheLineIsEnoughAndFiveAreNot() {
        assertThat(proposalFor(household().monthsAboveLine(6))).isEqualTo("EXIT");
        assertThat(proposalFor(household().monthsAboveLine(5))).isEqualTo("CONTINUE");
        assertThat(proposalFor(household().monthsAboveLine(14))).isEqualTo("EXIT");
    }

    @Test
    void fiveMonthsAboveTheLineThenOneBelowCountZeroMonthsAndTheSupportContinues() {
        // Per-capita income against the line, oldest month first: above five times, then below in the
        // latest month. computeExitFacts counts from the latest month backwards and stops at the first
        // month not above the line, so it gives 0, not 5: the six months must run up to now.
        assertThat(proposalFor(household().monthsAboveLine(0))).isEqualTo("CONTINUE");
        assertThat(decidingRow()).isEqualTo("continueSupport");
    }

    // --- the causes of hardship

    @Test
    void sixMonthsAboveTheLineWithACauseLeftContinuesTheSupport() {
        assertThat(proposalFor(household().monthsAboveLine(6).causesRemaining())).isEqualTo("CONTINUE");
    }

    @Test
    void sixMonthsAboveTheLineWithACauseThatCannotBeRemovedIsStandingSupportNotExit() {
        assertThat(proposalFor(household().monthsAboveLine(6).causesRemaining().permanentCause()))
                .isEqualTo("STANDING_SUPPORT");
    }

    @Test
    void aCauseThatCannotBeRemovedMeansStandingSupportWhateverTheIncome() {
        assertThat(proposalFor(household().monthsAboveLine(0).causesRemaining().permanentCause()))
                .isEqualTo("STANDING_SUPPORT");
        assertThat(proposalFor(household().monthsAboveLine(3).causesRemaining().permanentCause()))
                .isEqualTo("STANDING_SUPPORT");
    }

    /**
     * The exit row comes first. If the visitor records that no cause remains although a member is ill
     * for life (the illness no longer keeps the household poor), the household meets plan 4's 脱困标准
     * and is proposed for exit; the county union confirms or keeps it. computeExitFacts normally
     * reports a permanent cause as a remaining cause too (docs/follow-up.md).
     */
    @Test
    void theExitRowComesFirstWhenTheVisitorFindsNoCauseLeftDespiteALastingIllness() {
        assertThat(proposalFor(household().monthsAboveLine(6).permanentCause())).isEqualTo("EXIT");
        assertThat(decidingRow()).isEqualTo("exitAfterSixMonthsAboveLine");
    }

    // --- the facts recorded in the file (解困 without the box)

    @ParameterizedTest(name = "a member with a {0} disability certificate: standing support")
    @ValueSource(strings = {"GRADE_1", "GRADE_2", "GRADE_3"})
    void aDisabilityOfGradeThreeOrWorseOnFileMeansStandingSupportWithoutTheBox(String grade) {
        assertThat(proposalFor(household().monthsAboveLine(0).causesRemaining().disability(grade)))
                .isEqualTo("STANDING_SUPPORT");
        assertThat(decidingRow()).isEqualTo("standingSupportForLastingDisability");
    }

    @Test
    void aGradeFourDisabilityAloneDoesNotStopTheSupportFromBeingReclassified() {
        assertThat(proposalFor(household().monthsAboveLine(0).causesRemaining().disability("GRADE_4")))
                .isEqualTo("CONTINUE");
    }

    @ParameterizedTest(name = "a member with {0} on file: standing support")
    @ValueSource(strings = {"CHRONIC_ILLNESS", "CRITICAL_ILLNESS", "LONG_TERM_CARE"})
    void aLastingIllnessOnFileMeansStandingSupportWithoutTheBox(String health) {
        assertThat(proposalFor(household().monthsAboveLine(2).causesRemaining().health(health)))
                .isEqualTo("STANDING_SUPPORT");
        assertThat(decidingRow()).isEqualTo("standingSupportForLastingIllness");
    }

    @Test
    void aHealthyHouseholdWithoutADisabilityIsReclassified() {
        assertThat(proposalFor(household().monthsAboveLine(3).causesRemaining().disability("NONE").health("HEALTHY")))
                .isEqualTo("CONTINUE");
    }

    /**
     * Plan 8: 刘忠滨 (肢体三级残疾) found work and his family asked to leave the deep-hardship register. Six
     * months above the line with no cause left proposes the exit even with a disability on file; the county
     * union confirms or keeps it.
     */
    @Test
    void sixMonthsAboveTheLineWithNoCauseLeftProposesTheExitEvenWithADisabilityOnFile() {
        assertThat(proposalFor(household().monthsAboveLine(6).disability("GRADE_3"))).isEqualTo("EXIT");
        assertThat(decidingRow()).isEqualTo("exitAfterSixMonthsAboveLine");
    }

    @Test
    void aHouseholdWhoseFactsAreMissingIsNeitherExitedNorPutOnStandingSupport() {
        VariableMap noFacts = Variables.createVariables()
                .putValue("monthsAboveLine", null)
                .putValue("causesRemaining", null)
                .putValue("permanentCause", null)
                .putValue("severestDisability", null)
                .putValue("severestHealth", null);

        assertThat(evaluate(noFacts)).isEqualTo("CONTINUE");
        assertThat(decidingRow()).isEqualTo("continueSupport");
    }

    // --- helpers

    private static Arguments row(String story, Household household, String proposal, String rowId) {
        return Arguments.of(story, household, proposal, rowId);
    }

    private String proposalFor(Household household) {
        return evaluate(household.variables());
    }

    private String evaluate(VariableMap variables) {
        return engine.getDecisionService()
                .evaluateDecisionTableByKey(DECISION, variables)
                .getSingleEntry();
    }

    private String decidingRow() {
        return DecisionRows.deciding(engine, DECISION);
    }

    private static Household household() {
        return new Household();
    }

    /** The facts {@code computeExitFacts} gives the table after a re-check: none remaining unless said. */
    static final class Household {
        private int monthsAboveLine;
        private boolean causesRemaining;
        private boolean permanentCause;
        private String disability = "NONE";
        private String health = "HEALTHY";

        Household monthsAboveLine(int months) {
            monthsAboveLine = months;
            return this;
        }

        Household causesRemaining() {
            causesRemaining = true;
            return this;
        }

        Household permanentCause() {
            permanentCause = true;
            return this;
        }

        Household disability(String severestGrade) {
            disability = severestGrade;
            return this;
        }

        Household health(String severestStatus) {
            health = severestStatus;
            return this;
        }

        VariableMap variables() {
            return Variables.createVariables()
                    .putValue("monthsAboveLine", monthsAboveLine)
                    .putValue("causesRemaining", causesRemaining)
                    .putValue("permanentCause", permanentCause)
                    .putValue("severestDisability", disability)
                    .putValue("severestHealth", health);
        }

        @Override
        public String toString() {
            return monthsAboveLine + " months above the line"
                    + (causesRemaining ? ", causes remaining" : ", no causes left")
                    + (permanentCause ? ", one of them permanent" : "")
                    + ("NONE".equals(disability) ? "" : ", disability " + disability)
                    + ("HEALTHY".equals(health) ? "" : ", " + health);
        }
    }
}
