package cn.hardshiprelief.campaign;

import static cn.hardshiprelief.support.TaskOffers.deployedFormIdOf;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.hardshiprelief.process.campaign.WarmthCampaignProcess;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
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

/**
 * A warmth campaign (送温暖慰问活动) told against the BPMN: the county union approves or rejects the
 * list, an approved list is paid in parallel batches of 100 households, each batch its own job, and a
 * batch that keeps failing becomes one incident after three tries five minutes apart while the other
 * batches are paid. Delegates and the listener are test doubles, so these tests pin the process
 * contract (ids, group, form, multi-instance, jobs and retries), not the application code.
 */
@Deployment(resources = {"processes/warmthCampaign.bpmn", "forms/approveCampaignList.form"})
class WarmthCampaignProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-test.cfg.xml")
            .build();

    private static final String PROCESS = WarmthCampaignProcess.PROCESS_ID;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** A morning before the Spring Festival, when the warmth lists go out. */
    private static final LocalDateTime LIST_SUBMITTED = LocalDateTime.of(2026, 2, 2, 9, 0);
    private static final Duration RETRY_WAIT = Duration.ofMinutes(5);

    private static final long CAMPAIGN_ID = 31L;
    private static final String COUNTY = "CU01";
    private static final String COUNTY_UNION_GROUP = "countyUnion_CU01";

    private final BatchPayer payCampaignBatch = new BatchPayer();
    private final CountingDelegate cancelCampaign = new CountingDelegate();
    private final CountingDelegate completeCampaign = new CountingDelegate();
    private final ApprovalListener campaignApprovalListener = new ApprovalListener();

    @BeforeEach
    void aMorningBeforeTheSpringFestivalWithRecordingMocks() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(date(LIST_SUBMITTED));
        Mocks.register("campaignApprovalListener", campaignApprovalListener);
        Mocks.register("cancelCampaignDelegate", cancelCampaign);
        Mocks.register("payCampaignBatchDelegate", payCampaignBatch);
        Mocks.register("completeCampaignDelegate", completeCampaign);
    }

    @AfterEach
    void forgetTheMocksAndTheClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    // --- approval

    @Test
    void theSubmittedListWaitsForTheCountyUnionWithTheApprovalForm() throws IOException {
        ProcessInstance campaign = campaignListSubmitted(5);

        assertThat(campaign).isWaitingAt(WarmthCampaignProcess.APPROVE_CAMPAIGN_LIST)
                .hasPassed(WarmthCampaignProcess.CAMPAIGN_LIST_SUBMITTED);
        Task approval = approvalTask(campaign);
        Assertions.assertThat(approval.getAssignee()).isNull();
        Assertions.assertThat(candidateGroupOf(approval)).isEqualTo(COUNTY_UNION_GROUP);
        Assertions.assertThat(deployedFormIdOf(approval)).isEqualTo(WarmthCampaignProcess.APPROVE_CAMPAIGN_LIST_FORM);
        Assertions.assertThat(jobsOf(campaign)).as("nothing is paid before the approval").isEmpty();
    }

    @Test
    void aRejectedListCancelsTheCampaignAndNoBatchIsPaid() {
        ProcessInstance campaign = campaignListSubmitted(5);

        countyUnionDecides(campaign, false, "名单中有两户已脱困");

        assertThat(campaign).isEnded().hasPassedInOrder(WarmthCampaignProcess.APPROVE_CAMPAIGN_LIST,
                        WarmthCampaignProcess.IS_CAMPAIGN_LIST_APPROVED, WarmthCampaignProcess.CANCEL_CAMPAIGN,
                        WarmthCampaignProcess.CAMPAIGN_REJECTED)
                .hasNotPassed(WarmthCampaignProcess.PAY_CAMPAIGN_BATCH, WarmthCampaignProcess.COMPLETE_CAMPAIGN);
        Assertions.assertThat(campaignApprovalListener.decisions).containsExactly(false);
        Assertions.assertThat(cancelCampaign.campaignIds).containsExactly(CAMPAIGN_ID);
        Assertions.assertThat(payCampaignBatch.attempts).isEmpty();
        Assertions.assertThat(completeCampaign.campaignIds).isEmpty();
    }

    @Test
    void aListRejectedInTasklistWithTheFormsTextValueIsCancelledToo() {
        ProcessInstance campaign = campaignListSubmitted(5);

        // the form's radio values are the strings "true" and "false" (as in every form the Modeler edits);
        // the gateway compares with == true / == false, which reads a string as well as a Boolean
        taskService().complete(approvalTask(campaign).getId(), withVariables("approved", "false", "comment", "不批准"));

        assertThat(campaign).isEnded().hasPassed(WarmthCampaignProcess.CAMPAIGN_REJECTED);
        Assertions.assertThat(payCampaignBatch.attempts).isEmpty();
    }

    // --- paying in batches

    @Test
    void anApprovedListOfFiveBatchesIsPaidAsFiveJobsEachBatchOnceAndTheCampaignCompletes() {
        ProcessInstance campaign = campaignListSubmitted(5);

        countyUnionDecides(campaign, true, "同意按名单发放");

        assertThat(campaign).isWaitingAt(WarmthCampaignProcess.PAY_CAMPAIGN_BATCH);
        List<Job> batches = jobsOf(campaign);
        Assertions.assertThat(batches).as("one job per batch").hasSize(5)
                .allSatisfy(job -> Assertions.assertThat(job.getRetries()).isEqualTo(3))
                .extracting(Job::getExecutionId).doesNotHaveDuplicates();
        Assertions.assertThat(payCampaignBatch.attempts).as("the approval only creates the jobs").isEmpty();

        batches.forEach(job -> managementService().executeJob(job.getId()));

        Assertions.assertThat(payCampaignBatch.paid).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        Assertions.assertThat(payCampaignBatch.campaignIds).containsOnly(CAMPAIGN_ID);
        Assertions.assertThat(completeCampaign.campaignIds).containsExactly(CAMPAIGN_ID);
        assertThat(campaign).isEnded().hasPassedInOrder(WarmthCampaignProcess.IS_CAMPAIGN_LIST_APPROVED,
                        WarmthCampaignProcess.PAY_CAMPAIGN_BATCH, WarmthCampaignProcess.COMPLETE_CAMPAIGN,
                        WarmthCampaignProcess.CAMPAIGN_COMPLETED)
                .hasNotPassed(WarmthCampaignProcess.CANCEL_CAMPAIGN);
        Assertions.assertThat(cancelCampaign.campaignIds).isEmpty();
    }

    @Test
    void theCampaignWaitsUntilTheLastBatchIsPaid() {
        ProcessInstance campaign = approvedCampaign(3);
        List<Job> batches = jobsOf(campaign);

        managementService().executeJob(batches.get(0).getId());
        managementService().executeJob(batches.get(1).getId());

        assertThat(campaign).isWaitingAt(WarmthCampaignProcess.PAY_CAMPAIGN_BATCH)
                .hasNotPassed(WarmthCampaignProcess.COMPLETE_CAMPAIGN);
        Assertions.assertThat(completeCampaign.campaignIds).isEmpty();

        managementService().executeJob(batches.get(2).getId());

        assertThat(campaign).isEnded().hasPassed(WarmthCampaignProcess.CAMPAIGN_COMPLETED);
        Assertions.assertThat(payCampaignBatch.paid).containsExactlyInAnyOrder(0, 1, 2);
    }

    // --- a failing batch

    @Test
    void aFailingBatchIsTriedThreeTimesFiveMinutesApartAndThenBecomesAnIncident() {
        payCampaignBatch.failingBatch = 2;
        ProcessInstance campaign = approvedCampaign(5);
        Job batch2 = jobOfBatch(campaign, 2);
        Assertions.assertThat(batch2.getRetries()).isEqualTo(3);

        Date firstTry = ClockUtil.getCurrentTime();
        batchFails(batch2);
        Job afterFirst = job(batch2.getId());
        Assertions.assertThat(afterFirst.getRetries()).isEqualTo(2);
        Assertions.assertThat(afterFirst.getDuedate()).as("R3/PT5M: the next try in five minutes")
                .isEqualTo(Date.from(firstTry.toInstant().plus(RETRY_WAIT)));
        Assertions.assertThat(afterFirst.getExceptionMessage()).contains("第2批");
        Assertions.assertThat(isExecutableNow(batch2)).as("not due before the five minutes are up").isFalse();
        Assertions.assertThat(incidentsOf(campaign)).isEmpty();

        ClockUtil.setCurrentTime(afterFirst.getDuedate());
        Assertions.assertThat(isExecutableNow(batch2)).as("due after five minutes").isTrue();
        batchFails(batch2);
        Job afterSecond = job(batch2.getId());
        Assertions.assertThat(afterSecond.getRetries()).isEqualTo(1);
        Assertions.assertThat(afterSecond.getDuedate())
                .isEqualTo(Date.from(afterFirst.getDuedate().toInstant().plus(RETRY_WAIT)));
        Assertions.assertThat(incidentsOf(campaign)).isEmpty();

        ClockUtil.setCurrentTime(afterSecond.getDuedate());
        batchFails(batch2);

        Assertions.assertThat(job(batch2.getId()).getRetries()).isZero();
        Assertions.assertThat(incidentsOf(campaign)).as("an incident after the third try").hasSize(1);
        Assertions.assertThat(payCampaignBatch.attempts.stream().filter(batch -> batch == 2)).hasSize(3);
    }

    @Test
    void aBatchThatKeepsFailingEndsAsOneIncidentWhileTheOtherFourBatchesArePaid() {
        payCampaignBatch.failingBatch = 2;
        ProcessInstance campaign = approvedCampaign(5);

        executeEveryJobUntilOnlyFailedOnesRemain(campaign);

        List<Job> left = jobsOf(campaign);
        Assertions.assertThat(left).as("only the failing batch's job is left").hasSize(1);
        Job failed = left.get(0);
        Assertions.assertThat(failed.getRetries()).isZero();
        Assertions.assertThat(loopCounterOf(failed)).isEqualTo(2);
        List<Incident> incidents = incidentsOf(campaign);
        Assertions.assertThat(incidents).hasSize(1);
        Incident incident = incidents.get(0);
        Assertions.assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        Assertions.assertThat(incident.getActivityId()).isEqualTo(WarmthCampaignProcess.PAY_CAMPAIGN_BATCH);
        Assertions.assertThat(incident.getConfiguration()).isEqualTo(failed.getId());
        Assertions.assertThat(incident.getIncidentMessage()).contains("第2批");

        Assertions.assertThat(payCampaignBatch.paid).containsExactlyInAnyOrder(0, 1, 3, 4);
        Assertions.assertThat(payCampaignBatch.attempts.stream().filter(batch -> batch == 2)).hasSize(3);
        assertThat(campaign).isNotEnded().isWaitingAt(WarmthCampaignProcess.PAY_CAMPAIGN_BATCH)
                .hasNotPassed(WarmthCampaignProcess.COMPLETE_CAMPAIGN);
        Assertions.assertThat(completeCampaign.campaignIds).isEmpty();
    }

    @Test
    void onceTheFailureIsFixedAndTheJobRetriedTheCampaignCompletes() {
        payCampaignBatch.failingBatch = 2;
        ProcessInstance campaign = approvedCampaign(5);
        executeEveryJobUntilOnlyFailedOnesRemain(campaign);
        Job failed = jobsOf(campaign).get(0);

        payCampaignBatch.failingBatch = null;
        managementService().setJobRetries(failed.getId(), 1);
        Assertions.assertThat(incidentsOf(campaign)).as("setting retries resolves the incident").isEmpty();
        managementService().executeJob(failed.getId());

        Assertions.assertThat(payCampaignBatch.paid).containsExactlyInAnyOrder(0, 1, 3, 4, 2);
        Assertions.assertThat(completeCampaign.campaignIds).containsExactly(CAMPAIGN_ID);
        assertThat(campaign).isEnded().hasPassed(WarmthCampaignProcess.CAMPAIGN_COMPLETED);
        Assertions.assertThat(jobsOf(campaign)).isEmpty();
    }

    // --- the steps of the story

    private ProcessInstance campaignListSubmitted(int batchCount) {
        return runtimeService().startProcessInstanceByKey(PROCESS, String.valueOf(CAMPAIGN_ID), withVariables(
                WarmthCampaignProcess.CAMPAIGN_ID, CAMPAIGN_ID,
                WarmthCampaignProcess.UNIT_CODE, "CU01B01",
                WarmthCampaignProcess.COUNTY_UNIT_CODE, COUNTY,
                WarmthCampaignProcess.BATCH_COUNT, batchCount));
    }

    private ProcessInstance approvedCampaign(int batchCount) {
        ProcessInstance campaign = campaignListSubmitted(batchCount);
        countyUnionDecides(campaign, true, "同意");
        Assertions.assertThat(jobsOf(campaign)).hasSize(batchCount);
        return campaign;
    }

    private void countyUnionDecides(ProcessInstance campaign, boolean approved, String comment) {
        taskService().complete(approvalTask(campaign).getId(), withVariables(
                WarmthCampaignProcess.APPROVED, approved, WarmthCampaignProcess.COMMENT, comment));
    }

    private void batchFails(Job job) {
        Assertions.assertThatThrownBy(() -> managementService().executeJob(job.getId()))
                .hasMessageContaining("第2批");
    }

    /**
     * Runs the jobs as the job executor would: every due job, then the clock moved on to the next retry,
     * until no job has retries left to try.
     */
    private void executeEveryJobUntilOnlyFailedOnesRemain(ProcessInstance campaign) {
        for (int round = 0; round < 10; round++) {
            List<Job> withRetries = managementService().createJobQuery().processInstanceId(campaign.getId())
                    .withRetriesLeft().list();
            if (withRetries.isEmpty()) {
                return;
            }
            List<Job> due = managementService().createJobQuery().processInstanceId(campaign.getId())
                    .executable().list();
            if (due.isEmpty()) {
                ClockUtil.setCurrentTime(withRetries.stream().map(Job::getDuedate)
                        .min(Comparator.naturalOrder()).orElseThrow());
                continue;
            }
            for (Job job : due) {
                try {
                    managementService().executeJob(job.getId());
                } catch (RuntimeException failed) {
                    // the engine has counted the retry down; the next round tries again when it is due
                }
            }
        }
        Assertions.fail("jobs still have retries left after ten rounds");
    }

    // --- looking at the engine

    private static Date date(LocalDateTime time) {
        return Date.from(ZonedDateTime.of(time, CHINA).toInstant());
    }

    private Task approvalTask(ProcessInstance campaign) {
        return taskService().createTaskQuery().processInstanceId(campaign.getId())
                .taskDefinitionKey(WarmthCampaignProcess.APPROVE_CAMPAIGN_LIST).singleResult();
    }

    private List<Job> jobsOf(ProcessInstance campaign) {
        return managementService().createJobQuery().processInstanceId(campaign.getId()).list();
    }

    private Job job(String jobId) {
        return managementService().createJobQuery().jobId(jobId).singleResult();
    }

    private Job jobOfBatch(ProcessInstance campaign, int batch) {
        return jobsOf(campaign).stream().filter(job -> loopCounterOf(job) == batch).findFirst().orElseThrow();
    }

    private int loopCounterOf(Job job) {
        return (Integer) runtimeService().getVariable(job.getExecutionId(), WarmthCampaignProcess.LOOP_COUNTER);
    }

    private boolean isExecutableNow(Job job) {
        return managementService().createJobQuery().jobId(job.getId()).executable().count() == 1;
    }

    private List<Incident> incidentsOf(ProcessInstance campaign) {
        return runtimeService().createIncidentQuery().processInstanceId(campaign.getId()).list();
    }

    private String candidateGroupOf(Task task) {
        List<String> groups = taskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .toList();
        Assertions.assertThat(groups).as("candidate groups of task %s", task.getId()).hasSize(1);
        return groups.get(0);
    }

    // --- recording mocks standing in for the application's beans

    /**
     * Stands in for payCampaignBatchDelegate: records every try by batch index (loopCounter), and the
     * batches paid; the batch set in {@code failingBatch} fails as a household's payment would.
     */
    static final class BatchPayer implements JavaDelegate {
        final List<Integer> attempts = new ArrayList<>();
        final List<Integer> paid = new ArrayList<>();
        final List<Object> campaignIds = new ArrayList<>();
        Integer failingBatch;

        @Override
        public void execute(DelegateExecution execution) {
            Integer batch = (Integer) execution.getVariable(WarmthCampaignProcess.LOOP_COUNTER);
            attempts.add(batch);
            if (batch.equals(failingBatch)) {
                throw new IllegalStateException("第" + batch + "批中有一户的银行账号无效，发放失败");
            }
            paid.add(batch);
            campaignIds.add(execution.getVariable(WarmthCampaignProcess.CAMPAIGN_ID));
        }
    }

    /** Records the campaignId each call sees. */
    static final class CountingDelegate implements JavaDelegate {
        final List<Object> campaignIds = new ArrayList<>();

        @Override
        public void execute(DelegateExecution execution) {
            campaignIds.add(execution.getVariable(WarmthCampaignProcess.CAMPAIGN_ID));
        }
    }

    /** Stands in for campaignApprovalListener: refuses a completion without a decision, records each one. */
    static final class ApprovalListener implements TaskListener {
        final List<Object> decisions = new ArrayList<>();

        @Override
        public void notify(DelegateTask task) {
            Object approved = task.getVariable(WarmthCampaignProcess.APPROVED);
            if (approved == null) {
                throw new ProcessEngineException("请选择是否批准发放");
            }
            decisions.add(approved);
        }
    }
}
