package cn.hardshiprelief.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.hardshiprelief.support.ReviewChainMocks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.migration.MigrationInstructionsBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Applications still running on the enrollment diagram with a decision gateway per step (versions before
 * the review chain) may stay there: every bean they name still exists, so they finish as they started.
 * A manager who wants them on the new diagram migrates them with the plan below (docs/enrollment.md):
 * each review step maps to the same step inside {@code reviewChain}; an application waiting for the
 * applicant's correction carries its old {@code returnedFrom} over as {@code reviewFrom}, so it still
 * comes back to the step that returned it.
 */
class ReviewChainMigrationTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-test.cfg.xml")
            .build();

    private static final List<String> CHAIN_STEPS = List.of("reviewByDepartmentHead", "reviewByDirector", "reviewByHr",
            "approveByGeneralOffice", "reviewByBranchUnion", "verifyHousehold", "approveByCountyUnion");

    private ProcessDefinition before;
    private ProcessDefinition after;

    @BeforeEach
    void deployTheDiagramBeforeAndAfterTheReviewChain() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ReviewChainMocks.register();
        RepositoryService repository = engine.getRepositoryService();
        before = definitionOf(repository.createDeployment()
                .addClasspathResource("processes-before/hardshipEnrollment-per-step-gateways.bpmn")
                .addClasspathResource("forms/reviewApplication.form")
                .addClasspathResource("forms/correctApplication.form")
                .addClasspathResource("forms/verifyHousehold.form")
                .addClasspathResource("forms/decideObjection.form")
                .deploy().getId());
        after = definitionOf(repository.createDeployment()
                .addClasspathResource("processes/hardshipEnrollment.bpmn")
                .addClasspathResource("forms/reviewApplication.form")
                .addClasspathResource("forms/correctApplication.form")
                .addClasspathResource("forms/verifyHousehold.form")
                .addClasspathResource("forms/decideObjection.form")
                .deploy().getId());
    }

    @AfterEach
    void cleanUp() {
        Mocks.reset();
        engine.getRepositoryService().createDeploymentQuery().list()
                .forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
    }

    @Test
    void anApplicationWaitingAtAStepMovesIntoTheChainAtThatStepAndGoesOnFromThere() {
        ProcessInstance application = submitOn(before, "KN-2026-0101");
        decide(application, "reviewByDepartmentHead", "approve");

        migrate(List.of(application), Map.of());

        assertThat(definitionIdOf(application)).isEqualTo(after.getId());
        BpmnAwareTests.assertThat(application).isWaitingAtExactly("reviewChain", "reviewByDirector");
        decide(application, "reviewByDirector", "approve");
        BpmnAwareTests.assertThat(application).isWaitingAtExactly("reviewChain", "reviewByHr");
    }

    @Test
    void anApplicationWaitingForItsCorrectionStillComesBackToTheStepThatReturnedIt() {
        ProcessInstance application = submitOn(before, "KN-2026-0102");
        decide(application, "reviewByDepartmentHead", "approve");
        decide(application, "reviewByDirector", "approve");
        decide(application, "reviewByHr", "return");
        BpmnAwareTests.assertThat(application).isWaitingAtExactly("correctApplication");
        String returnedFrom = (String) runtimeService().getVariable(application.getId(), "returnedFrom");

        migrate(List.of(application), Map.of("reviewFrom", returnedFrom));

        complete(task("correctApplication", application), withVariables("correctionNote", "已补充材料"));
        BpmnAwareTests.assertThat(application).isWaitingAtExactly("reviewChain", "reviewByHr");
        assertThat(runtimeService().getVariable(application.getId(), "reviewFrom")).isEqualTo("reviewByHr");
    }

    /** The plan a manager runs (grouped by {@code returnedFrom} for applications awaiting correction). */
    private void migrate(List<ProcessInstance> applications, Map<String, Object> variables) {
        MigrationInstructionsBuilder plan = runtimeService().createMigrationPlan(before.getId(), after.getId())
                .mapEqualActivities();
        for (String step : CHAIN_STEPS) {
            plan.mapActivities(step, step);
        }
        MigrationPlan built = plan.setVariables(variables).build();
        runtimeService().newMigration(built)
                .processInstanceIds(applications.stream().map(ProcessInstance::getId).toList())
                .execute();
    }

    private ProcessInstance submitOn(ProcessDefinition definition, String applicationNumber) {
        Map<String, Object> variables = new HashMap<>(Map.of(
                "applicationId", 7L, "applicationNumber", applicationNumber, "route", "enterprise",
                "departmentCode", "D1", "companyCode", "C1", "branchUnionCode", "B1",
                "countyUnionCode", "CU1", "regionCode", "230602", "onDay", 20261129));
        variables.put("noticePeriod", "P5D");
        variables.put("filedBy", "zhangsan");
        return runtimeService().startProcessInstanceById(definition.getId(), applicationNumber, variables);
    }

    private void decide(ProcessInstance application, String step, String decision) {
        complete(task(step, application), withVariables("decision", decision, "comment", "意见"));
    }

    private String definitionIdOf(ProcessInstance application) {
        return runtimeService().createProcessInstanceQuery().processInstanceId(application.getId())
                .singleResult().getProcessDefinitionId();
    }

    private ProcessDefinition definitionOf(String deploymentId) {
        return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deploymentId)
                .processDefinitionKey("hardshipEnrollment").singleResult();
    }
}
