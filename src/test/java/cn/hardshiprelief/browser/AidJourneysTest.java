package cn.hardshiprelief.browser;

import cn.hardshiprelief.aid.AidGrantRepository;
import cn.hardshiprelief.aid.GrantStatus;
import cn.hardshiprelief.disbursement.GrantsToPay;
import cn.hardshiprelief.disbursement.PaymentRepository;
import cn.hardshiprelief.fund.Fund;
import cn.hardshiprelief.fund.FundSource;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.support.Households;
import cn.hardshiprelief.support.Xlsx;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Aid as the union does it, in Chromium through the real pages: a caseworker requests emergency aid for a filed
 * household, another approves it from the inbox, the day's payments go to the bank as a batch file, the bank's
 * result file comes back, and the worker confirms the receipt on a phone. (The household is filed beforehand
 * through the services; the enrollment journeys show that part in the browser.)
 */
class AidJourneysTest extends JourneyTest {

    private static final Pattern GRANT = Pattern.compile("/aid/(\\d+)");
    private static final Pattern BATCH = Pattern.compile("/bank-batches/(\\d+)");
    private static final String ACCOUNT = "6222020200112233445";

    @Autowired Households households;
    @Autowired GrantsToPay grants;
    @Autowired AidGrantRepository grantRepository;
    @Autowired PaymentRepository payments;
    @Autowired ProcessEngine engine;

    @Test
    void emergencyAidIsRequestedApprovedPaidThroughTheBankAndReceived() throws IOException {
        HouseholdFile file = households.filedWithPayee("worker1", Households.ENTERPRISE_CHAIN, ACCOUNT);
        Fund fund = grants.fundOf("union1", FundSource.UNION_FUNDS);

        Browser caseworker = as(Browser.DESKTOP, "union1");
        caseworker.open("/aid/new?fileId=" + file.getId() + "&kind=EMERGENCY_AID")
                .type("basis", "600")
                .choose("fundId", String.valueOf(fund.getId()))
                .type("payeeAccount", ACCOUNT)
                .type("payeeBank", "中国工商银行示范县支行")
                .type("reason", "家中突发火灾，急需救助")
                .press("提交申请");
        Matcher grantPage = GRANT.matcher(caseworker.path());
        assertThat(grantPage.find()).as("on the grant's page, not %s", caseworker.path()).isTrue();
        Long grantId = Long.valueOf(grantPage.group(1));
        assertThat(caseworker.box("#decision").getX()).as("on a desktop the open step stands beside the grant")
                .isGreaterThan(caseworker.box(".review > .card").getX() + caseworker.box(".review > .card").getWidth() - 1);

        Browser approver = as(Browser.PHONE, "union2");
        approver.open("/tasks").follow("/aid/" + grantId).screenshot("aid-decision");
        assertThat(approver.topOf("提交")).as("on a phone the decision comes before the grant's facts")
                .isLessThan(Browser.SCREEN_HEIGHT);
        approver.check("approved", "true").type("comment", "情况属实，同意").press("提交");
        assertThat(grantRepository.findById(grantId).orElseThrow().getStatus()).isEqualTo(GrantStatus.APPROVED);

        Job disburse = engine.getManagementService().createJobQuery()
                .processInstanceId(grantRepository.findById(grantId).orElseThrow().getProcessInstanceId()).singleResult();
        engine.getManagementService().executeJob(disburse.getId());

        caseworker.open("/funds/" + fund.getId()).press("导出批次").arriveAt("/bank-batches/\\d+");
        Matcher batch = BATCH.matcher(caseworker.path());
        assertThat(batch.find()).as("on the batch's page, not %s", caseworker.path()).isTrue();
        assertThat(caseworker.html()).contains("/bank-batches/" + batch.group(1) + ".xlsx");
        String key = payments.findByGrantIdOrderByIdAsc(grantId).get(0).getPaymentKey();
        caseworker.attach("file", bankResult(key)).press("导入回盘");
        assertThat(grantRepository.findById(grantId).orElseThrow().getStatus()).isEqualTo(GrantStatus.PAID);

        Browser worker = as(Browser.PHONE, "worker1");
        worker.open("/aid/" + grantId).type("receiptNote", "已收到，谢谢工会").press("确认签收");
        assertThat(grantRepository.findById(grantId).orElseThrow().getStatus()).isEqualTo(GrantStatus.RECEIVED);
        assertThat(worker.text()).contains("已收到，谢谢工会");
    }

    private static Path bankResult(String paymentKey) throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "browser-uploads"));
        Path file = folder.resolve("回盘-" + paymentKey + ".xlsx");
        Files.write(file, Xlsx.of(List.of(List.of("付款编号", "收款人", "处理结果", "失败原因"),
                List.of(paymentKey, "张伟", "成功", ""))));
        return file;
    }
}
