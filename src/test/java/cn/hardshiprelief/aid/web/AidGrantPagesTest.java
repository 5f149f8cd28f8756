package cn.hardshiprelief.aid.web;

import cn.hardshiprelief.vocabulary.GrantId;
import cn.hardshiprelief.aid.AidGrant;
import cn.hardshiprelief.audit.AccessLog;
import cn.hardshiprelief.audit.AccessLogEntry;
import cn.hardshiprelief.audit.AccessSearch;
import cn.hardshiprelief.aid.AidGrantLifecycle;
import cn.hardshiprelief.aid.AidKind;
import cn.hardshiprelief.aid.ApprovalLevel;
import cn.hardshiprelief.aid.GrantStatus;
import cn.hardshiprelief.campaign.CampaignCandidate;
import cn.hardshiprelief.campaign.CampaignConduct;
import cn.hardshiprelief.campaign.CampaignForm;
import cn.hardshiprelief.campaign.Campaigns;
import cn.hardshiprelief.campaign.Holiday;
import cn.hardshiprelief.campaign.WarmthCampaign;
import cn.hardshiprelief.vocabulary.Tier;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.support.AppTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static cn.hardshiprelief.aid.web.AidPageSteps.grantIdOf;
import static cn.hardshiprelief.aid.web.AidPageSteps.proof;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One grant's page: approval at the level its amount needs (and only there), the returned payment, the
 * receipt, a referral's outcome, who may open it and its proof, the inbox lines that lead to it, and the aid
 * section of the household's page. worker1's household is granted by the company union (union1), worker3's
 * by the branch union 城关街道工会 (branch1); both answer to the county union CU01 (county1, chair1).
 */
@AppTest
class AidGrantPagesTest {

    @Autowired MockMvc mvc;
    @Autowired AidPageSteps steps;
    @Autowired ProcessEngine engine;
    @Autowired AidGrantLifecycle lifecycle;
    @Autowired Directory directory;
    @Autowired AccessLog accessLog;
    @Autowired Campaigns campaigns;
    @Autowired CampaignConduct campaignConduct;

    /** The page; for the inbox (/tasks) every page of it. */
    private String page(String url, String username, Object... vars) throws Exception {
        if (url.equals("/tasks")) {
            return cn.hardshiprelief.support.InboxPages.all(mvc, steps.as(username));
        }
        return mvc.perform(get(url, vars).with(steps.as(username))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private Long requested(HouseholdFile file, AidKind kind, String basis, boolean withProof) throws Exception {
        var form = steps.requestForm(file, file.getBranchUnion() != null ? "branch1" : "union1", kind, basis, "申请救助");
        if (withProof) {
            form.file(proof());
        }
        return grantIdOf(mvc.perform(form).andExpect(status().is3xxRedirection()).andReturn());
    }

    private MockHttpServletRequestBuilder decision(Long grantId, String username, boolean approved, String comment) {
        return post("/aid/{id}/decision", grantId).param("approved", String.valueOf(approved)).param("comment", comment)
                .with(csrf()).with(steps.as(username));
    }

    private String openStep(Long grantId) {
        AidGrant grant = steps.grant(grantId);
        var tasks = engine.getTaskService().createTaskQuery().processInstanceId(grant.getProcessInstanceId()).list();
        return tasks.isEmpty() ? null : tasks.get(0).getTaskDefinitionKey();
    }

    private Job disburseJob(Long grantId) {
        return engine.getManagementService().createJobQuery()
                .processInstanceId(steps.grant(grantId).getProcessInstanceId()).activityId("disburseGrant").singleResult();
    }

    @Test
    void aGrantWithinTheBranchUnionsReachIsApprovedThereAndGoesToDisbursement() throws Exception {
        HouseholdFile file = steps.filedByCompany();
        Long id = requested(file, AidKind.EMERGENCY_AID, "1500", false);
        assertThat(steps.grant(id).getApprovalLevel()).isEqualTo(ApprovalLevel.BRANCH_UNION);
        assertThat(page("/tasks", "union1")).contains("/aid/" + id, steps.grant(id).getGrantNumber(), "基层工会审批");

        mvc.perform(decision(id, "union2", true, "情况属实，同意")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/aid/" + id));

        assertThat(steps.grant(id).getStatus()).isEqualTo(GrantStatus.APPROVED);
        assertThat(disburseJob(id)).as("the disburseGrant job waits for the job executor").isNotNull();
        assertThat(page("/tasks", "union1")).doesNotContain("/aid/" + id + "\"");
        assertThat(page("/aid/{id}", "union1", id)).contains("审批同意", "情况属实，同意", "批准发放")
                .doesNotContain("action=\"/aid/" + id + "/decision\"");
        mvc.perform(decision(id, "union2", true, "再批一次")).andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已由他人处理或已不在待办中")));
    }

    @Test
    void theRequesterUrgesTheApproverOnceADayFromTheGrantsPage() throws Exception {
        HouseholdFile file = steps.filedByCompany();
        Long id = requested(file, AidKind.EMERGENCY_AID, "1200", false);
        assertThat(page("/aid/{id}", "union1", id)).contains("action=\"/cases/aidGrant/" + id + "/urge");
        assertThat(page("/aid/{id}", "union2", id)).as("the approver decides, he does not urge")
                .doesNotContain("/cases/aidGrant/" + id + "/urge");

        mvc.perform(post("/cases/aidGrant/{id}/urge", id).param("back", "/aid/" + id).with(csrf())
                        .with(steps.as("county1"))).andExpect(status().isForbidden());
        mvc.perform(post("/cases/aidGrant/{id}/urge", id).param("back", "/aid/" + id).with(csrf())
                        .with(steps.as("union1"))).andExpect(redirectedUrl("/aid/" + id))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("success", "workbench.urged"));
        mvc.perform(post("/cases/aidGrant/{id}/urge", id).param("back", "/aid/" + id).with(csrf())
                        .with(steps.as("union1")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("warning", "workbench.urgedToday"));
    }

    @Test
    void fiveThousandYuanNeedsTheCountyUnionAndTheBranchUnionCannotDecideAgain() throws Exception {
        HouseholdFile file = steps.filedByCompany();
        Long id = requested(file, AidKind.EMERGENCY_AID, "5000", false);
        assertThat(steps.grant(id).getApprovalLevel()).isEqualTo(ApprovalLevel.COUNTY_UNION);
        assertThat(page("/aid/{id}", "union2", id)).contains("县总工会审批");

        mvc.perform(decision(id, "union2", true, "突发火灾，同意上报")).andExpect(status().is3xxRedirection());
        assertThat(openStep(id)).isEqualTo("approveByCountyUnion");
        assertThat(page("/aid/{id}", "union2", id)).contains("这一步由其他人员办理")
                .doesNotContain("action=\"/aid/" + id + "/decision\"");
        mvc.perform(decision(id, "union2", true, "再次同意")).andExpect(status().isForbidden());
        mvc.perform(decision(id, "branch2", true, "同意")).andExpect(status().isForbidden());
        assertThat(page("/tasks", "county1")).contains("/aid/" + id);

        assertThat(page("/aid/{id}", "county1", id)).contains("action=\"/aid/" + id + "/decision\"");
        mvc.perform(decision(id, "county1", true, "同意")).andExpect(status().is3xxRedirection());

        assertThat(steps.grant(id).getStatus()).isEqualTo(GrantStatus.APPROVED);
        assertThat(disburseJob(id)).isNotNull();
    }

    /**
     * 城关街道工会 has one caseworker, branch1, who requested the grant: separation of duties sends the branch
     * step up to the county union; county1, having taken it, does not also take the county step, which goes up
     * to the chair. Nobody decides twice and nobody decides their own request.
     */
    @Test
    void aGrantRequestedByABranchUnionOfOnePersonGoesUpALevelAtEachStepItCannotTake() throws Exception {
        HouseholdFile file = steps.filedByUnion();
        Long id = requested(file, AidKind.EMERGENCY_AID, "5000", false);

        String refused = mvc.perform(decision(id, "branch1", true, "同意上报")).andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("本人提出了该救助申请（不相容职责）").doesNotContain("they requested");
        assertThat(openStep(id)).isEqualTo("approveByBranchUnion");
        assertThat(page("/tasks", "county1")).contains("/aid/" + id);
        mvc.perform(decision(id, "county1", true, "情况属实，同意上报")).andExpect(status().is3xxRedirection());

        assertThat(openStep(id)).isEqualTo("approveByCountyUnion");
        mvc.perform(decision(id, "county1", true, "同意")).andExpect(status().isForbidden());
        assertThat(page("/tasks", "chair1")).contains("/aid/" + id);
        mvc.perform(decision(id, "chair1", true, "同意")).andExpect(status().is3xxRedirection());
        assertThat(steps.grant(id).getStatus()).isEqualTo(GrantStatus.APPROVED);
    }

    @Test
    void aMedicalGrantAboveTenThousandGoesUpToTheChair() throws Exception {
        HouseholdFile file = steps.filedByCompany();
        Long id = requested(file, AidKind.MEDICAL_AID, "30000", true);
        boolean deep = EnumSet.of(Tier.EXTREME, Tier.DEEP).contains(file.getTier());
        assertThat(steps.grant(id).getAmount()).isEqualByComparingTo(deep ? "15000.00" : "12000.00");
        assertThat(steps.grant(id).getApprovalLevel()).isEqualTo(ApprovalLevel.COUNTY_UNION_CHAIR);

        mvc.perform(decision(id, "union2", true, "同意")).andExpect(status().is3xxRedirection());
        mvc.perform(decision(id, "county1", true, "同意上报主席")).andExpect(status().is3xxRedirection());
        assertThat(openStep(id)).isEqualTo("approveByCountyUnionChair");
        mvc.perform(decision(id, "county1", true, "同意")).andExpect(status().isForbidden());
        assertThat(page("/tasks", "chair1")).contains("/aid/" + id, "县总工会主席审批");

        mvc.perform(decision(id, "chair1", true, "同意大病救助")).andExpect(status().is3xxRedirection());

        assertThat(steps.grant(id).getStatus()).isEqualTo(GrantStatus.APPROVED);
        assertThat(disburseJob(id)).isNotNull();
        assertThat(page("/aid/{id}", "chair1", id)).contains("同意大病救助", "县总工会主席审批");
    }

    @Test
    void aDecisionWithoutCommentIsRefusedOnThePageKeepingTheChoice() throws Exception {
        HouseholdFile file = steps.filedByCompany();
        Long id = requested(file, AidKind.EMERGENCY_AID, "400", false);

        String refused = mvc.perform(post("/aid/{id}/decision", id).param("approved", "false").param("comment", " ")
                        .with(csrf()).with(steps.as("union1")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(refused).contains("填写有误，请按提示修改", "此项为必填项").containsPattern("value=\"false\"[^>]*checked=\"checked\"");
        assertThat(openStep(id)).isEqualTo("approveByBranchUnion");
        mvc.perform(post("/aid/{id}/decision", id).param("approved", "true").param("comment", "同意")
                .with(steps.as("union1"))).andExpect(status().isForbidden());
        assertThat(openStep(id)).as("no CSRF token, no decision").isEqualTo("approveByBranchUnion");
    }

    @Test
    void aReturnedPaymentIsPaidAgainToTheCorrectedAccountAndTheWorkerConfirmsReceipt() throws Exception {
        HouseholdFile file = steps.filedByCompany();
        Long id = requested(file, AidKind.EMERGENCY_AID, "700", false);
        mvc.perform(decision(id, "union2", true, "同意")).andExpect(status().is3xxRedirection());
        engine.getManagementService().executeJob(disburseJob(id).getId());
        lifecycle.bankResult(GrantId.required(id), false, "账户不存在");
        assertThat(openStep(id)).isEqualTo("resolveFailedPayment");
        assertThat(page("/aid/{id}", "union1", id)).contains("发放失败", "账户不存在", "action=\"/aid/" + id + "/failed-payment\"");

        String refused = mvc.perform(post("/aid/{id}/failed-payment", id).param("retryPayment", "true")
                        .param("payeeAccount", "12ab").param("payeeBank", "农业银行").param("comment", "更正账号")
                        .with(csrf()).with(steps.as("union1")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("收款账号须为 12 至 30 位数字").contains("value=\"12ab\"");
        mvc.perform(post("/aid/{id}/failed-payment", id).param("retryPayment", "true")
                        .param("payeeAccount", "6228480012345678901").param("payeeBank", "中国农业银行")
                        .param("comment", "户主提供了新账号").with(csrf()).with(steps.as("union1")))
                .andExpect(status().is3xxRedirection());
        assertThat(steps.grant(id).getPayeeAccount()).isEqualTo("6228480012345678901");

        engine.getManagementService().executeJob(disburseJob(id).getId());
        lifecycle.bankResult(GrantId.required(id), true, null);
        assertThat(openStep(id)).isEqualTo("confirmReceipt");
        assertThat(page("/tasks", "worker1")).contains("/aid/" + id, "确认签收");
        mvc.perform(post("/aid/{id}/receipt", id).param("receiptNote", "已收到").with(csrf()).with(steps.as("worker2")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/aid/{id}/receipt", id).param("receiptNote", "已收到，谢谢工会").with(csrf())
                .with(steps.as("worker1"))).andExpect(status().is3xxRedirection());

        AidGrant received = steps.grant(id);
        assertThat(received.getStatus()).isEqualTo(GrantStatus.RECEIVED);
        assertThat(received.getOutcome()).isEqualTo("已收到，谢谢工会");
        assertThat(page("/aid/{id}", "worker1", id)).contains("已签收", "已收到，谢谢工会", "更正收款账户", "银行支付失败");
    }

    @Test
    void aReferralIsApprovedAndItsOutcomeRecordedWithoutMoney() throws Exception {
        HouseholdFile file = steps.filedByCompany();
        Long id = grantIdOf(mvc.perform(steps.requestForm(file, "union1", AidKind.LEGAL_AID, null, "拖欠工资",
                        "fundId", "", "payeeAccount", "", "payeeBank", ""))
                .andExpect(status().is3xxRedirection()).andReturn());
        mvc.perform(decision(id, "union2", true, "转介县法律援助中心")).andExpect(status().is3xxRedirection());
        assertThat(page("/aid/{id}", "union1", id)).contains("action=\"/aid/" + id + "/outcome\"");

        mvc.perform(post("/aid/{id}/outcome", id).param("referralOutcome", "法律援助中心已受理，工资已追回")
                .with(csrf()).with(steps.as("union1"))).andExpect(status().is3xxRedirection());

        assertThat(steps.grant(id).getStatus()).isEqualTo(GrantStatus.DELIVERED);
        assertThat(steps.grant(id).getAmount()).isEqualByComparingTo("0");
        assertThat(page("/aid/{id}", "union1", id)).contains("已办结", "工资已追回", "转介结果");
    }

    @Test
    void onlyTheGrantsUnionsAndTheRecipientMayOpenItOrItsProof() throws Exception {
        HouseholdFile file = steps.filedByCompany();
        Long id = requested(file, AidKind.TRAVEL_HOME, "380", true);

        mvc.perform(get("/aid/{id}", id).with(steps.as("branch1"))).andExpect(status().isForbidden());
        mvc.perform(get("/aid/{id}", id).with(steps.as("worker2"))).andExpect(status().isForbidden());
        mvc.perform(get("/aid/{id}/proof", id).with(steps.as("branch1"))).andExpect(status().isForbidden());
        mvc.perform(get("/aid/{id}", 9_999_999L).with(steps.as("union1"))).andExpect(status().isNotFound());
        mvc.perform(get("/aid/{id}", "abc").with(steps.as("union1"))).andExpect(status().isNotFound());
        page("/aid/{id}", "county1", id);
        page("/aid/{id}", "worker1", id);

        mvc.perform(get("/aid/{id}/proof", id).with(steps.as("union1")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(cn.hardshiprelief.support.Enrollments.PDF));
        Long without = requested(file, AidKind.EMERGENCY_AID, "100", false);
        mvc.perform(get("/aid/{id}/proof", without).with(steps.as("union1"))).andExpect(status().isNotFound());
        assertThat(accessLog.search(directory.actor("admin"), new AccessSearch(null, AccessLogEntry.Kind.AID_PROOF,
                null, null, steps.grant(id).getGrantNumber()), 0)).singleElement()
                .satisfies(a -> assertThat(a.username()).isEqualTo("union1"));
        assertThat(accessLog.search(directory.actor("admin"), new AccessSearch(null, AccessLogEntry.Kind.AID_PROOF,
                null, null, steps.grant(without).getGrantNumber()), 0)).isEmpty();
        assertThat(page("/aid", "branch1")).doesNotContain("/aid/" + id + "\"");
        assertThat(page("/aid", "worker1")).contains("/aid/" + id + "\"");
    }

    @Test
    void theHouseholdsPageListsItsGrantsOffersTheRequestAndLinksTheLedger() throws Exception {
        HouseholdFile file = steps.filedByCompany();
        Long id = requested(file, AidKind.EMERGENCY_AID, "900", false);
        String number = steps.grant(id).getGrantNumber();

        assertThat(page("/households/{id}", "union1", file.getId())).contains(number, "/aid/" + id + "\"",
                "/aid/new?fileId=" + file.getId(), "/households/" + file.getId() + "/ledger", "临时救助");
        assertThat(page("/households/{id}", "worker1", file.getId())).contains(number, "/aid/new?fileId=" + file.getId());
        assertThat(page("/households/{id}", "director1", file.getId())).doesNotContain(number)
                .doesNotContain("/aid/new?fileId=");
        assertThat(page("/households/{id}?lang=en", "union1", file.getId())).contains("Aid ledger", "Request aid");
    }

    @Test
    void aWarmthCampaignWaitingForApprovalIsInTheCountyUnionsInbox() throws Exception {
        HouseholdFile file = steps.filedByUnion();
        Actor branch = directory.actor("branch1");
        CampaignForm choice = new CampaignForm(Holiday.MID_AUTUMN, "中秋送温暖（页面测试）", null, null, null,
                steps.fundFor(file).getId(), Set.of());
        Set<Long> others = campaigns.preview(branch, choice).stream().map(CampaignCandidate::fileId)
                .filter(fileId -> !fileId.equals(file.getId())).collect(Collectors.toSet());
        WarmthCampaign campaign = campaigns.submit(branch, new CampaignForm(Holiday.MID_AUTUMN, "中秋送温暖（页面测试）",
                null, null, null, steps.fundFor(file).getId(), others));
        try {
            assertThat(page("/tasks", "county1")).contains("/campaigns/" + campaign.getId(), "中秋送温暖（页面测试）",
                    "审批慰问名单");
            assertThat(page("/tasks", "branch2")).doesNotContain("/campaigns/" + campaign.getId());
        } finally {
            campaignConduct.decide(directory.actor("county1"), campaign.getId(), false, "页面测试结束");
        }
    }
}
