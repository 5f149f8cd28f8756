package cn.hardshiprelief.process.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.hardshiprelief.support.ReviewChainMocks;
import cn.hardshiprelief.shared.ConflictException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 回退 inside the review chain: the open step goes back to one already passed, which opens again for its
 * group; the chain goes on from there as drawn, and a later return for correction resumes at the step that
 * returned it. Steps not yet passed, and a step no longer open, are refused and nothing moves.
 */
@Deployment(resources = {"processes/hardshipEnrollment.bpmn", "forms/reviewApplication.form",
        "forms/correctApplication.form", "forms/verifyHousehold.form", "forms/decideObjection.form"})
class ReviewChainMovesTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-test.cfg.xml")
            .build();

    private ReviewChainMoves moves;

    @BeforeEach
    void recordNothingAndUseTheRealOutcome() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ReviewChainMocks.register();
        moves = new ReviewChainMoves(runtimeService(), historyService());
    }

    @AfterEach
    void forgetTheMocks() {
        Mocks.reset();
    }

    @Test
    void hrSendsTheApplicationTwoStepsBackToTheDepartmentHeadAndTheChainGoesOnFromThere() {
        ProcessInstance application = submit("enterprise");
        decide(application, "reviewByDepartmentHead", "approve");
        decide(application, "reviewByDirector", "approve");
        BpmnAwareTests.assertThat(application).isWaitingAtExactly("reviewChain", "reviewByHr");

        moves.returnToStep(application.getId(), "reviewByHr", "reviewByDepartmentHead");

        BpmnAwareTests.assertThat(application).isWaitingAtExactly("reviewChain", "reviewByDepartmentHead");
        BpmnAwareTests.assertThat(task("reviewByDepartmentHead", application)).hasCandidateGroup("departmentHead_D1");
        assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(application.getId())
                .taskDefinitionKey("reviewByHr").finished().singleResult().getDeleteReason()).isNotEqualTo("completed");
        decide(application, "reviewByDepartmentHead", "approve");
        decide(application, "reviewByDirector", "return");
        BpmnAwareTests.assertThat(application).isWaitingAtExactly("correctApplication");
        complete(task("correctApplication", application), withVariables("correctionNote", "已补充"));
        BpmnAwareTests.assertThat(application).isWaitingAtExactly("reviewChain", "reviewByDirector");
    }

    @Test
    void theUnionRouteGoesBackFromTheCountyUnionToTheHouseholdVisit() {
        ProcessInstance application = submit("union");
        decide(application, "reviewByBranchUnion", "approve");
        complete(task("verifyHousehold", application), withVariables("verificationComplete", true));

        moves.returnToStep(application.getId(), "approveByCountyUnion", "verifyHousehold");

        BpmnAwareTests.assertThat(application).isWaitingAtExactly("reviewChain", "verifyHousehold");
    }

    @Test
    void aStepNotYetPassedOrNoLongerOpenIsRefusedAndNothingMoves() {
        ProcessInstance application = submit("enterprise");
        decide(application, "reviewByDepartmentHead", "approve");

        assertThatThrownBy(() -> moves.returnToStep(application.getId(), "reviewByDirector", "reviewByHr"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("review.returnTo.notEarlier");
        assertThatThrownBy(() -> moves.returnToStep(application.getId(), "reviewByDirector", "reviewByDirector"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("review.returnTo.notEarlier");
        assertThatThrownBy(() -> moves.returnToStep(application.getId(), "reviewByHr", "reviewByDepartmentHead"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("review.returnTo.notOpen");
        assertThatThrownBy(() -> moves.returnToStep(application.getId(), "reviewByDirector", "matchCivilAffairsRecords"))
                .isInstanceOf(ConflictException.class);
        BpmnAwareTests.assertThat(application).isWaitingAtExactly("reviewChain", "reviewByDirector");
    }

    private ProcessInstance submit(String route) {
        Map<String, Object> variables = new HashMap<>(Map.of("applicationId", 42L, "applicationNumber", "SQ0000000042",
                "route", route, "departmentCode", "D1", "companyCode", "C1", "branchUnionCode", "B1",
                "countyUnionCode", "CU1", "regionCode", "230602", "onDay", 20261129, "noticePeriod", "P5D"));
        variables.put("filedBy", "zhangsan");
        return runtimeService().startProcessInstanceByKey("hardshipEnrollment", "42", variables);
    }

    private void decide(ProcessInstance application, String step, String decision) {
        complete(task(step, application), withVariables("decision", decision, "comment", "意见"));
    }
}
