package cn.hardshiprelief.campaign;

import cn.hardshiprelief.fund.Fund;
import cn.hardshiprelief.fund.FundSource;
import cn.hardshiprelief.fund.Funds;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.support.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The warmth campaign pages: setting up a list (preview, taking households off, the fund), the county union's
 * approval, the payment's progress, failed households taken off and paid again, visits, and who may see what.
 * Each test files its own households of 城关街道工会 (branch1) and narrows the list to them.
 */
@AppTest
class CampaignPagesTest {

    @Autowired MockMvc mvc;
    @Autowired AppUserDetailsService users;
    @Autowired CampaignHouseholds households;
    @Autowired Campaigns campaigns;
    @Autowired CampaignRepository campaignRecords;
    @Autowired CampaignLineRepository lines;
    @Autowired Funds funds;
    @Autowired Directory directory;

    // --- setting up a list

    @Test
    void thePreviewListsTheHouseholdsFoundWarnsOfThoseWithoutAPayeeAndCountsOnlyThoseLeftOnTheList() throws Exception {
        HouseholdFile paid = households.withPayee(households.filedInTheCityBranch());
        HouseholdFile noPayee = households.filedInTheCityBranch();
        CampaignForm all = new CampaignForm(Holiday.NEW_YEAR, "元旦送温暖", null, null, null, null, null);
        List<CampaignCandidate> found = campaigns.preview(directory.actor("branch1"), all);
        assertThat(found).extracting(CampaignCandidate::fileId).contains(paid.getId(), noPayee.getId());
        CampaignCandidate withoutPayee = found.stream().filter(c -> c.fileId().equals(noPayee.getId())).findFirst()
                .orElseThrow();
        BigDecimal total = found.stream().map(CampaignCandidate::amount).reduce(BigDecimal.ZERO, BigDecimal::add);

        String page = mvc.perform(post("/campaigns/preview").with(as("branch1")).with(csrf())
                        .param("holiday", "NEW_YEAR").param("title", "元旦送温暖"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("data-file=\"" + paid.getFileNumber() + "\"")
                .contains("data-file=\"" + noPayee.getFileNumber() + "\"")
                .contains("<dd class=\"found\">" + found.size() + " 户</dd>")
                .contains("<dd class=\"on-list emphasis\">" + found.size() + " 户</dd>")
                .contains("<dd class=\"total emphasis\">" + money(total) + " 元</dd>")
                .contains("id=\"withoutPayee\"").contains("未登记，将发放失败")
                .contains("name=\"fundId\"").contains("提交名单（" + found.size() + " 户）");

        String narrowed = mvc.perform(post("/campaigns/preview").with(as("branch1")).with(csrf())
                        .param("holiday", "NEW_YEAR").param("title", "元旦送温暖")
                        .param("excludedFileIds", noPayee.getId().toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(narrowed).as("a household taken off stays in the table, ticked, and out of the counts")
                .contains("data-file=\"" + noPayee.getFileNumber() + "\"")
                .containsPattern("name=\"excludedFileIds\" value=\"" + noPayee.getId() + "\"[^>]*checked")
                .contains("<dd class=\"excluded\">1 户</dd>")
                .contains("<dd class=\"on-list emphasis\">" + (found.size() - 1) + " 户</dd>")
                .contains("<dd class=\"total emphasis\">" + money(total.subtract(withoutPayee.amount())) + " 元</dd>");
        mvc.perform(post("/campaigns/preview").with(as("branch1")).with(csrf()).param("title", "没有节日"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/campaigns/new").with(as("worker3"))).andExpect(status().isForbidden());
        mvc.perform(get("/campaigns/new").with(as("branch1")).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("New warmth campaign").doesNotContain("??"));
    }

    @Test
    void aListTheFundCannotCarryIsShownAgainWithTheReasonAndNothingIsReserved() throws Exception {
        HouseholdFile household = households.withPayee(households.filedInTheCityBranch());
        Fund fund = households.fund("branch1", FundSource.LOCAL_FINANCE);
        Fund before = households.reloaded(fund);
        long campaignsBefore = campaignRecords.count();
        CampaignForm form = households.onlyThese("branch1", Holiday.MAY_DAY, "五一送温暖", fund, List.of(household));
        // the fund's budget is cut to what it has already paid and reserved: nothing is left for the list
        funds.changeBudget(directory.actor("branch1"), fund.getId(), before.getPaid().add(before.getReserved()));
        try {
            String page = mvc.perform(submission(form).with(as("branch1")))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

            assertThat(page).contains("class=\"flash error\"").contains("可用余额 0.00 元，不足以支付")
                    .contains(before.getName())
                    .as("the list is shown again").contains("data-file=\"" + household.getFileNumber() + "\"");
        } finally {
            funds.changeBudget(directory.actor("branch1"), fund.getId(), before.getBudget());
        }
        assertThat(campaignRecords.count()).isEqualTo(campaignsBefore);
        assertThat(households.reloaded(fund).getReserved()).isEqualByComparingTo(before.getReserved());

        mvc.perform(submission(new CampaignForm(Holiday.MAY_DAY, "五一送温暖", null, null, null, null,
                        form.excludedFileIds())).with(as("branch1")))
                .andExpect(status().isBadRequest())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("请选择城关街道工会"));
    }

    // --- one campaign

    @Test
    void theCountyUnionApprovesTheListOnItsPageWithAComment() throws Exception {
        HouseholdFile household = households.withPayee(households.filedInTheCityBranch());
        Fund fund = households.fund("branch1", FundSource.UNION_FUNDS);
        CampaignForm form = households.onlyThese("branch1", Holiday.SPRING_FESTIVAL, "<script>alert(1)</script>春节",
                fund, List.of(household));

        String location = mvc.perform(submission(form).with(as("branch1")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", "campaigns.submitted"))
                .andExpect(flash().attribute("successArg", 1))
                .andReturn().getResponse().getRedirectedUrl();
        WarmthCampaign campaign = campaignAt(location);
        assertThat(campaign.getStatus()).isEqualTo(CampaignStatus.AWAITING_APPROVAL);
        assertThat(campaign.getFund().getId()).isEqualTo(fund.getId());

        String organiser = page(location, "branch1");
        assertThat(organiser).contains("id=\"awaitingApproval\"").doesNotContain("id=\"decision\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;春节").doesNotContain("<script>alert(1)");
        assertThat(page("/campaigns", "county1")).contains("data-campaign=\"" + campaign.getId() + "\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;春节");
        String county = page(location, "county1");
        assertThat(county).contains("id=\"decision\"").contains("action=\"" + location + "/decision\"");

        mvc.perform(post(location + "/decision").with(as("county1")).with(csrf()).param("approved", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("填写有误，请按提示修改", "此项为必填项").contains("id=\"decision\""));
        mvc.perform(post(location + "/decision").with(as("branch1")).with(csrf()).param("approved", "true")
                .param("comment", "自己批准")).andExpect(status().isForbidden());
        assertThat(reload(campaign).getStatus()).isEqualTo(CampaignStatus.AWAITING_APPROVAL);

        mvc.perform(post(location + "/decision").with(as("county1")).with(csrf()).param("approved", "true")
                        .param("comment", "同意按名单发放"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(location))
                .andExpect(flash().attribute("success", "campaigns.approved"));

        WarmthCampaign approved = reload(campaign);
        assertThat(approved.getStatus()).isEqualTo(CampaignStatus.PAYING);
        assertThat(approved.getDecidedBy()).isEqualTo("county1");
        String paying = page(location, "branch1");
        assertThat(paying).as("people by name, not by account").contains("吴刚 · ", "孙杰 · ")
                .doesNotContain("branch1 · ", "county1 · ");
        assertThat(paying).as("the page follows the payment").contains("data-follow=\"5\"").contains("/js/follow.js")
                .doesNotContain("http-equiv=\"refresh\"")
                .contains("<dd class=\"to-pay\">1</dd>").contains("同意按名单发放").doesNotContain("id=\"decision\"");
        mvc.perform(post(location + "/decision").with(as("county1")).with(csrf()).param("approved", "false")
                .param("comment", "再次审批")).andExpect(status().isConflict());
    }

    @Test
    void anotherBranchUnionMayNotSeeTheCampaignAndAMissingCampaignIsNotFound() throws Exception {
        WarmthCampaign campaign = submittedAndApproved(Holiday.MID_AUTUMN, "中秋送温暖", true);
        String location = "/campaigns/" + campaign.getId();

        mvc.perform(get(location).with(as("branch2"))).andExpect(status().isForbidden());
        mvc.perform(post(location + "/visits").with(as("branch2")).with(csrf())
                .param("lineIds", firstLine(campaign).getId().toString()).param("note", "走访"))
                .andExpect(status().isForbidden());
        mvc.perform(post(location + "/retry").with(as("county1")).with(csrf())).andExpect(status().isForbidden());
        assertThat(page("/campaigns", "branch2")).doesNotContain("data-campaign=\"" + campaign.getId() + "\"");
        assertThat(page("/campaigns", "branch1")).contains("data-campaign=\"" + campaign.getId() + "\"")
                .contains("href=\"/campaigns/new\"");
        assertThat(page("/campaigns", "chair1")).as("the chair sees the county's campaigns but organises none")
                .contains("data-campaign=\"" + campaign.getId() + "\"").doesNotContain("href=\"/campaigns/new\"");
        mvc.perform(get("/campaigns/{id}", 99_999_999L).with(as("branch1"))).andExpect(status().isNotFound());
        mvc.perform(get("/campaigns").with(as("worker3"))).andExpect(status().isForbidden());
        mvc.perform(get("/campaigns").param("lang", "en").with(as("branch1")))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("Warmth campaigns").contains("Mid-Autumn").doesNotContain("??"));
    }

    @Test
    void visitsAreRecordedForPaidHouseholdsWithANote() throws Exception {
        WarmthCampaign campaign = submittedAndApproved(Holiday.NATIONAL_DAY, "国庆送温暖", true);
        households.runJobsUntilRetriesAreUsedUp(campaign.getProcessInstanceId());
        assertThat(reload(campaign).getStatus()).isEqualTo(CampaignStatus.COMPLETED);
        CampaignLine line = firstLine(campaign);
        String location = "/campaigns/" + campaign.getId();
        String completed = page(location, "branch1");
        assertThat(completed.split("id=\"lines\"", -1)).as("the layout takes the page's sections once").hasSize(2);
        assertThat(completed).doesNotContain("data-follow")
                .contains("name=\"lineIds\" value=\"" + line.getId() + "\"").contains("<dd class=\"paid\">1</dd>");

        mvc.perform(post(location + "/visits").with(as("branch1")).with(csrf()).param("lineIds", line.getId().toString()))
                .andExpect(status().isBadRequest())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("请勾选已走访的家庭并填写走访情况"));
        mvc.perform(post(location + "/visits").with(as("branch1")).with(csrf()).param("lineIds", line.getId().toString())
                        .param("note", "x".repeat(501)))
                .andExpect(status().isBadRequest())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString()).contains("最多 500 字"));
        assertThat(lines.findById(line.getId()).orElseThrow().getVisitedAt()).isNull();

        mvc.perform(post(location + "/visits").with(as("branch1")).with(csrf()).param("lineIds", line.getId().toString())
                        .param("note", "国庆前与社区一同入户慰问，送去慰问金和米面油"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(location))
                .andExpect(flash().attribute("success", "campaigns.visitsRecorded"))
                .andExpect(flash().attribute("successArg", 1));

        assertThat(page("/campaigns", "branch1"))
                .containsPattern("data-campaign=\"" + campaign.getId() + "\"[\\s\\S]*?<span class=\"percent\">100%</span>");
        CampaignLine visited = lines.findById(line.getId()).orElseThrow();
        assertThat(visited.getVisitedBy()).isEqualTo("branch1");
        assertThat(visited.getVisitNote()).isEqualTo("国庆前与社区一同入户慰问，送去慰问金和米面油");
        assertThat(page(location, "branch1")).contains("<dd class=\"visited\">1</dd>")
                .contains("国庆前与社区一同入户慰问").doesNotContain("name=\"lineIds\" value=\"" + line.getId() + "\"");
    }

    @Test
    void aHouseholdWithoutAPayeeFailsIsTakenOffTheListOnThePageAndTheCampaignCompletes() throws Exception {
        WarmthCampaign campaign = submittedAndApproved(Holiday.SPRING_FESTIVAL, "春节送温暖（二）", false);
        households.runJobsUntilRetriesAreUsedUp(campaign.getProcessInstanceId());
        CampaignLine failed = firstLine(campaign);
        assertThat(failed.getStatus()).isEqualTo(LineStatus.FAILED);
        String location = "/campaigns/" + campaign.getId();

        String stuck = page(location, "branch1");
        assertThat(stuck).contains("id=\"failures\"").contains("没有登记发放账户")
                .contains("action=\"" + location + "/lines/" + failed.getId() + "/removal\"")
                .contains("id=\"retry\"")
                .as("nothing left to follow until someone acts").doesNotContain("data-follow");
        assertThat(page(location, "county1")).contains("id=\"failures\"").doesNotContain("/removal\"");

        mvc.perform(post(location + "/lines/{line}/removal", failed.getId()).with(as("county1")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(location + "/lines/{line}/removal", failed.getId()).with(as("branch1")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(location))
                .andExpect(flash().attribute("success", "campaigns.lineRemoved"));
        mvc.perform(post(location + "/lines/{line}/removal", failed.getId()).with(as("branch1")).with(csrf()))
                .andExpect(status().isConflict());
        mvc.perform(post(location + "/retry").with(as("branch1")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", "campaigns.retried"))
                .andExpect(flash().attribute("successArg", 1));
        households.runJobsUntilRetriesAreUsedUp(campaign.getProcessInstanceId());

        WarmthCampaign completed = reload(campaign);
        assertThat(completed.getStatus()).isEqualTo(CampaignStatus.COMPLETED);
        assertThat(completed.getHouseholdCount()).isZero();
        assertThat(page(location, "branch1")).contains("<dd class=\"removed\">1</dd>").doesNotContain("id=\"failures\"");
    }

    // --- the steps of the story

    /** A list of one new household of branch1, submitted through the page and approved by county1. */
    private WarmthCampaign submittedAndApproved(Holiday holiday, String title, boolean withPayee) throws Exception {
        HouseholdFile filed = households.filedInTheCityBranch();
        HouseholdFile household = withPayee ? households.withPayee(filed) : filed;
        Fund fund = households.fund("branch1", FundSource.CENTRAL_FINANCE);
        String location = mvc.perform(submission(households.onlyThese("branch1", holiday, title, fund,
                        List.of(household))).with(as("branch1")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(post(location + "/decision").with(as("county1")).with(csrf()).param("approved", "true")
                .param("comment", "同意")).andExpect(status().is3xxRedirection());
        WarmthCampaign campaign = campaignAt(location);
        assertThat(campaign.getStatus()).isEqualTo(CampaignStatus.PAYING);
        return campaign;
    }

    private WarmthCampaign campaignAt(String location) {
        assertThat(location).startsWith("/campaigns/");
        return campaignRecords.findById(Long.valueOf(location.substring("/campaigns/".length()))).orElseThrow();
    }

    private MockHttpServletRequestBuilder submission(CampaignForm form) {
        MockHttpServletRequestBuilder request = post("/campaigns").with(csrf())
                .param("holiday", form.holiday().name()).param("title", form.title());
        if (form.fundId() != null) {
            request.param("fundId", form.fundId().toString());
        }
        form.excluded().forEach(id -> request.param("excludedFileIds", id.toString()));
        return request;
    }

    private String page(String path, String username) throws Exception {
        return mvc.perform(get(path).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private CampaignLine firstLine(WarmthCampaign campaign) {
        return lines.findByCampaignIdOrderByLineIndex(campaign.getId(), Pageable.unpaged()).getContent().get(0);
    }

    private WarmthCampaign reload(WarmthCampaign campaign) {
        return campaignRecords.findById(campaign.getId()).orElseThrow();
    }

    private static String money(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", amount);
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void aFilterOrFundOfTheWrongTypeIsNamedOnTheFormKeepingTheTitle() throws Exception {
        String page = mvc.perform(post("/campaigns/preview").with(as("branch1")).with(csrf())
                        .param("holiday", "NEW_YEAR").param("title", "元旦送温暖").param("tier", "abc")
                        .param("fundId", "-x"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("困难类别: 格式不正确").contains("资金: 请从列出的资金中选择").contains("元旦送温暖");
    }
}
