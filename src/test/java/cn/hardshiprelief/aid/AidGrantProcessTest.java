package cn.hardshiprelief.aid;

import static cn.hardshiprelief.support.TaskOffers.candidateGroupsOf;
import static cn.hardshiprelief.support.TaskOffers.deployedFormIdOf;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.hardshiprelief.support.TaskOffers.RecordingTaskListener;
import cn.hardshiprelief.process.aid.AidGrantProcess;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The story of one grant of aid (救助发放), told against the BPMN and the real {@code aidApprovalLevel}
 * table: the checks, approval by one, two or three levels as the amount requires (基层工会, 县总工会,
 * 县总工会主席), then a referral for service kinds or the bank payment for cash, with the bank's result,
 * the recipient's receipt, a returned payment corrected and paid again or cancelled, and a bank that
 * keeps failing. Campaign grants (送温暖) enter at the payment, returned campaign payments at their
 * resolution. Delegates and listeners are recording mocks, so these tests pin the process contract
 * (ids, conditions, the async payment and its retries, the message, groups, forms), not the
 * application code.
 */
@Deployment(resources = {
        "processes/aidGrant.bpmn",
        "processes/aidApprovalLevel.dmn",
        "forms/approveAidGrant.form",
        "forms/recordReferralOutcome.form",
        "forms/confirmReceipt.form",
        "forms/resolveFailedPayment.form"})
class AidGrantProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("camunda-test.cfg.xml")
            .build();

    private static final String PROCESS = "aidGrant";

    private static final String AID_REQUESTED = "aidRequested";
    private static final String CHECK_AID_GRANT = "checkAidGrant";
    private static final String IS_GRANT_ALLOWED = "isGrantAllowed";
    private static final String GRANT_REFUSED = "grantRefused";
    private static final String DECIDE_APPROVAL_LEVEL = "decideApprovalLevel";
    private static final String APPROVE_BY_BRANCH_UNION = "approveByBranchUnion";
    private static final String APPROVE_BY_COUNTY_UNION = "approveByCountyUnion";
    private static final String APPROVE_BY_COUNTY_UNION_CHAIR = "approveByCountyUnionChair";
    private static final List<String> APPROVAL_STEPS =
            List.of(APPROVE_BY_BRANCH_UNION, APPROVE_BY_COUNTY_UNION, APPROVE_BY_COUNTY_UNION_CHAIR);
    private static final String REJECT_GRANT = "rejectGrant";
    private static final String GRANT_REJECTED = "grantRejected";
    private static final String APPROVE_GRANT = "approveGrant";
    private static final String IS_CASH_AID = "isCashAid";
    private static final String RECORD_REFERRAL_OUTCOME = "recordReferralOutcome";
    private static final String SERVICE_DELIVERED = "serviceDelivered";
    private static final String DISBURSE_GRANT = "disburseGrant";
    private static final String AWAIT_BANK_RESULT = "awaitBankResult";
    private static final String BANK_RESULT_RETURNED = "bankResultReturned";
    private static final String IS_PAYMENT_CONFIRMED = "isPaymentConfirmed";
    private static final String CONFIRM_RECEIPT = "confirmReceipt";
    private static final String GRANT_PAID = "grantPaid";
    private static final String RESOLVE_FAILED_PAYMENT = "resolveFailedPayment";
    private static final String IS_PAYMENT_RETRIED = "isPaymentRetried";
    private static final String CANCEL_GRANT = "cancelGrant";
    private static final String GRANT_CANCELLED = "grantCancelled";

    private static final long GRANT_ID = 42L;
    /** 某基层工会 and its county union (the demo's unit codes). */
    private static final String BRANCH_UNION = "branchUnion_CU01B01";
    private static final String COUNTY_UNION = "countyUnion_CU01";
    private static final String COUNTY_UNION_CHAIR = "countyUnionChair_CU01";
    private static final LocalDateTime APPROVED_AT = LocalDateTime.of(2026, 12, 20, 10, 0);

    private final RecordingTaskListener aidApprovalListener = new RecordingTaskListener("approved");
    private final RecordingTaskListener referralOutcomeListener = new RecordingTaskListener("referralOutcome");
    private final RecordingTaskListener receiptListener = new RecordingTaskListener("receiptNote");
    private final RecordingDelegate rejectAidGrantDelegate = new RecordingDelegate();
    private final RecordingDelegate approveAidGrantDelegate = new RecordingDelegate();
    private final RecordingDelegate cancelAidGrantDelegate = new RecordingDelegate();

    /** What checkAidGrantDelegate finds: within the standard and the caps unless a story says otherwise. */
    private boolean grantAllowed = true;
    private final RecordingDelegate checkAidGrantDelegate =
            new RecordingDelegate(execution -> execution.setVariable("grantAllowed", grantAllowed));

    /** Whether the bank's interface is down, so that disburseGrantDelegate fails. */
    private boolean bankDown;
    private final RecordingDelegate disburseGrantDelegate = new RecordingDelegate(execution -> {
        if (bankDown) {
            throw new IllegalStateException("银行代发接口不可用");
        }
    });

    @BeforeEach
    void useTheTestEngineAndRecordingMocks() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(date(APPROVED_AT));
        Mocks.register("checkAidGrantDelegate", checkAidGrantDelegate);
        Mocks.register("aidApprovalListener", aidApprovalListener);
        Mocks.register("referralOutcomeListener", referralOutcomeListener);
        Mocks.register("receiptListener", receiptListener);
        Mocks.register("aidRecipients", (cn.hardshiprelief.process.aid.AidTaskListeners.AidRecipients) grantId -> List.of("worker1"));
        Mocks.register("rejectAidGrantDelegate", rejectAidGrantDelegate);
        Mocks.register("approveAidGrantDelegate", approveAidGrantDelegate);
        Mocks.register("disburseGrantDelegate", disburseGrantDelegate);
        Mocks.register("cancelAidGrantDelegate", cancelAidGrantDelegate);
    }

    @AfterEach
    void forgetTheMocksAndTheClock() {
        Mocks.reset();
        ClockUtil.reset();
    }

    // --- approval by amount

    @Test
    void aGrantOf1500YuanIsApprovedByTheBranchUnionAlone() throws IOException {
        ProcessInstance grant = requestCashAid(GRANT_ID, 1500);

        assertThat(grant).isWaitingAtExactly(APPROVE_BY_BRANCH_UNION)
                .hasPassedInOrder(AID_REQUESTED, CHECK_AID_GRANT, IS_GRANT_ALLOWED, DECIDE_APPROVAL_LEVEL)
                .variables().containsEntry("grantAllowed", true).containsEntry("approvalLevel", "BRANCH_UNION");
        assertOfferedTo(APPROVE_BY_BRANCH_UNION, grant, BRANCH_UNION, "approveAidGrant");

        approves(grant, APPROVE_BY_BRANCH_UNION, "困难情况属实，按标准发放");

        assertThat(grant).isWaitingAtExactly(DISBURSE_GRANT)
                .hasPassedInOrder(APPROVE_BY_BRANCH_UNION, APPROVE_GRANT, IS_CASH_AID)
                .hasNotPassed(APPROVE_BY_COUNTY_UNION, APPROVE_BY_COUNTY_UNION_CHAIR, REJECT_GRANT);
        Assertions.assertThat(aidApprovalListener.completions).containsExactly("approveByBranchUnion:true");
        Assertions.assertThat(checkAidGrantDelegate.grantIds).containsExactly(GRANT_ID);
        Assertions.assertThat(approveAidGrantDelegate.grantIds).containsExactly(GRANT_ID);
    }

    @Test
    void aGrantOf5000YuanGoesOnToTheCountyUnionAfterTheBranchUnionApproves() throws IOException {
        ProcessInstance grant = requestCashAid(GRANT_ID, 5000);
        approves(grant, APPROVE_BY_BRANCH_UNION, "同意，报县总工会");

        assertThat(grant).isWaitingAtExactly(APPROVE_BY_COUNTY_UNION)
                .variables().containsEntry("approvalLevel", "COUNTY_UNION");
        assertOfferedTo(APPROVE_BY_COUNTY_UNION, grant, COUNTY_UNION, "approveAidGrant");
        Assertions.assertThat(approveAidGrantDelegate.grantIds).as("not approved yet").isEmpty();

        approves(grant, APPROVE_BY_COUNTY_UNION, "同意发放");

        assertThat(grant).isWaitingAtExactly(DISBURSE_GRANT)
                .hasPassedInOrder(APPROVE_BY_BRANCH_UNION, APPROVE_BY_COUNTY_UNION, APPROVE_GRANT)
                .hasNotPassed(APPROVE_BY_COUNTY_UNION_CHAIR);
        Assertions.assertThat(aidApprovalListener.completions)
                .containsExactly("approveByBranchUnion:true", "approveByCountyUnion:true");
        Assertions.assertThat(approveAidGrantDelegate.grantIds).containsExactly(GRANT_ID);
    }

    @Test
    void aGrantOf12000YuanNeedsTheBranchUnionTheCountyUnionAndThenItsChair() throws IOException {
        ProcessInstance grant = requestCashAid(GRANT_ID, 12000);
        approves(grant, APPROVE_BY_BRANCH_UNION, "同意，报县总工会");
        approves(grant, APPROVE_BY_COUNTY_UNION, "同意，报主席审批");

        assertThat(grant).isWaitingAtExactly(APPROVE_BY_COUNTY_UNION_CHAIR)
                .variables().containsEntry("approvalLevel", "COUNTY_UNION_CHAIR");
        assertOfferedTo(APPROVE_BY_COUNTY_UNION_CHAIR, grant, COUNTY_UNION_CHAIR, "approveAidGrant");
        Assertions.assertThat(approveAidGrantDelegate.grantIds).as("not approved yet").isEmpty();

        approves(grant, APPROVE_BY_COUNTY_UNION_CHAIR, "同意");

        assertThat(grant).isWaitingAtExactly(DISBURSE_GRANT)
                .hasPassedInOrder(APPROVE_BY_BRANCH_UNION, APPROVE_BY_COUNTY_UNION, APPROVE_BY_COUNTY_UNION_CHAIR,
                        APPROVE_GRANT);
        Assertions.assertThat(aidApprovalListener.completions).containsExactly(
                "approveByBranchUnion:true", "approveByCountyUnion:true", "approveByCountyUnionChair:true");
        Assertions.assertThat(approveAidGrantDelegate.grantIds).containsExactly(GRANT_ID);
    }

    @ParameterizedTest(name = "{0} yuan: {1} approval step(s)")
    @CsvSource({
            "2000.00, 1",
            "2000.01, 2",
            "10000.00, 2",
            "10000.01, 3"})
    void theAmountDecidesHowManyLevelsApproveEvenAtTheBoundaries(double amount, int steps) {
        ProcessInstance grant = requestCashAid(GRANT_ID, amount);

        List<String> offered = new ArrayList<>();
        while (offered.size() < APPROVAL_STEPS.size()
                && taskService().createTaskQuery().processInstanceId(grant.getId()).count() == 1) {
            String step = task(grant).getTaskDefinitionKey();
            offered.add(step);
            approves(grant, step, "同意");
        }

        Assertions.assertThat(offered).isEqualTo(APPROVAL_STEPS.subList(0, steps));
        assertThat(grant).isWaitingAtExactly(DISBURSE_GRANT).hasPassed(APPROVE_GRANT);
    }

    // --- refused or rejected

    @Test
    void aGrantTheChecksRefuseEndsWithoutAnyApproval() {
        grantAllowed = false;

        ProcessInstance grant = requestCashAid(GRANT_ID, 1500);

        assertThat(grant).isEnded()
                .hasPassedInOrder(AID_REQUESTED, CHECK_AID_GRANT, IS_GRANT_ALLOWED, GRANT_REFUSED)
                .hasNotPassed(DECIDE_APPROVAL_LEVEL, APPROVE_BY_BRANCH_UNION, APPROVE_GRANT, REJECT_GRANT);
        Assertions.assertThat(checkAidGrantDelegate.grantIds).containsExactly(GRANT_ID);
        Assertions.assertThat(aidApprovalListener.completions).isEmpty();
        Assertions.assertThat(rejectAidGrantDelegate.grantIds).isEmpty();
    }

    @ParameterizedTest(name = "rejected at step {0}")
    @ValueSource(ints = {1, 2, 3})
    void aRejectionAtAnyLevelRecordsItAndEndsTheGrantWithoutAskingTheLevelsAbove(int rejectedAtStep) {
        ProcessInstance grant = requestCashAid(GRANT_ID, 12000);
        for (String step : APPROVAL_STEPS.subList(0, rejectedAtStep - 1)) {
            approves(grant, step, "同意，报上级");
        }
        String rejectingStep = APPROVAL_STEPS.get(rejectedAtStep - 1);

        rejects(grant, rejectingStep, "本年度已领取同类救助，不予批准");

        assertThat(grant).isEnded()
                .hasPassedInOrder(rejectingStep, REJECT_GRANT, GRANT_REJECTED)
                .hasNotPassed(APPROVE_GRANT, DISBURSE_GRANT, RECORD_REFERRAL_OUTCOME);
        for (String stepAbove : APPROVAL_STEPS.subList(rejectedAtStep, APPROVAL_STEPS.size())) {
            assertThat(grant).hasNotPassed(stepAbove);
        }
        Assertions.assertThat(rejectAidGrantDelegate.grantIds).containsExactly(GRANT_ID);
        Assertions.assertThat(rejectAidGrantDelegate.comments).containsExactly("本年度已领取同类救助，不予批准");
        Assertions.assertThat(approveAidGrantDelegate.grantIds).isEmpty();
        Assertions.assertThat(aidApprovalListener.completions).hasSize(rejectedAtStep)
                .endsWith(rejectingStep + ":false");
    }

    // --- service kinds

    @Test
    void aServiceKindIsReferredAndItsOutcomeRecordedButNothingIsEverPaid() throws IOException {
        ProcessInstance grant = start(GRANT_ID, "EMPLOYMENT_SUPPORT", 0, false);
        approves(grant, APPROVE_BY_BRANCH_UNION, "同意转介到县就业服务中心");

        assertThat(grant).isWaitingAtExactly(RECORD_REFERRAL_OUTCOME)
                .hasPassedInOrder(APPROVE_BY_BRANCH_UNION, APPROVE_GRANT, IS_CASH_AID);
        assertOfferedTo(RECORD_REFERRAL_OUTCOME, grant, BRANCH_UNION, "recordReferralOutcome");
        Assertions.assertThat(jobsOf(grant)).as("no payment job").isZero();

        complete(task(RECORD_REFERRAL_OUTCOME, grant),
                withVariables("referralOutcome", "已推荐到县物流园区仓管岗位，12月15日上岗"));

        assertThat(grant).isEnded()
                .hasPassedInOrder(APPROVE_GRANT, RECORD_REFERRAL_OUTCOME, SERVICE_DELIVERED)
                .hasNotPassed(DISBURSE_GRANT, AWAIT_BANK_RESULT, CONFIRM_RECEIPT, APPROVE_BY_COUNTY_UNION);
        Assertions.assertThat(referralOutcomeListener.completions)
                .containsExactly("recordReferralOutcome:已推荐到县物流园区仓管岗位，12月15日上岗");
        Assertions.assertThat(disburseGrantDelegate.grantIds).isEmpty();
    }

    // --- paying through the bank

    @Test
    void thePaymentIsAnAsyncJobSoTheApprovalIsCommittedBeforeTheBankIsCalled() {
        ProcessInstance grant = approvedCashGrant(GRANT_ID, 1500);

        assertThat(grant).isWaitingAtExactly(DISBURSE_GRANT).hasNotPassed(DISBURSE_GRANT);
        Assertions.assertThat(disburseGrantDelegate.grantIds).as("the bank is not called yet").isEmpty();
        Job payment = paymentJobOf(grant);
        Assertions.assertThat(payment.getRetries()).isEqualTo(3);

        managementService().executeJob(payment.getId());

        assertThat(grant).isWaitingAtExactly(AWAIT_BANK_RESULT).hasPassed(DISBURSE_GRANT);
        Assertions.assertThat(disburseGrantDelegate.grantIds).containsExactly(GRANT_ID);
        Assertions.assertThat(runtimeService().createEventSubscriptionQuery().processInstanceId(grant.getId())
                .eventType("message").singleResult().getEventName()).isEqualTo(BANK_RESULT_RETURNED);
        Assertions.assertThat(jobsOf(grant)).isZero();
    }

    @Test
    void aPaymentTheBankConfirmsIsSignedForByTheRecipientOrTheCadreAndTheGrantIsPaid() throws IOException {
        ProcessInstance grant = sentToTheBank(GRANT_ID, 1500);
        ProcessInstance another = sentToTheBank(43L, 2000);

        Assertions.assertThatThrownBy(() -> runtimeService().createMessageCorrelation(BANK_RESULT_RETURNED)
                        .setVariable("paymentConfirmed", true).correlate())
                .as("two grants waiting: the bank's result must name its grant")
                .isInstanceOf(MismatchingMessageCorrelationException.class);

        bankReturns(GRANT_ID, true);

        assertThat(grant).isWaitingAtExactly(CONFIRM_RECEIPT)
                .hasPassedInOrder(DISBURSE_GRANT, AWAIT_BANK_RESULT, IS_PAYMENT_CONFIRMED);
        Assertions.assertThat(task(CONFIRM_RECEIPT, grant)).as("the recipient, read from the grant")
                .satisfies(t -> assertThat(t).hasCandidateUser("worker1").hasCandidateGroup(BRANCH_UNION));
        assertThat(another).isWaitingAtExactly(AWAIT_BANK_RESULT);

        complete(task(CONFIRM_RECEIPT, grant), withVariables("receiptNote", "12月22日本人在应用中确认收到"));

        assertThat(grant).isEnded()
                .hasPassedInOrder(AWAIT_BANK_RESULT, CONFIRM_RECEIPT, GRANT_PAID)
                .hasNotPassed(RESOLVE_FAILED_PAYMENT, CANCEL_GRANT);
        Assertions.assertThat(receiptListener.completions).containsExactly("confirmReceipt:12月22日本人在应用中确认收到");
        Assertions.assertThat(disburseGrantDelegate.grantIds).containsExactly(GRANT_ID, 43L);
    }

    @Test
    void aReturnedPaymentIsCorrectedByTheBranchUnionPaidAgainAndThenConfirmed() throws IOException {
        ProcessInstance grant = sentToTheBank(GRANT_ID, 1500);

        bankReturns(GRANT_ID, false);

        assertThat(grant).isWaitingAtExactly(RESOLVE_FAILED_PAYMENT)
                .hasPassedInOrder(AWAIT_BANK_RESULT, IS_PAYMENT_CONFIRMED)
                .hasNotPassed(CONFIRM_RECEIPT);
        assertOfferedTo(RESOLVE_FAILED_PAYMENT, grant, BRANCH_UNION, "resolveFailedPayment");

        complete(task(RESOLVE_FAILED_PAYMENT, grant),
                withVariables("retryPayment", true, "comment", "银行卡号一位填错，已与本人核对更正"));

        assertThat(grant).isWaitingAtExactly(DISBURSE_GRANT).hasPassed(IS_PAYMENT_RETRIED);
        Assertions.assertThat(disburseGrantDelegate.grantIds).as("paid again only by the job").hasSize(1);
        managementService().executeJob(paymentJobOf(grant).getId());
        assertThat(grant).isWaitingAtExactly(AWAIT_BANK_RESULT);
        bankReturns(GRANT_ID, true);
        complete(task(CONFIRM_RECEIPT, grant), withVariables("receiptNote", "本人确认收到"));

        assertThat(grant).isEnded().hasPassed(CONFIRM_RECEIPT, GRANT_PAID).hasNotPassed(CANCEL_GRANT);
        Assertions.assertThat(disburseGrantDelegate.grantIds).containsExactly(GRANT_ID, GRANT_ID);
        Assertions.assertThat(timesReached(grant, DISBURSE_GRANT)).isEqualTo(2);
        Assertions.assertThat(timesReached(grant, AWAIT_BANK_RESULT)).isEqualTo(2);
        Assertions.assertThat(cancelAidGrantDelegate.grantIds).isEmpty();
    }

    @Test
    void aReturnedPaymentThatIsNotRetriedCancelsTheGrant() {
        ProcessInstance grant = sentToTheBank(GRANT_ID, 1500);
        bankReturns(GRANT_ID, false);

        complete(task(RESOLVE_FAILED_PAYMENT, grant),
                withVariables("retryPayment", false, "comment", "受助职工已去世，家属另行申请"));

        assertThat(grant).isEnded()
                .hasPassedInOrder(RESOLVE_FAILED_PAYMENT, IS_PAYMENT_RETRIED, CANCEL_GRANT, GRANT_CANCELLED)
                .hasNotPassed(CONFIRM_RECEIPT, GRANT_PAID);
        Assertions.assertThat(cancelAidGrantDelegate.grantIds).containsExactly(GRANT_ID);
        Assertions.assertThat(cancelAidGrantDelegate.comments).containsExactly("受助职工已去世，家属另行申请");
        Assertions.assertThat(disburseGrantDelegate.grantIds).as("paid once only").containsExactly(GRANT_ID);
    }

    @Test
    void aBankThatKeepsFailingIsTriedAgainEveryFiveMinutesAndRaisesOneIncidentWhenTheRetriesRunOut() {
        ProcessInstance grant = approvedCashGrant(GRANT_ID, 1500);
        bankDown = true;

        List<Integer> retriesLeft = new ArrayList<>();
        while (paymentJobOf(grant).getRetries() > 0) {
            Job payment = paymentJobOf(grant);
            Assertions.assertThatThrownBy(() -> managementService().executeJob(payment.getId()))
                    .hasMessageContaining("银行代发接口不可用");
            Job failed = paymentJobOf(grant);
            retriesLeft.add(failed.getRetries());
            if (failed.getRetries() > 0) {
                Assertions.assertThat(failed.getDuedate()).as("tried again five minutes later")
                        .isEqualTo(date(APPROVED_AT.plusMinutes(5)));
                Assertions.assertThat(incidentsOf(grant)).as("no incident while retries are left").isEmpty();
            }
        }

        Assertions.assertThat(retriesLeft).containsExactly(2, 1, 0);
        List<Incident> incidents = incidentsOf(grant);
        Assertions.assertThat(incidents).hasSize(1);
        Assertions.assertThat(incidents.get(0).getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        Assertions.assertThat(incidents.get(0).getActivityId()).isEqualTo(DISBURSE_GRANT);
        assertThat(grant).isWaitingAtExactly(DISBURSE_GRANT).hasNotPassed(AWAIT_BANK_RESULT);
        Assertions.assertThat(approveAidGrantDelegate.grantIds).as("the approval stays committed")
                .containsExactly(GRANT_ID);

        bankDown = false;
        managementService().setJobRetries(paymentJobOf(grant).getId(), 1);
        managementService().executeJob(paymentJobOf(grant).getId());

        assertThat(grant).isWaitingAtExactly(AWAIT_BANK_RESULT);
        Assertions.assertThat(incidentsOf(grant)).as("resolved by the successful retry").isEmpty();
        Assertions.assertThat(disburseGrantDelegate.grantIds).hasSize(4);
    }

    // --- Tasklist submits the forms' radio values as strings (form-js keeps only string or number option
    //     values, so the radios hold "true" and "false"); the gateways must read them as the booleans the
    //     application's pages send

    @ParameterizedTest(name = "{0} yuan, \"{1}\" at the last level")
    @CsvSource({
            "1500, true, approveGrant",
            "1500, false, rejectGrant",
            "5000, true, approveGrant",
            "5000, false, rejectGrant",
            "12000, true, approveGrant",
            "12000, false, rejectGrant"})
    void anApprovalCompletedInTasklistWithTheFormsStringValueTakesTheSamePath(
            double amount, String approvedAtLastLevel, String reached) {
        ProcessInstance grant = requestCashAid(GRANT_ID, amount);
        String lastLevel = APPROVAL_STEPS.get(amount <= 2000 ? 0 : amount <= 10000 ? 1 : 2);
        for (String step : APPROVAL_STEPS.subList(0, APPROVAL_STEPS.indexOf(lastLevel))) {
            complete(task(step, grant), withVariables("approved", "true", "comment", "已核实，报上级"));
        }

        complete(task(lastLevel, grant), withVariables("approved", approvedAtLastLevel, "comment", "已核实"));

        assertThat(grant).hasPassed(lastLevel, reached);
    }

    @Test
    void aFailedPaymentResolvedInTasklistWithTheStringTruePaysAgain() {
        ProcessInstance grant = sentToTheBank(GRANT_ID, 1500);
        bankReturns(GRANT_ID, false);

        complete(task(RESOLVE_FAILED_PAYMENT, grant), withVariables("retryPayment", "true", "comment", "已更正账号"));

        assertThat(grant).isWaitingAtExactly(DISBURSE_GRANT).hasNotPassed(CANCEL_GRANT);
    }

    @Test
    void aFailedPaymentResolvedInTasklistWithTheStringFalseCancelsTheGrant() {
        ProcessInstance grant = sentToTheBank(GRANT_ID, 1500);
        bankReturns(GRANT_ID, false);

        complete(task(RESOLVE_FAILED_PAYMENT, grant), withVariables("retryPayment", "false", "comment", "本人放弃"));

        assertThat(grant).isEnded().hasPassed(CANCEL_GRANT, GRANT_CANCELLED);
    }

    // --- campaigns enter in the middle

    @Test
    void aCampaignGrantStartsAtThePaymentAndSkipsTheChecksAndTheApproval() {
        ProcessInstance grant = startBefore(DISBURSE_GRANT, GRANT_ID, "WARMTH_VISIT", 800);

        assertThat(grant).isWaitingAtExactly(DISBURSE_GRANT);
        Assertions.assertThat(disburseGrantDelegate.grantIds).as("the bank is called by the job").isEmpty();
        managementService().executeJob(paymentJobOf(grant).getId());
        bankReturns(GRANT_ID, true);
        complete(task(CONFIRM_RECEIPT, grant), withVariables("receiptNote", "春节前入户慰问，本人签收"));

        assertThat(grant).isEnded()
                .hasPassedInOrder(DISBURSE_GRANT, AWAIT_BANK_RESULT, CONFIRM_RECEIPT, GRANT_PAID)
                .hasNotPassed(AID_REQUESTED, CHECK_AID_GRANT, DECIDE_APPROVAL_LEVEL, APPROVE_BY_BRANCH_UNION,
                        APPROVE_GRANT);
        Assertions.assertThat(checkAidGrantDelegate.grantIds).isEmpty();
        Assertions.assertThat(approveAidGrantDelegate.grantIds).isEmpty();
        Assertions.assertThat(disburseGrantDelegate.grantIds).containsExactly(GRANT_ID);
    }

    @Test
    void aReturnedCampaignPaymentStartsAtItsResolutionAndCanBePaidAgain() throws IOException {
        ProcessInstance grant = startBefore(RESOLVE_FAILED_PAYMENT, GRANT_ID, "WARMTH_VISIT", 800);

        assertThat(grant).isWaitingAtExactly(RESOLVE_FAILED_PAYMENT).hasNotPassed(DISBURSE_GRANT);
        assertOfferedTo(RESOLVE_FAILED_PAYMENT, grant, BRANCH_UNION, "resolveFailedPayment");

        complete(task(RESOLVE_FAILED_PAYMENT, grant),
                withVariables("retryPayment", true, "comment", "账户已解冻"));
        managementService().executeJob(paymentJobOf(grant).getId());
        bankReturns(GRANT_ID, true);
        complete(task(CONFIRM_RECEIPT, grant), withVariables("receiptNote", "本人签收"));

        assertThat(grant).isEnded()
                .hasPassedInOrder(RESOLVE_FAILED_PAYMENT, IS_PAYMENT_RETRIED, DISBURSE_GRANT, AWAIT_BANK_RESULT,
                        CONFIRM_RECEIPT, GRANT_PAID)
                .hasNotPassed(CHECK_AID_GRANT, APPROVE_GRANT);
        Assertions.assertThat(disburseGrantDelegate.grantIds).containsExactly(GRANT_ID);
    }

    @Test
    void aReturnedCampaignPaymentStartedAtItsResolutionCanBeCancelled() {
        ProcessInstance grant = startBefore(RESOLVE_FAILED_PAYMENT, GRANT_ID, "WARMTH_VISIT", 800);

        complete(task(RESOLVE_FAILED_PAYMENT, grant),
                withVariables("retryPayment", false, "comment", "已调离本单位，由新单位慰问"));

        assertThat(grant).isEnded().hasPassedInOrder(RESOLVE_FAILED_PAYMENT, CANCEL_GRANT, GRANT_CANCELLED)
                .hasNotPassed(DISBURSE_GRANT);
        Assertions.assertThat(cancelAidGrantDelegate.grantIds).containsExactly(GRANT_ID);
    }

    // --- the ids code uses

    @Test
    void theConstantsTheApplicationUsesNameTheElementsOfTheDiagram() throws IllegalAccessException {
        String definitionId = repositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(AidGrantProcess.PROCESS_ID).singleResult().getId();
        BpmnModelInstance model = repositoryService().getBpmnModelInstance(definitionId);
        List<String> missing = new ArrayList<>();
        for (Field field : AidGrantProcess.class.getDeclaredFields()) {
            if (!isStringConstant(field) || field.getName().equals("PROCESS_ID")
                    || field.getName().equals("BANK_RESULT_MESSAGE") || field.getName().equals("APPROVAL_LEVEL_DECISION")) {
                continue;
            }
            String id = (String) field.get(null);
            if (model.getModelElementById(id) == null) {
                missing.add(field.getName() + " = " + id);
            }
        }

        Assertions.assertThat(missing).as("constants naming no element of aidGrant.bpmn").isEmpty();
        Assertions.assertThat(model.getModelElementsByType(Message.class)).extracting(Message::getName)
                .containsExactly(AidGrantProcess.BANK_RESULT_MESSAGE);
        Assertions.assertThat(AidGrantProcess.APPROVAL_STEPS).isEqualTo(APPROVAL_STEPS);
        Assertions.assertThat(repositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(AidGrantProcess.APPROVAL_LEVEL_DECISION).count()).isOne();
        Assertions.assertThat(Arrays.stream(ApprovalLevel.values()).map(Enum::name))
                .as("the levels the gateways compare against")
                .containsExactly("BRANCH_UNION", "COUNTY_UNION", "COUNTY_UNION_CHAIR");
    }

    // --- the steps of the story

    private ProcessInstance requestCashAid(long grantId, double amount) {
        return start(grantId, "LIFE_AID", amount, true);
    }

    /** Starts the process as the application does for a request: business key = grant id. */
    private ProcessInstance start(long grantId, String kind, double amount, boolean cash) {
        return runtimeService().startProcessInstanceByKey(PROCESS, String.valueOf(grantId),
                startVariables(grantId, kind, amount, cash));
    }

    /** Starts the process as a campaign does: in the middle, with the same variables. */
    private ProcessInstance startBefore(String activityId, long grantId, String kind, double amount) {
        return runtimeService().createProcessInstanceByKey(PROCESS)
                .businessKey(String.valueOf(grantId))
                .setVariables(startVariables(grantId, kind, amount, true))
                .startBeforeActivity(activityId)
                .execute();
    }

    private static Map<String, Object> startVariables(long grantId, String kind, double amount, boolean cash) {
        return withVariables(
                "grantId", grantId,
                "unitCode", "CU01B01",
                "countyUnitCode", "CU01",
                "amount", amount,
                "cash", cash,
                "kind", kind,
                "requestedBy", "lihua");
    }

    /** A cash grant approved at every level its amount needs, its payment job waiting. */
    private ProcessInstance approvedCashGrant(long grantId, double amount) {
        ProcessInstance grant = requestCashAid(grantId, amount);
        while (taskService().createTaskQuery().processInstanceId(grant.getId()).count() == 1) {
            approves(grant, task(grant).getTaskDefinitionKey(), "同意");
        }
        assertThat(grant).isWaitingAtExactly(DISBURSE_GRANT);
        return grant;
    }

    /** An approved cash grant whose payment job has run: it waits for the bank's result. */
    private ProcessInstance sentToTheBank(long grantId, double amount) {
        ProcessInstance grant = approvedCashGrant(grantId, amount);
        managementService().executeJob(paymentJobOf(grant).getId());
        assertThat(grant).isWaitingAtExactly(AWAIT_BANK_RESULT);
        return grant;
    }

    private void approves(ProcessInstance grant, String step, String comment) {
        decides(grant, step, true, comment);
    }

    private void rejects(ProcessInstance grant, String step, String comment) {
        decides(grant, step, false, comment);
    }

    /** What the approval form and aidApprovalListener leave behind: boolean approved and the comment. */
    private void decides(ProcessInstance grant, String step, boolean approved, String comment) {
        assertThat(grant).isWaitingAtExactly(step);
        complete(task(step, grant), withVariables("approved", approved, "comment", comment));
    }

    /** The application correlates the bank's result by business key, the grant id. */
    private void bankReturns(long grantId, boolean paymentConfirmed) {
        runtimeService().createMessageCorrelation(BANK_RESULT_RETURNED)
                .processInstanceBusinessKey(String.valueOf(grantId))
                .setVariable("paymentConfirmed", paymentConfirmed)
                .correlate();
    }

    // --- looking at the engine

    private static Date date(LocalDateTime time) {
        return Date.from(time.atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }

    private static boolean isStringConstant(Field field) {
        int modifiers = field.getModifiers();
        return Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class;
    }

    private Job paymentJobOf(ProcessInstance grant) {
        Job job = managementService().createJobQuery().processInstanceId(grant.getId())
                .activityId(DISBURSE_GRANT).singleResult();
        Assertions.assertThat(job).as("payment job of grant %s", grant.getBusinessKey()).isNotNull();
        return job;
    }

    private long jobsOf(ProcessInstance grant) {
        return managementService().createJobQuery().processInstanceId(grant.getId()).count();
    }

    private List<Incident> incidentsOf(ProcessInstance grant) {
        return runtimeService().createIncidentQuery().processInstanceId(grant.getId()).list();
    }

    private long timesReached(ProcessInstance grant, String activityId) {
        return historyService().createHistoricActivityInstanceQuery()
                .processInstanceId(grant.getId())
                .activityId(activityId)
                .count();
    }

    private void assertOfferedTo(String step, ProcessInstance grant, String group, String formId)
            throws IOException {
        Task task = task(step, grant);
        assertThat(task).isNotAssigned();
        Assertions.assertThat(candidateGroupsOf(task)).as("candidate groups of %s", step).containsExactly(group);
        Assertions.assertThat(deployedFormIdOf(task)).as("form of %s", step).isEqualTo(formId);
    }

    // --- recording mocks standing in for the application's beans

    /** Records the grantId and comment of every grant it is called for, then does what the story needs. */
    static final class RecordingDelegate implements JavaDelegate {
        final List<Object> grantIds = new ArrayList<>();
        final List<Object> comments = new ArrayList<>();
        private final Consumer<DelegateExecution> effect;

        RecordingDelegate() {
            this(execution -> { });
        }

        RecordingDelegate(Consumer<DelegateExecution> effect) {
            this.effect = effect;
        }

        @Override
        public void execute(DelegateExecution execution) {
            grantIds.add(execution.getVariable("grantId"));
            comments.add(execution.getVariable("comment"));
            effect.accept(execution);
        }
    }
}
