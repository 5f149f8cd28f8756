package cn.hardshiprelief.enrollment;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The story of one 困难职工建档申请 through the four reviews, told against the BPMN alone: the
 * delegate and listeners are recording mocks, so these tests pin the process contract (ids,
 * conditions, groups, forms, where a corrected application resumes), not the application code.
 */
@Deployment(resources = {
        "processes/hardshipEnrollment.bpmn",
        "forms/reviewApplication.form",
        "forms/correctApplication.form"})
class HardshipEnrollmentProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-test.cfg.xml")
            .build();

    private static final String PROCESS = "hardshipEnrollment";

    private static final String REVIEW_BY_DEPARTMENT_HEAD = "reviewByDepartmentHead";
    private static final String REVIEW_BY_DIRECTOR = "reviewByDirector";
    private static final String REVIEW_BY_HR = "reviewByHr";
    private static final String APPROVE_BY_GENERAL_OFFICE = "approveByGeneralOffice";
    private static final List<String> REVIEW_STEPS = List.of(
            REVIEW_BY_DEPARTMENT_HEAD, REVIEW_BY_DIRECTOR, REVIEW_BY_HR, APPROVE_BY_GENERAL_OFFICE);

    private static final String CORRECT_APPLICATION = "correctApplication";
    private static final String CONFIRM_HARDSHIP_WORKER = "confirmHardshipWorker";
    private static final String APPLICATION_APPROVED = "applicationApproved";
    private static final String APPLICATION_REJECTED = "applicationRejected";

    private static final long APPLICATION_ID = 42L;
    private static final String APPLICANT = "zhangsan";

    private final RecordingTaskListener reviewDecisionListener = new RecordingTaskListener("decision");
    private final RecordingTaskListener resubmissionListener = new RecordingTaskListener("correctionNote");
    private final RecordingDelegate confirmHardshipWorker = new RecordingDelegate();

    @BeforeEach
    void useTheTestEngineAndRecordingMocks() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("reviewDecisionListener", reviewDecisionListener);
        Mocks.register("resubmissionListener", resubmissionListener);
        Mocks.register("confirmHardshipWorker", confirmHardshipWorker);
    }

    @AfterEach
    void forgetTheMocks() {
        Mocks.reset();
    }

    @Test
    void anApplicationApprovedAtEveryStepIsConfirmedAsAHardshipWorker() {
        ProcessInstance application = submitApplication();

        REVIEW_STEPS.forEach(step -> approve(step, application));

        assertThat(application).isEnded()
                .hasPassedInOrder(REVIEW_BY_DEPARTMENT_HEAD, REVIEW_BY_DIRECTOR, REVIEW_BY_HR,
                        APPROVE_BY_GENERAL_OFFICE, CONFIRM_HARDSHIP_WORKER, APPLICATION_APPROVED)
                .hasNotPassed(CORRECT_APPLICATION, APPLICATION_REJECTED);
        Assertions.assertThat(confirmHardshipWorker.confirmedApplicationIds).containsExactly(APPLICATION_ID);
        Assertions.assertThat(reviewDecisionListener.completions).containsExactly(
                "reviewByDepartmentHead:approve", "reviewByDirector:approve",
                "reviewByHr:approve", "approveByGeneralOffice:approve");
        Assertions.assertThat(resubmissionListener.completions).isEmpty();
    }

    @ParameterizedTest(name = "rejected at {0}")
    @ValueSource(strings = {REVIEW_BY_DEPARTMENT_HEAD, REVIEW_BY_DIRECTOR, REVIEW_BY_HR, APPROVE_BY_GENERAL_OFFICE})
    void anApplicationRejectedAtAnyStepEndsRejectedWithoutBeingConfirmed(String rejectingStep) {
        ProcessInstance application = submitApplication();
        List<String> earlierSteps = REVIEW_STEPS.subList(0, REVIEW_STEPS.indexOf(rejectingStep));
        List<String> laterSteps = REVIEW_STEPS.subList(REVIEW_STEPS.indexOf(rejectingStep) + 1, REVIEW_STEPS.size());

        earlierSteps.forEach(step -> approve(step, application));
        decide(rejectingStep, application, "reject", "家庭人均月收入高于帮扶标准");

        assertThat(application).isEnded()
                .hasPassed(rejectingStep, APPLICATION_REJECTED)
                .hasNotPassed(CONFIRM_HARDSHIP_WORKER, APPLICATION_APPROVED, CORRECT_APPLICATION);
        if (!laterSteps.isEmpty()) {
            assertThat(application).hasNotPassed(laterSteps.toArray(String[]::new));
        }
        Assertions.assertThat(confirmHardshipWorker.confirmedApplicationIds).isEmpty();
        Assertions.assertThat(reviewDecisionListener.completions).last().isEqualTo(rejectingStep + ":reject");
    }

    @Test
    void anApplicationReturnedByTheDirectorIsCorrectedAndResumesAtTheDirectorNotAtTheDepartmentHead() {
        ProcessInstance application = submitApplication();
        approve(REVIEW_BY_DEPARTMENT_HEAD, application);

        decide(REVIEW_BY_DIRECTOR, application, "return", "请补充父亲的病历");

        assertThat(application).isWaitingAtExactly(CORRECT_APPLICATION)
                .variables()
                .containsEntry("returnedFrom", REVIEW_BY_DIRECTOR)
                .containsEntry("comment", "请补充父亲的病历");
        assertThat(task(CORRECT_APPLICATION, application)).isAssignedTo(APPLICANT);

        complete(task(CORRECT_APPLICATION, application), withVariables("correctionNote", "已上传病历"));

        assertThat(application).isWaitingAtExactly(REVIEW_BY_DIRECTOR);
        Assertions.assertThat(timesReached(application, REVIEW_BY_DEPARTMENT_HEAD)).isEqualTo(1);
        Assertions.assertThat(timesReached(application, REVIEW_BY_DIRECTOR)).isEqualTo(2);
        Assertions.assertThat(resubmissionListener.completions).containsExactly("correctApplication:已上传病历");

        approve(REVIEW_BY_DIRECTOR, application);
        approve(REVIEW_BY_HR, application);
        approve(APPROVE_BY_GENERAL_OFFICE, application);

        assertThat(application).isEnded().hasPassed(CONFIRM_HARDSHIP_WORKER, APPLICATION_APPROVED);
        Assertions.assertThat(confirmHardshipWorker.confirmedApplicationIds).containsExactly(APPLICATION_ID);
    }

    @ParameterizedTest(name = "returned at {0}")
    @ValueSource(strings = {REVIEW_BY_DEPARTMENT_HEAD, APPROVE_BY_GENERAL_OFFICE})
    void anApplicationReturnedAtTheFirstOrLastStepResumesAtThatStep(String returningStep) {
        ProcessInstance application = submitApplication();
        REVIEW_STEPS.subList(0, REVIEW_STEPS.indexOf(returningStep)).forEach(step -> approve(step, application));

        decide(returningStep, application, "return", "证明材料不清晰");
        assertThat(application).isWaitingAtExactly(CORRECT_APPLICATION)
                .variables().containsEntry("returnedFrom", returningStep);
        complete(task(CORRECT_APPLICATION, application), withVariables("correctionNote", "已重新上传"));

        assertThat(application).isWaitingAtExactly(returningStep);
        Assertions.assertThat(timesReached(application, returningStep)).isEqualTo(2);
        REVIEW_STEPS.subList(0, REVIEW_STEPS.indexOf(returningStep)).forEach(earlierStep ->
                Assertions.assertThat(timesReached(application, earlierStep)).as("%s is not repeated", earlierStep)
                        .isEqualTo(1));
    }

    @Test
    void eachReviewIsOfferedToTheGroupOfTheApplicantsDepartmentOrCompanyAndTheCorrectionGoesToTheApplicant() {
        ProcessInstance application = submitApplication();
        Map<String, String> expectedGroups = Map.of(
                REVIEW_BY_DEPARTMENT_HEAD, "departmentHead_D1",
                REVIEW_BY_DIRECTOR, "director_C1",
                REVIEW_BY_HR, "hr_C1",
                APPROVE_BY_GENERAL_OFFICE, "generalOffice_C1");

        for (String step : REVIEW_STEPS) {
            Task review = task(step, application);
            assertThat(review).isNotAssigned();
            Assertions.assertThat(candidateGroupsOf(review)).as("candidate groups of %s", step)
                    .containsExactly(expectedGroups.get(step));
            approve(step, application);
        }
        ProcessInstance returned = submitApplication();
        approve(REVIEW_BY_DEPARTMENT_HEAD, returned);
        decide(REVIEW_BY_DIRECTOR, returned, "return", "请补充材料");

        Task correction = task(CORRECT_APPLICATION, returned);
        assertThat(correction).isAssignedTo(APPLICANT);
        Assertions.assertThat(candidateGroupsOf(correction)).isEmpty();
    }

    @Test
    void reviewersAndTheApplicantOpenTheCamundaFormsDeployedWithTheProcess() throws IOException {
        ProcessInstance application = submitApplication();
        for (String step : REVIEW_STEPS) {
            Assertions.assertThat(deployedFormIdOf(task(step, application))).as("form of %s", step)
                    .isEqualTo("reviewApplication");
            if (step.equals(APPROVE_BY_GENERAL_OFFICE)) {
                decide(step, application, "return", "请补充材料");
            } else {
                approve(step, application);
            }
        }

        Assertions.assertThat(deployedFormIdOf(task(CORRECT_APPLICATION, application)))
                .isEqualTo("correctApplication");
    }

    // --- the steps of the story

    private ProcessInstance submitApplication() {
        return runtimeService().startProcessInstanceByKey(PROCESS, "KN-2025-0001", withVariables(
                "applicationId", APPLICATION_ID,
                "applicationNumber", "KN-2025-0001",
                "applicantName", "张三",
                "perCapitaIncome", "1234.50",
                "departmentCode", "D1",
                "companyCode", "C1",
                "filedBy", APPLICANT));
    }

    private void approve(String step, ProcessInstance application) {
        decide(step, application, "approve", "情况属实");
    }

    private void decide(String step, ProcessInstance application, String decision, String comment) {
        assertThat(application).isWaitingAtExactly(step);
        complete(task(step, application), withVariables("decision", decision, "comment", comment));
    }

    private long timesReached(ProcessInstance application, String activityId) {
        return historyService().createHistoricActivityInstanceQuery()
                .processInstanceId(application.getId())
                .activityId(activityId)
                .count();
    }

    private List<String> candidateGroupsOf(Task task) {
        return taskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .toList();
    }

    /** Resolves the task's camunda:formRef to the form deployed with it and returns that form's JSON id. */
    private String deployedFormIdOf(Task task) throws IOException {
        CamundaFormRef formRef = formService().getTaskFormData(task.getId()).getCamundaFormRef();
        Assertions.assertThat(formRef.getBinding()).isEqualTo("deployment");
        try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
            JsonNode json = new ObjectMapper().readTree(form);
            Assertions.assertThat(json.path("id").asText()).isEqualTo(formRef.getKey());
            return json.path("id").asText();
        }
    }

    // --- recording mocks standing in for the application's beans

    /** Records "taskDefinitionKey:value" of one variable for every task completion it hears. */
    static final class RecordingTaskListener implements TaskListener {
        final List<String> completions = new ArrayList<>();
        private final String variable;

        RecordingTaskListener(String variable) {
            this.variable = variable;
        }

        @Override
        public void notify(DelegateTask task) {
            completions.add(task.getTaskDefinitionKey() + ":" + task.getVariable(variable));
        }
    }

    /** Records the applicationId of every application it is asked to confirm. */
    static final class RecordingDelegate implements JavaDelegate {
        final List<Object> confirmedApplicationIds = new ArrayList<>();

        @Override
        public void execute(DelegateExecution execution) {
            confirmedApplicationIds.add(execution.getVariable("applicationId"));
        }
    }
}
