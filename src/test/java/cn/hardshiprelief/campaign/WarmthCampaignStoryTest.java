package cn.hardshiprelief.campaign;

import cn.hardshiprelief.aid.AidGrant;
import cn.hardshiprelief.aid.AidGrantRepository;
import cn.hardshiprelief.aid.AidKind;
import cn.hardshiprelief.aid.GrantStatus;
import cn.hardshiprelief.process.campaign.WarmthCampaignProcess;
import cn.hardshiprelief.disbursement.BankBatch;
import cn.hardshiprelief.disbursement.BankBatchRoundTripTest;
import cn.hardshiprelief.disbursement.BankBatches;
import cn.hardshiprelief.disbursement.BankResults;
import cn.hardshiprelief.disbursement.Payment;
import cn.hardshiprelief.disbursement.XlsxFile;
import org.springframework.mock.web.MockMultipartFile;
import cn.hardshiprelief.disbursement.PaymentRepository;
import cn.hardshiprelief.disbursement.PaymentStatus;
import cn.hardshiprelief.fund.Fund;
import cn.hardshiprelief.fund.FundSource;
import cn.hardshiprelief.household.CancelReason;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.web.WebConfig;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * A warmth campaign (送温暖) in the whole application: the company union lists its households for the Spring
 * Festival and reserves the money, the county union approves the list, the batch job pays every household
 * once — grant, ledger entry, fund figures — and a household whose file was cancelled before the payment
 * makes its batch an incident, naming it, until the union takes it off the list and pays the batch again.
 * The shared context holds other tests' households and money, so lists are narrowed to each test's own
 * households and fund figures compared before and after.
 */
@AppTest
class WarmthCampaignStoryTest {

    @Autowired CampaignHouseholds households;
    @Autowired Campaigns campaigns;
    @Autowired CampaignConduct conduct;
    @Autowired CampaignPayer payer;
    @Autowired CampaignRepository campaignRecords;
    @Autowired CampaignLineRepository lines;
    @Autowired AidGrantRepository grants;
    @Autowired PaymentRepository payments;
    @Autowired cn.hardshiprelief.household.ChangeReports changes;
    @Autowired Directory directory;
    @Autowired cn.hardshiprelief.support.People people;
    @Autowired ProcessEngine engine;
    @Autowired BankBatches bankBatches;
    @Autowired BankResults bankResults;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    @org.junit.jupiter.api.AfterEach
    void removeTwoRolePeople() {
        people.removeAll();
    }

    @Test
    void whoeverSubmittedAListDoesNotApproveIt() {
        String dual = people.withRoles("dualCampaign", "C01U", "branchUnion_C01U", "countyUnion_CU01");
        HouseholdFile zhang = households.withPayee(households.filedInTheCompany("worker1"));
        WarmthCampaign campaign = campaigns.submit(directory.actor(dual), households.onlyThese(dual,
                Holiday.SPRING_FESTIVAL, "春节送温暖（兼职人员提交）", households.fund("union1", FundSource.UNION_FUNDS),
                List.of(zhang)));
        String approval = engine.getTaskService().createTaskQuery().processInstanceId(campaign.getProcessInstanceId())
                .singleResult().getId();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.getTaskService().claim(approval, dual))
                .isInstanceOf(cn.hardshiprelief.task.StepRefusedException.class).hasMessageContaining("提交了该名单");
        conduct.decide(directory.actor("county1"), campaign.getId(), true, "同意");
        assertThat(reload(campaign).getDecidedBy()).isEqualTo("county1");
    }

    @Test
    void aFileCancelledBeforeThePaymentHoldsUpItsBatchUntilTheHouseholdIsTakenOffAndEveryoneElseIsPaidOnce() {
        HouseholdFile zhang = households.withPayee(households.filedInTheCompany("worker1"));
        HouseholdFile li = households.withPayee(households.filedInTheCompany("worker2"));
        HouseholdFile movedAway = households.withPayee(households.filedInTheCompany("worker1"));
        Fund fund = households.fund("union1", FundSource.UNION_FUNDS);
        Fund before = households.reloaded(fund);

        WarmthCampaign campaign = campaigns.submit(directory.actor("union1"), households.onlyThese("union1",
                Holiday.SPRING_FESTIVAL, "春节送温暖（一）", fund, List.of(zhang, li, movedAway)));

        Map<Long, CampaignLine> listed = linesByFile(campaign);
        assertThat(listed).containsOnlyKeys(zhang.getId(), li.getId(), movedAway.getId());
        BigDecimal total = sum(listed.values());
        assertThat(campaign.getHouseholdCount()).isEqualTo(3);
        assertThat(campaign.getTotalAmount()).isEqualByComparingTo(total);
        assertThat(listed.values()).allSatisfy(line -> assertThat(line.getStatus()).isEqualTo(LineStatus.SELECTED));
        assertThat(households.reloaded(fund).getReserved()).as("the whole list is reserved at once")
                .isEqualByComparingTo(before.getReserved().add(total));
        ProcessInstance process = processOf(campaign);
        assertThat(process).isWaitingAt(WarmthCampaignProcess.APPROVE_CAMPAIGN_LIST);

        conduct.decide(directory.actor("county1"), campaign.getId(), true, "同意按名单发放");

        WarmthCampaign approved = reload(campaign);
        assertThat(approved.getStatus()).isEqualTo(CampaignStatus.PAYING);
        assertThat(approved.getDecidedBy()).isEqualTo("county1");
        assertThat(approved.getDecisionComment()).isEqualTo("同意按名单发放");
        assertThat(process).isWaitingAt(WarmthCampaignProcess.PAY_CAMPAIGN_BATCH);

        // the household moved away after the list was approved, before its batch was paid
        changes.cancel(directory.actor("county1"), movedAway.getId(), CancelReason.MOVED_AWAY, "举家迁往外省");

        households.runJobsUntilRetriesAreUsedUp(process.getId());

        List<Incident> incidents = engine.getRuntimeService().createIncidentQuery()
                .processInstanceId(process.getId()).list();
        assertThat(incidents).as("the batch, tried three times, is an incident").singleElement()
                .satisfies(incident -> {
                    assertThat(incident.getActivityId()).isEqualTo(WarmthCampaignProcess.PAY_CAMPAIGN_BATCH);
                    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
                    assertThat(incident.getIncidentMessage()).contains(movedAway.getHeadName())
                            .contains(String.valueOf(listed.get(movedAway.getId()).getId()))
                            .contains("该户档案已脱困或注销");
                });
        Map<Long, CampaignLine> byFile = linesByFile(campaign);
        CampaignLine failed = byFile.get(movedAway.getId());
        assertThat(failed.getStatus()).isEqualTo(LineStatus.FAILED);
        assertThat(failed.getGrantId()).isNull();
        assertThat(failed.getProblem()).contains("该户档案已脱困或注销");
        List<CampaignLine> paidLines = List.of(byFile.get(zhang.getId()), byFile.get(li.getId()));
        BigDecimal paidAmount = sum(paidLines);
        assertThat(paidLines).allSatisfy(line -> assertPaidOnce(line, campaign, fund));
        Fund afterBatch = households.reloaded(fund);
        assertThat(afterBatch.getPaid()).as("paid grew by exactly the households paid")
                .isEqualByComparingTo(before.getPaid().add(paidAmount));
        assertThat(afterBatch.getReserved()).as("the failed household's money stays reserved")
                .isEqualByComparingTo(before.getReserved().add(failed.getAmount()));
        CampaignProgress stuck = conduct.progress(reload(campaign));
        assertThat(stuck).extracting(CampaignProgress::paid, CampaignProgress::failed, CampaignProgress::selected,
                CampaignProgress::failedBatches).containsExactly(2L, 1L, 0L, 1);
        assertThat(process).isWaitingAt(WarmthCampaignProcess.PAY_CAMPAIGN_BATCH);

        conduct.removeLine(directory.actor("union1"), campaign.getId(), failed.getId());
        assertThat(conduct.retryFailed(directory.actor("union1"), campaign.getId())).isEqualTo(1);
        Job retried = engine.getManagementService().createJobQuery().processInstanceId(process.getId()).singleResult();
        assertThat(retried.getRetries()).isEqualTo(3);
        engine.getManagementService().executeJob(retried.getId());

        assertThat(process).isEnded().hasPassed(WarmthCampaignProcess.COMPLETE_CAMPAIGN,
                WarmthCampaignProcess.CAMPAIGN_COMPLETED);
        WarmthCampaign completed = reload(campaign);
        assertThat(completed.getStatus()).isEqualTo(CampaignStatus.COMPLETED);
        assertThat(completed.getCompletedAt()).isNotNull();
        assertThat(completed.getHouseholdCount()).isEqualTo(2);
        assertThat(completed.getTotalAmount()).isEqualByComparingTo(paidAmount);
        assertThat(linesByFile(campaign).get(movedAway.getId()).getStatus()).isEqualTo(LineStatus.REMOVED);
        assertThat(paidLines).allSatisfy(line -> assertPaidOnce(line, campaign, fund));
        Fund after = households.reloaded(fund);
        assertThat(after.getReserved()).as("nothing of the campaign is left reserved")
                .isEqualByComparingTo(before.getReserved());
        assertThat(after.getPaid()).isEqualByComparingTo(before.getPaid().add(paidAmount));
        assertThat(conduct.progress(completed)).extracting(CampaignProgress::paid, CampaignProgress::failed,
                CampaignProgress::removed, CampaignProgress::failedBatches).containsExactly(2L, 0L, 1L, 0);
    }

    @Test
    void payingABatchAgainAfterItWasPaidPaysNobodyTwice() {
        HouseholdFile wang = households.withPayee(households.filedInTheCityBranch());
        HouseholdFile liu = households.withPayee(households.filedInTheCityBranch());
        Fund fund = households.fund("branch1", FundSource.DONATIONS);
        Fund before = households.reloaded(fund);
        WarmthCampaign campaign = campaigns.submit(directory.actor("branch1"), households.onlyThese("branch1",
                Holiday.MID_AUTUMN, "中秋送温暖", fund, List.of(wang, liu)));
        conduct.decide(directory.actor("county1"), campaign.getId(), true, "同意");
        ProcessInstance process = processOf(campaign);

        households.runJobsUntilRetriesAreUsedUp(process.getId());
        assertThat(process).isEnded().hasPassed(WarmthCampaignProcess.CAMPAIGN_COMPLETED);
        Fund paidOnce = households.reloaded(fund);

        // the job ran again, as after a lost acknowledgement: every line is paid, so nothing happens
        assertThat(payer.payBatch(campaign.getId(), 0)).isZero();
        assertThat(payer.payBatch(campaign.getId(), 0)).isZero();

        List<CampaignLine> paid = List.copyOf(linesByFile(campaign).values());
        assertThat(paid).hasSize(2).allSatisfy(line -> assertPaidOnce(line, campaign, fund));
        Fund after = households.reloaded(fund);
        assertThat(after.getPaid()).isEqualByComparingTo(paidOnce.getPaid())
                .isEqualByComparingTo(before.getPaid().add(sum(paid)));
        assertThat(after.getReserved()).isEqualByComparingTo(before.getReserved());
    }

    @Test
    void theBankConfirmsOneCampaignPaymentAndReturnsTheOtherWhichBecomesATaskOfItsOwn() throws Exception {
        HouseholdFile wang = households.withPayee(households.filedInTheCityBranch());
        HouseholdFile returned = households.withPayee(households.filedInTheCityBranch());
        Fund fund = households.fund("branch1", FundSource.UNION_FUNDS);
        WarmthCampaign campaign = campaigns.submit(directory.actor("branch1"), households.onlyThese("branch1",
                Holiday.NEW_YEAR, "元旦送温暖", fund, List.of(wang, returned)));
        conduct.decide(directory.actor("county1"), campaign.getId(), true, "同意");
        households.runJobsUntilRetriesAreUsedUp(processOf(campaign).getId());
        Map<Long, CampaignLine> byFile = linesByFile(campaign);
        Payment confirmedPayment = payments.findByGrantIdOrderByIdAsc(byFile.get(wang.getId()).getGrantId()).get(0);
        Payment returnedPayment = payments.findByGrantIdOrderByIdAsc(byFile.get(returned.getId()).getGrantId()).get(0);
        Fund paid = households.reloaded(fund);

        BankBatch batch = bankBatches.export(directory.actor("branch1"), fund.getId(), bankBatches.today());
        bankResults.importResult(directory.actor("branch1"), batch.getId(), new MockMultipartFile("file", "回盘.xlsx",
                XlsxFile.CONTENT_TYPE, BankBatchRoundTripTest.resultFile(Map.of(
                        confirmedPayment.getPaymentKey(), new String[] {"成功", ""},
                        returnedPayment.getPaymentKey(), new String[] {"失败", "户名与账号不符"}))));

        AidGrant confirmed = grants.findById(confirmedPayment.getGrantId()).orElseThrow();
        assertThat(confirmed.getStatus()).isEqualTo(GrantStatus.PAID);
        assertThat(confirmed.getProcessInstanceId()).as("a campaign grant needs no process of its own").isNull();
        AidGrant failed = grants.findById(returnedPayment.getGrantId()).orElseThrow();
        assertThat(failed.getStatus()).isEqualTo(GrantStatus.PAYMENT_FAILED);
        ProcessInstance task = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(failed.getProcessInstanceId()).singleResult();
        assertThat(task).isWaitingAt("resolveFailedPayment");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(task.getId()).singleResult())
                .satisfies(t -> assertThat(engine.getTaskService().getIdentityLinksForTask(t.getId()))
                        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("branchUnion_CU01B01")));
        Fund settled = households.reloaded(fund);
        assertThat(settled.getPaid()).isEqualByComparingTo(paid.getPaid().subtract(failed.getAmount()));
        assertThat(settled.getReserved()).isEqualByComparingTo(paid.getReserved().add(failed.getAmount()));

        // the visits: the confirmed greetings count as received, the returned payment waits for its task
        conduct.recordVisits(directory.actor("branch1"), campaign.getId(),
                List.of(byFile.get(wang.getId()).getId(), byFile.get(returned.getId()).getId()), "上门慰问，送去米面油");
        assertThat(grants.findById(confirmed.getId()).orElseThrow().getStatus()).isEqualTo(GrantStatus.RECEIVED);
        assertThat(grants.findById(failed.getId()).orElseThrow().getStatus()).isEqualTo(GrantStatus.PAYMENT_FAILED);
        assertThat(lines.findById(byFile.get(returned.getId()).getId()).orElseThrow().getVisitedAt()).isNotNull();
    }

    @Test
    void aRejectedListGivesTheReservedMoneyBackAndPaysNobody() {
        HouseholdFile household = households.withPayee(households.filedInTheCompany("worker2"));
        Fund fund = households.fund("union1", FundSource.DONATIONS);
        Fund before = households.reloaded(fund);
        WarmthCampaign campaign = campaigns.submit(directory.actor("union1"), households.onlyThese("union1",
                Holiday.NATIONAL_DAY, "国庆送温暖", fund, List.of(household)));
        assertThat(households.reloaded(fund).getReserved()).isGreaterThan(before.getReserved());
        ProcessInstance process = processOf(campaign);

        conduct.decide(directory.actor("county1"), campaign.getId(), false, "名单中的家庭已脱困");

        WarmthCampaign rejected = reload(campaign);
        assertThat(rejected.getStatus()).isEqualTo(CampaignStatus.REJECTED);
        assertThat(process).isEnded().hasPassed(WarmthCampaignProcess.CAMPAIGN_REJECTED);
        assertThat(households.reloaded(fund).getReserved()).isEqualByComparingTo(before.getReserved());
        assertThat(households.reloaded(fund).getPaid()).isEqualByComparingTo(before.getPaid());
        assertThat(payments.findByFileIdOrderByIdAsc(household.getId())).isEmpty();
    }

    // --- looking at the results

    private void assertPaidOnce(CampaignLine line, WarmthCampaign campaign, Fund fund) {
        CampaignLine now = lines.findById(line.getId()).orElseThrow();
        assertThat(now.getStatus()).isEqualTo(LineStatus.PAID);
        AidGrant grant = grants.findById(now.getGrantId()).orElseThrow();
        assertThat(grant.getKind()).isEqualTo(AidKind.WARMTH_VISIT);
        assertThat(grant.getCampaignId()).isEqualTo(campaign.getId());
        assertThat(grant.getFileId()).isEqualTo(now.getFileId());
        assertThat(grant.getHoliday()).isEqualTo(campaign.getHoliday().name());
        assertThat(grant.getHolidayYear()).as("the visit is for the campaign's holiday year").isEqualTo(campaign.getYear());
        assertThat(campaign.getYear()).as("the holiday's year, not the year it was set up in")
                .isEqualTo(campaign.getHoliday().yearFor(LocalDate.now(WebConfig.ZONE)));
        assertThat(grant.getStatus()).isEqualTo(GrantStatus.PAYING);
        assertThat(grant.getAmount()).isEqualByComparingTo(now.getAmount());
        assertThat(grant.getFund().getId()).isEqualTo(fund.getId());
        List<Payment> ledger = payments.findByGrantIdOrderByIdAsc(grant.getId());
        assertThat(ledger).as("one ledger entry for the grant of %s", now.getHeadName()).singleElement()
                .satisfies(payment -> {
                    assertThat(payment.getStatus()).isEqualTo(PaymentStatus.PENDING);
                    assertThat(payment.getAmount()).isEqualByComparingTo(now.getAmount());
                    assertThat(payment.getFileId()).isEqualTo(now.getFileId());
                    assertThat(payment.getPayeeAccount()).isNotBlank();
                });
    }

    private Map<Long, CampaignLine> linesByFile(WarmthCampaign campaign) {
        return lines.findByCampaignIdOrderByLineIndex(campaign.getId(), Pageable.unpaged())
                .stream().collect(Collectors.toMap(CampaignLine::getFileId, Function.identity()));
    }

    private static BigDecimal sum(Collection<CampaignLine> list) {
        return list.stream().map(CampaignLine::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private WarmthCampaign reload(WarmthCampaign campaign) {
        return campaignRecords.findById(campaign.getId()).orElseThrow();
    }

    private ProcessInstance processOf(WarmthCampaign campaign) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(reload(campaign).getProcessInstanceId()).singleResult();
    }
}
