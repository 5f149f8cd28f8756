package cn.hardshiprelief.browser;

import cn.hardshiprelief.aid.AidGrantRepository;
import cn.hardshiprelief.aid.GrantStatus;
import cn.hardshiprelief.campaign.CampaignLine;
import cn.hardshiprelief.campaign.CampaignLineRepository;
import cn.hardshiprelief.campaign.CampaignRepository;
import cn.hardshiprelief.campaign.CampaignStatus;
import cn.hardshiprelief.campaign.Holiday;
import cn.hardshiprelief.campaign.LineStatus;
import cn.hardshiprelief.campaign.WarmthCampaign;
import cn.hardshiprelief.disbursement.GrantsToPay;
import cn.hardshiprelief.disbursement.PaymentRepository;
import cn.hardshiprelief.fund.Fund;
import cn.hardshiprelief.fund.FundSource;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.support.Households;
import cn.hardshiprelief.support.Xlsx;
import cn.hardshiprelief.web.WebConfig;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A warmth campaign (送温暖) as the unions run it, in Chromium through the real pages: the branch union sets up the
 * Spring Festival list and submits it, the county union approves it on a phone (the submitter cannot), the
 * households are paid in batches, the day's payments go to the bank and its result file comes back, and the branch
 * union records the visit on a phone. (The household is filed beforehand through the services.)
 */
class CampaignJourneysTest extends JourneyTest {

    private static final Pattern CAMPAIGN = Pattern.compile("/campaigns/(\\d+)");
    private static final Pattern BATCH = Pattern.compile("/bank-batches/(\\d+)");

    @Autowired Households households;
    @Autowired GrantsToPay grants;
    @Autowired CampaignRepository campaigns;
    @Autowired CampaignLineRepository lines;
    @Autowired AidGrantRepository grantRecords;
    @Autowired PaymentRepository payments;
    @Autowired ManagementService management;

    @Test
    void aSpringFestivalListIsSetUpApprovedByTheCountyUnionPaidThroughTheBankAndVisited() throws IOException {
        HouseholdFile wang = households.filedOnTheUnionRouteWithPayee("worker3", "branch1", "6222020200112233446");
        Fund fund = grants.fundOf("branch1", FundSource.UNION_FUNDS);
        int festival = Holiday.SPRING_FESTIVAL.yearFor(LocalDate.now(WebConfig.ZONE));

        Browser organiser = as(Browser.DESKTOP, "branch1");
        organiser.open("/campaigns").press("发起慰问活动")
                .choose("holiday", "SPRING_FESTIVAL")
                .type("title", festival + " 年春节送温暖")
                .type("unitCode", "CU01B01W1")
                .press("预览名单");
        assertThat(organiser.text()).contains("王芳").contains(wang.getFileNumber());
        organiser.choose("fundId", String.valueOf(fund.getId())).press("提交名单（1 户）");
        Matcher page = CAMPAIGN.matcher(organiser.path());
        assertThat(page.find()).as("on the campaign's page, not %s", organiser.path()).isTrue();
        Long campaignId = Long.valueOf(page.group(1));
        assertThat(organiser.text()).as("the holiday's own year").contains("春节 " + festival)
                .as("the submitter waits for the county union").contains("等待示范县总工会审批")
                .doesNotContain("提交审批");

        Browser county = as(Browser.PHONE, "county1");
        county.open("/tasks").follow("/campaigns/" + campaignId).screenshot("campaign-approval");
        assertThat(county.topOf("提交审批")).as("the decision within the first two screens")
                .isLessThan(2 * Browser.SCREEN_HEIGHT);
        county.check("approved", "true").type("comment", "名单核实无误，同意发放").press("提交审批");
        WarmthCampaign approved = campaigns.findById(campaignId).orElseThrow();
        assertThat(approved.getStatus()).isEqualTo(CampaignStatus.PAYING);
        assertThat(approved.getDecidedBy()).isEqualTo("county1").isNotEqualTo(approved.getCreatedBy());

        for (Job batch : management.createJobQuery().processInstanceId(approved.getProcessInstanceId()).list()) {
            management.executeJob(batch.getId());
        }
        CampaignLine line = onlyLine(campaignId);
        assertThat(line.getStatus()).isEqualTo(LineStatus.PAID);
        assertThat(campaigns.findById(campaignId).orElseThrow().getStatus()).isEqualTo(CampaignStatus.COMPLETED);

        organiser.open("/funds/" + fund.getId()).press("导出批次");
        Matcher batch = BATCH.matcher(organiser.path());
        assertThat(batch.find()).as("on the batch's page, not %s", organiser.path()).isTrue();
        String key = payments.findByGrantIdOrderByIdAsc(line.getGrantId()).get(0).getPaymentKey();
        organiser.attach("file", bankResult(key)).press("导入回盘");
        assertThat(grantRecords.findById(line.getGrantId()).orElseThrow().getStatus()).isEqualTo(GrantStatus.PAID);

        Browser visitor = as(Browser.PHONE, "branch1");
        visitor.open("/campaigns/" + campaignId).screenshot("campaign")
                .check("lineIds", String.valueOf(line.getId()))
                .type("note", "春节前与社区一同入户慰问，送去慰问金和米面油")
                .press("记录走访");
        assertThat(onlyLine(campaignId).getVisitedAt()).isNotNull();
        assertThat(grantRecords.findById(line.getGrantId()).orElseThrow().getStatus()).isEqualTo(GrantStatus.RECEIVED);
        assertThat(visitor.text()).contains("春节前与社区一同入户慰问");
    }

    private CampaignLine onlyLine(Long campaignId) {
        List<CampaignLine> all = lines.findByCampaignIdOrderByLineIndex(campaignId, Pageable.unpaged()).getContent();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static Path bankResult(String paymentKey) throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "browser-uploads"));
        Path file = folder.resolve("回盘-" + paymentKey + ".xlsx");
        Files.write(file, Xlsx.of(List.of(List.of("付款编号", "收款人", "处理结果", "失败原因"),
                List.of(paymentKey, "王芳", "成功", ""))));
        return file;
    }
}
