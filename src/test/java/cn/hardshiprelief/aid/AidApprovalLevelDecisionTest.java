package cn.hardshiprelief.aid;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hardshiprelief.support.DecisionRows;
import java.util.stream.Stream;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code aidApprovalLevel} table (processes/aidApprovalLevel.dmn), row by row: who approves a grant
 * of a given amount in the aidGrant process. Up to 2000 yuan the branch union alone; above that up to
 * 10000 the county union too; above 10000 the county union's chair as well. Both limits belong to the
 * lower level, so the tests sit on the cent either side of each. Service kinds carry the amount 0 and
 * stay with the branch union. The limits are demonstration standards that managers change in Camunda
 * Modeler.
 */
@Deployment(resources = "processes/aidApprovalLevel.dmn")
class AidApprovalLevelDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-test.cfg.xml")
            .build();

    private static final String DECISION = "aidApprovalLevel";

    /** One grant per case, in table order, with the level and the row that must decide it. */
    static Stream<Arguments> everyCase() {
        return Stream.of(
                grant("a referral to a job fair (a service kind, amount 0) stays with the branch union", 0.0,
                        "BRANCH_UNION", "branchUnionUpTo2000"),
                grant("a 500 yuan holiday visit stays with the branch union", 500.0,
                        "BRANCH_UNION", "branchUnionUpTo2000"),
                grant("exactly 2000.00 yuan stays with the branch union", 2000.00,
                        "BRANCH_UNION", "branchUnionUpTo2000"),
                grant("2000.01 yuan goes to the county union", 2000.01,
                        "COUNTY_UNION", "countyUnionUpTo10000"),
                grant("a 5000 yuan doctoral grant goes to the county union", 5000.0,
                        "COUNTY_UNION", "countyUnionUpTo10000"),
                grant("exactly 10000.00 yuan stays with the county union", 10000.00,
                        "COUNTY_UNION", "countyUnionUpTo10000"),
                grant("10000.01 yuan goes to the county union's chair", 10000.01,
                        "COUNTY_UNION_CHAIR", "countyUnionChairAbove10000"),
                grant("a 20000 yuan medical grant goes to the county union's chair", 20000.0,
                        "COUNTY_UNION_CHAIR", "countyUnionChairAbove10000"));
    }

    @ParameterizedTest(name = "{0}: {2} by row {3}")
    @MethodSource("everyCase")
    void eachRowDecidesItsGrant(String story, Double amount, String expectedLevel, String expectedRow) {
        assertThat(approvalLevelFor(amount)).isEqualTo(expectedLevel);
        assertThat(decidingRow()).isEqualTo(expectedRow);
    }

    @Test
    void everyRowOfTheTableHasAGrantAbove() {
        assertThat(DecisionRows.named(everyCase(), 3)).containsExactlyInAnyOrderElementsOf(DecisionRows.of(DECISION));
    }

    @Test
    void aGrantWithoutAnAmountGoesToTheHighestLevelRatherThanSlippingThrough() {
        assertThat(approvalLevelFor(null)).isEqualTo("COUNTY_UNION_CHAIR");
        assertThat(decidingRow()).isEqualTo("countyUnionChairAbove10000");
    }

    @Test
    void anAmountPassedAsAWholeNumberIsDecidedLikeTheSameAmountInYuanAndFen() {
        assertThat(approvalLevelFor(2000)).isEqualTo("BRANCH_UNION");
        assertThat(decidingRow()).isEqualTo("branchUnionUpTo2000");
    }

    // --- helpers

    private static Arguments grant(String story, Double amount, String level, String rowId) {
        return Arguments.of(story, amount, level, rowId);
    }

    private String approvalLevelFor(Object amount) {
        return engine.getDecisionService()
                .evaluateDecisionTableByKey(DECISION, Variables.createVariables().putValue("amount", amount))
                .getSingleEntry();
    }

    private String decidingRow() {
        return DecisionRows.deciding(engine, DECISION);
    }
}
