package cn.hardshiprelief.aid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.hardshiprelief.disbursement.Disbursement;
import cn.hardshiprelief.disbursement.Payment;
import cn.hardshiprelief.disbursement.PaymentRepository;
import cn.hardshiprelief.vocabulary.SchoolingStage;
import cn.hardshiprelief.fund.Fund;
import cn.hardshiprelief.fund.FundRepository;
import cn.hardshiprelief.fund.Funds;
import cn.hardshiprelief.household.CancelReason;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.Households;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Aid for a household on file, told through the real services and the deployed aidGrant process:
 * priced by the standards, approved at the level its amount needs, paid exactly once, received.
 * The demo's enterprise household (worker1, 生产部) is granted by the company union (union1), whose county
 * union is CU01 (county1, chair1).
 */
@AppTest
class AidGrantStoryTest {

    private static final String ACCOUNT = "6222020200112233445";

    @Autowired Households households;
    @Autowired AidRequests requests;
    @Autowired AidTasks tasks;
    @Autowired AidGrantRepository grants;
    @Autowired Disbursement disbursement;
    @Autowired PaymentRepository payments;
    @Autowired FundRepository fundRepository;
    @Autowired Funds funds;
    @Autowired Directory directory;
    @Autowired cn.hardshiprelief.household.ChangeReports changes;
    @Autowired ProcessEngine engine;
    @Autowired TransactionTemplate transaction;
    @Autowired AidQueries queries;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    private Fund unionFund() {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        Long union = directory.actor("union1").orgUnitId();
        return fundRepository.findByUnionIdAndYearOrderBySourceAsc(union, year).get(0);
    }

    private AidRequestForm form(HouseholdFile file, AidKind kind, String basis) {
        return new AidRequestForm(file.getId(), null, kind, null, null, basis == null ? null : new BigDecimal(basis),
                unionFund().getId(), "因病致困，生活困难", ACCOUNT, "中国工商银行示范县支行", UUID.randomUUID().toString());
    }

    private static MockMultipartFile bills() {
        return new MockMultipartFile("proof", "票据.pdf", "application/pdf", Enrollments.PDF);
    }

    private ProcessInstance processOf(AidGrant grant) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(grant.getProcessInstanceId())
                .singleResult();
    }

    private AidGrant reload(AidGrant grant) {
        return grants.findById(grant.getId()).orElseThrow();
    }

    private Job disburseJob(AidGrant grant) {
        return engine.getManagementService().createJobQuery().processInstanceId(grant.getProcessInstanceId())
                .activityId("disburseGrant").singleResult();
    }

    @Test
    void lifeAidIsPricedByTheStandardApprovedByTheBranchUnionPaidOnceAndReceived() {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        BigDecimal reservedBefore = fundRepository.findById(unionFund().getId()).orElseThrow().getReserved();

        AidGrant grant = requests.request(directory.actor("union1"), form(file, AidKind.LIFE_AID, null), null);

        assertThat(grant.getStandardVersion()).startsWith("aidStandard v");
        assertThat(grant.getAmount()).isEqualByComparingTo(grant.getStandardAmount().add(grant.getSupplement()));
        assertThat(grant.getAmount()).isLessThanOrEqualTo(new BigDecimal("2000.00"));
        assertThat(grant.getApprovalLevel()).isEqualTo(ApprovalLevel.BRANCH_UNION);
        assertThat(fundRepository.findById(unionFund().getId()).orElseThrow().getReserved())
                .isEqualByComparingTo(reservedBefore.add(grant.getAmount()));
        assertThat(processOf(grant)).isWaitingAt("approveByBranchUnion");

        tasks.decide(directory.actor("union2"), grant.getId(), true, "情况属实，同意");
        assertThat(reload(grant).getStatus()).isEqualTo(GrantStatus.APPROVED);
        assertThat(processOf(grant)).isWaitingAt("disburseGrant");

        engine.getManagementService().executeJob(disburseJob(grant).getId());
        assertThat(reload(grant).getStatus()).isEqualTo(GrantStatus.PAYING);
        assertThat(payments.findByGrantIdOrderByIdAsc(grant.getId())).singleElement()
                .satisfies(p -> assertThat(p.getPaymentKey()).isEqualTo("G" + grant.getId() + "-1"));
        assertThat(processOf(grant)).isWaitingAt("awaitBankResult");
    }

    @Test
    void aDisbursementRetriedAfterTheLedgerWriteFindsTheEntryAndPaysNothingMore() {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        AidGrant grant = requests.request(directory.actor("union1"), form(file, AidKind.LIFE_AID, null), null);
        tasks.decide(directory.actor("union2"), grant.getId(), true, "同意");
        Fund fund = unionFund();
        BigDecimal paidBefore = fundRepository.findById(fund.getId()).orElseThrow().getPaid();

        // a crash after the ledger write, before the job was marked done: the step runs again
        Payment first = disbursement.disburse(grant.getId());
        Payment again = disbursement.disburse(grant.getId());
        engine.getManagementService().executeJob(disburseJob(grant).getId());

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(payments.countByGrantId(grant.getId())).isEqualTo(1);
        assertThat(fundRepository.findById(fund.getId()).orElseThrow().getPaid())
                .isEqualByComparingTo(paidBefore.add(grant.getAmount()));
        assertThat(processOf(grant)).isWaitingAt("awaitBankResult");
    }

    @Test
    void aCrashBeforeTheCommitLeavesNoLedgerEntryAndTheRetryPaysOnce() {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        AidGrant grant = requests.request(directory.actor("union1"), form(file, AidKind.LIFE_AID, null), null);
        tasks.decide(directory.actor("union2"), grant.getId(), true, "同意");

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            disbursement.disburse(grant.getId());
            throw new IllegalStateException("the node died before the commit");
        })).hasMessageContaining("node died");
        assertThat(payments.countByGrantId(grant.getId())).isZero();
        assertThat(reload(grant).getStatus()).isEqualTo(GrantStatus.APPROVED);

        engine.getManagementService().executeJob(disburseJob(grant).getId());
        assertThat(payments.countByGrantId(grant.getId())).isEqualTo(1);
    }

    @Test
    void anEmergencyGrantOfFiveThousandNeedsTheCountyUnionAfterTheBranchUnionWhichCannotApproveIt() {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        AidGrant grant = requests.request(directory.actor("union1"), form(file, AidKind.EMERGENCY_AID, "5000"), null);
        assertThat(grant.getApprovalLevel()).isEqualTo(ApprovalLevel.COUNTY_UNION);

        tasks.decide(directory.actor("union2"), grant.getId(), true, "突发火灾，同意上报");
        assertThat(processOf(grant)).isWaitingAt("approveByCountyUnion");
        assertThatThrownBy(() -> tasks.decide(directory.actor("union2"), grant.getId(), true, "再次同意"))
                .isInstanceOf(ForbiddenException.class);

        tasks.decide(directory.actor("county1"), grant.getId(), true, "同意");
        assertThat(processOf(grant)).isWaitingAt("disburseGrant");
        assertThat(reload(grant).getStatus()).isEqualTo(GrantStatus.APPROVED);
    }

    @Test
    void aMedicalGrantAboveTenThousandGoesUpToTheChairAndARejectionThereFreesTheMoney() {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        Fund fund = unionFund();
        BigDecimal reservedBefore = fundRepository.findById(fund.getId()).orElseThrow().getReserved();
        AidGrant grant = requests.request(directory.actor("union1"), form(file, AidKind.MEDICAL_AID, "40000"), bills());
        assertThat(grant.getAmount()).isGreaterThan(new BigDecimal("10000"));
        assertThat(grant.getApprovalLevel()).isEqualTo(ApprovalLevel.COUNTY_UNION_CHAIR);

        tasks.decide(directory.actor("union2"), grant.getId(), true, "同意");
        tasks.decide(directory.actor("county1"), grant.getId(), true, "同意");
        assertThat(processOf(grant)).isWaitingAt("approveByCountyUnionChair");
        assertThatThrownBy(() -> tasks.decide(directory.actor("county1"), grant.getId(), true, "同意"))
                .isInstanceOf(ForbiddenException.class);
        tasks.decide(directory.actor("chair1"), grant.getId(), false, "本年度已获大额救助，不予批准");

        assertThat(reload(grant).getStatus()).isEqualTo(GrantStatus.REJECTED);
        assertThat(processOf(grant)).isNull();
        assertThat(fundRepository.findById(fund.getId()).orElseThrow().getReserved()).isEqualByComparingTo(reservedBefore);
    }

    @Test
    void aSecondTripHomeInOneYearIsRefusedWithTheFirstGrantsNumber() {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        AidGrant first = requests.request(directory.actor("union1"), form(file, AidKind.TRAVEL_HOME, "420.50"), bills());
        assertThat(first.getAmount()).isEqualByComparingTo("420.50");

        assertThatThrownBy(() -> requests.request(directory.actor("union1"), form(file, AidKind.TRAVEL_HOME, "300"), bills()))
                .isInstanceOf(BusinessException.class)
                .satisfies(e -> assertThat(((BusinessException) e).getMessageKey()).isEqualTo("aid.check.duplicate"))
                .satisfies(e -> assertThat(((BusinessException) e).getArgs()).contains(first.getGrantNumber()));
    }

    @Test
    void amountsAboveTheStandardNegativeAmountsAndMissingProofAreRefusedAndNothingIsSaved() {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        long before = grants.count();
        BigDecimal reservedBefore = fundRepository.findById(unionFund().getId()).orElseThrow().getReserved();

        assertThatThrownBy(() -> requests.request(directory.actor("union1"), form(file, AidKind.EMERGENCY_AID, "6000"), null))
                .isInstanceOf(BusinessException.class).hasMessageContaining("aid.overStandard");
        assertThatThrownBy(() -> requests.request(directory.actor("union1"), form(file, AidKind.EMERGENCY_AID, "-5"), null))
                .isInstanceOf(BusinessException.class).hasMessageContaining("aid.basis.invalid");
        AidRequestForm education = new AidRequestForm(file.getId(), null, AidKind.EDUCATION_AID, SchoolingStage.DOCTORATE,
                households.memberId(file, "张小明"), null, unionFund().getId(), "考博成功", ACCOUNT, "中国工商银行", UUID.randomUUID().toString());
        assertThatThrownBy(() -> requests.request(directory.actor("union1"), education, null))
                .isInstanceOf(BusinessException.class).hasMessageContaining("aid.proofRequired.EDUCATION_AID");

        assertThat(grants.count()).isEqualTo(before);
        assertThat(fundRepository.findById(unionFund().getId()).orElseThrow().getReserved()).isEqualByComparingTo(reservedBefore);

        AidGrant doctoral = requests.request(directory.actor("union1"), education, bills());
        assertThat(doctoral.getAmount()).as("plan 8: 5,000 yuan for a doctoral student").isEqualByComparingTo("5000.00");
    }

    @Test
    void aCancelledFileGetsOnlyEmergencyAidAndAnotherUnionCannotAskForIt() {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        changes.cancel(directory.actor("county1"), file.getId(), CancelReason.MOVED_AWAY, "迁出本县");

        assertThatThrownBy(() -> requests.request(directory.actor("union1"), form(file, AidKind.LIFE_AID, null), null))
                .isInstanceOf(BusinessException.class).hasMessageContaining("aid.fileNotOpen");
        assertThatThrownBy(() -> requests.request(directory.actor("branch2"), form(file, AidKind.EMERGENCY_AID, "800"), null))
                .isInstanceOf(ForbiddenException.class);
        AidGrant emergency = requests.request(directory.actor("union1"), form(file, AidKind.EMERGENCY_AID, "800"), null);
        assertThat(emergency.getStatus()).isEqualTo(GrantStatus.REQUESTED);
    }

    @Test
    void anApprovalGivenInTasklistWithTheFormsTextValuesIsRecordedAsAnApproval() {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        AidGrant grant = requests.request(directory.actor("union1"), form(file, AidKind.EMERGENCY_AID, "600"), null);
        String taskId = engine.getTaskService().createTaskQuery().processInstanceId(grant.getProcessInstanceId())
                .singleResult().getId();

        // Camunda Forms in Tasklist submit the radio's value as text
        engine.getIdentityService().setAuthentication("union2", List.of("branchUnion_C01U"));
        try {
            engine.getTaskService().complete(taskId, java.util.Map.of("approved", "true", "comment", "同意（Tasklist）"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }

        assertThat(processOf(grant)).isWaitingAt("disburseGrant");
        assertThat(reload(grant).getStatus()).isEqualTo(GrantStatus.APPROVED);
        assertThat(queries.history(reload(grant))).extracting(AidGrantEvent::getKind, AidGrantEvent::getActorUsername)
                .contains(org.assertj.core.groups.Tuple.tuple(AidGrantEvent.Kind.APPROVED_STEP, "union2"));
    }

    /**
     * A manager raises the trip-home limit (per grant and per year) in Camunda Modeler and deploys it: a new request is priced by the
     * new version, the grant made before keeps its amount and version. The original table is deployed again
     * afterwards, so other tests price by it.
     */
    @Test
    void aStandardChangedInTheModelerAppliesToNewRequestsWhileEarlierGrantsKeepTheirs() throws Exception {
        HouseholdFile before = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        // another worker: one worker account has one household (一户一档)
        HouseholdFile after = households.filed("worker2", java.util.List.of("head2", "director1", "hr1", "office1"));
        AidGrant earlier = requests.request(directory.actor("union1"), form(before, AidKind.TRAVEL_HOME, "420.50"), bills());
        assertThatThrownBy(() -> requests.request(directory.actor("union1"), form(after, AidKind.TRAVEL_HOME, "1100"), bills()))
                .hasMessageContaining("aid.overStandard");
        String original;
        try (var in = getClass().getResourceAsStream("/processes/aidStandard.dmn")) {
            original = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String raised = original.replaceFirst(
                "(<outputEntry id=\"travelHomeMaxAmount\">\\s*<text>)1000(</text>)", "$11200$2").replaceFirst(
                "(<outputEntry id=\"travelHomeCapKindAnnualCap\">\\s*<text>)1000(</text>)", "$11200$2");
        assertThat(raised).isNotEqualTo(original);
        try {
            deploy(raised);

            AidGrant newer = requests.request(directory.actor("union1"), form(after, AidKind.TRAVEL_HOME, "1100"), bills());

            assertThat(newer.getAmount()).isEqualByComparingTo("1100.00");
            assertThat(newer.getStandardVersion()).isNotEqualTo(earlier.getStandardVersion());
            assertThat(reload(earlier).getAmount()).isEqualByComparingTo("420.50");
            assertThat(reload(earlier).getStandardVersion()).isEqualTo(earlier.getStandardVersion());
        } finally {
            deploy(original);
        }
        assertThatThrownBy(() -> requests.request(directory.actor("union1"), form(after, AidKind.TRAVEL_HOME, "1150"), bills()))
                .hasMessageContaining("aid.overStandard");
    }

    private void deploy(String dmn) {
        engine.getRepositoryService().createDeployment().name("aidStandard from the Modeler")
                .addString("aidStandard.dmn", dmn).deploy();
    }

    @Test
    void theSameRequestSubmittedTwiceCreatesOneGrant() {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        AidRequestForm once = form(file, AidKind.EMERGENCY_AID, "300");
        AidGrant first = requests.request(directory.actor("union1"), once, null);
        AidGrant second = requests.request(directory.actor("union1"), once, null);
        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(grants.findByFileIdOrderByRequestedAtDesc(file.getId())).hasSize(1);
    }

    @Test
    void aServiceKindRecordsTheReferralAndItsOutcomeWithoutMoney() {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        AidRequestForm legal = new AidRequestForm(file.getId(), null, AidKind.LEGAL_AID, null, null, null, null,
                "拖欠工资，需法律援助", null, null, UUID.randomUUID().toString());
        AidGrant grant = requests.request(directory.actor("union1"), legal, null);
        assertThat(grant.getAmount()).isEqualByComparingTo("0");
        tasks.decide(directory.actor("union2"), grant.getId(), true, "转介县法律援助中心");
        assertThat(processOf(grant)).isWaitingAt("recordReferralOutcome");

        tasks.recordOutcome(directory.actor("union1"), grant.getId(), "法律援助中心已受理，工资已追回");

        assertThat(reload(grant).getStatus()).isEqualTo(GrantStatus.DELIVERED);
        assertThat(reload(grant).getOutcome()).contains("工资已追回");
        assertThat(payments.countByGrantId(grant.getId())).isZero();
    }

    @Test
    void theWorkerMayAskForEducationAidButNotForLifeAid() {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        assertThatThrownBy(() -> requests.request(directory.actor("worker1"), form(file, AidKind.LIFE_AID, null), null))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("aid.workerMayNotRequest");
        AidRequestForm education = new AidRequestForm(file.getId(), null, AidKind.EDUCATION_AID, SchoolingStage.JUNIOR_MIDDLE,
                households.memberId(file, "张小明"), null, unionFund().getId(), "初中在读", ACCOUNT, "中国工商银行", UUID.randomUUID().toString());
        AidGrant grant = requests.request(directory.actor("worker1"), education, bills());
        assertThat(grant.getAmount()).isEqualByComparingTo("1500.00");
        assertThat(grant.getRequestedBy()).isEqualTo("worker1");
        assertThat(List.of(grant.getStatus())).containsExactly(GrantStatus.REQUESTED);
    }
}
