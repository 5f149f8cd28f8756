package cn.hardshiprelief.disbursement;

import cn.hardshiprelief.aid.AidGrant;
import cn.hardshiprelief.aid.AidKind;
import cn.hardshiprelief.aid.GrantStatus;
import cn.hardshiprelief.fund.Fund;
import cn.hardshiprelief.fund.FundSource;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Households;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * The bank round trip of two grants to the same household (worker1's, granted by the company union union1): both
 * paid into the ledger, sent in the day's batch of the fund, one confirmed and one returned by the bank. The
 * confirmed grant waits for the recipient's receipt, the returned one for a caseworker to pay again or cancel, its
 * money back in reserve; the same result file uploaded again changes nothing.
 */
@AppTest
public class BankBatchRoundTripTest {

    private static final String LIFE_ACCOUNT = "6222021234567890123";
    private static final String EMERGENCY_ACCOUNT = "6217001234567890456";
    private static final String XLSX = XlsxFile.CONTENT_TYPE;

    @Autowired Households households;
    @Autowired GrantsToPay grants;
    @Autowired BankBatches batches;
    @Autowired BankResults results;
    @Autowired PaymentRepository payments;
    @Autowired Directory directory;
    @Autowired ProcessEngine engine;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void twoGrantsGoToTheBankInTheDaysBatchOneIsConfirmedTheOtherReturnedAndASecondUploadChangesNothing()
            throws IOException {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        Fund fund = grants.fundOf("union1", FundSource.DONATIONS);
        Fund before = grants.reload(fund);

        AidGrant lifeAid = grants.paying("union1", file, AidKind.LIFE_AID, null, fund, LIFE_ACCOUNT);
        AidGrant emergency = grants.paying("union1", file, AidKind.EMERGENCY_AID, "800", fund, EMERGENCY_ACCOUNT);
        BigDecimal both = lifeAid.getAmount().add(emergency.getAmount());

        assertThat(emergency.getAmount()).isEqualByComparingTo("800.00");
        assertThat(List.of(lifeAid.getStatus(), emergency.getStatus())).containsOnly(GrantStatus.PAYING);
        assertThat(grants.reload(fund).getPaid()).isEqualByComparingTo(before.getPaid().add(both));
        assertThat(grants.reload(fund).getReserved()).isEqualByComparingTo(before.getReserved());
        Payment lifePayment = onlyPaymentOf(lifeAid);
        Payment emergencyPayment = onlyPaymentOf(emergency);
        assertThat(lifePayment.getStatus()).isEqualTo(PaymentStatus.PENDING);

        // the union exports the day's batch of the fund
        BankBatch batch = batches.export(directory.actor("union1"), fund.getId(), batches.today());

        assertThat(batch.getBatchNumber()).matches(
                batches.today().toString().replace("-", "") + "-F" + fund.getId() + "-\\d+");
        assertThat(List.of(reload(lifePayment), reload(emergencyPayment)))
                .extracting(Payment::getStatus).containsOnly(PaymentStatus.EXPORTED);

        List<List<String>> sheet = cells(batches.file(directory.actor("union1"), batch.getId()).content());
        assertThat(sheet.get(0)).containsExactly("序号", "付款编号", "收款人", "收款账号", "开户银行", "金额（元）", "用途");
        Map<String, List<String>> byKey = sheet.subList(1, sheet.size() - 1).stream()
                .collect(Collectors.toMap(r -> r.get(1), r -> r));
        assertThat(byKey).hasSize(batch.getPaymentCount()).containsKeys(lifePayment.getPaymentKey(),
                emergencyPayment.getPaymentKey());
        List<String> lifeRow = byKey.get(lifePayment.getPaymentKey());
        assertThat(List.of(lifeRow.get(2), lifeRow.get(3), lifeRow.get(4), lifeRow.get(6))).containsExactly(
                file.getHeadName(), LIFE_ACCOUNT, GrantsToPay.BANK, "生活救助 " + lifeAid.getGrantNumber());
        assertThat(new BigDecimal(lifeRow.get(5))).isEqualByComparingTo(lifeAid.getAmount());
        List<String> emergencyRow = byKey.get(emergencyPayment.getPaymentKey());
        assertThat(List.of(emergencyRow.get(3), emergencyRow.get(6))).containsExactly(
                EMERGENCY_ACCOUNT, "临时救助 " + emergency.getGrantNumber());
        assertThat(new BigDecimal(emergencyRow.get(5))).isEqualByComparingTo("800");
        List<String> total = sheet.get(sheet.size() - 1);
        assertThat(total.get(0)).isEqualTo("合计");
        assertThat(new BigDecimal(total.get(5))).isEqualByComparingTo(batch.getTotalAmount());
        assertThat(cells(batches.file(directory.actor("union1"), batch.getId()).content()))
                .as("downloaded again: the same rows").isEqualTo(sheet);

        // the bank confirms the life aid and returns the emergency aid
        byte[] bankResult = resultFile(Map.of(
                lifePayment.getPaymentKey(), new String[]{"成功", ""},
                emergencyPayment.getPaymentKey(), new String[]{"失败", "账户已销户"}));
        BankResults.Summary summary = results.importResult(directory.actor("union1"), batch.getId(),
                new MockMultipartFile("file", "回盘.xlsx", XLSX, bankResult));

        assertThat(summary.confirmed()).isEqualTo(1);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.skipped()).isEmpty();
        assertThat(reload(lifePayment).getStatus()).isEqualTo(PaymentStatus.CONFIRMED);
        assertThat(reload(emergencyPayment).getStatus()).isEqualTo(PaymentStatus.FAILED);
        assertThat(reload(emergencyPayment).getBankMessage()).isEqualTo("账户已销户");
        assertThat(grants.reload(lifeAid).getStatus()).isEqualTo(GrantStatus.PAID);
        assertThat(processOf(lifeAid)).isWaitingAt("confirmReceipt");
        assertThat(grants.reload(emergency).getStatus()).isEqualTo(GrantStatus.PAYMENT_FAILED);
        assertThat(processOf(emergency)).isWaitingAt("resolveFailedPayment");
        Fund settled = grants.reload(fund);
        assertThat(settled.getPaid()).isEqualByComparingTo(before.getPaid().add(lifeAid.getAmount()));
        assertThat(settled.getReserved()).as("the returned 800 yuan is reserved again")
                .isEqualByComparingTo(before.getReserved().add(emergency.getAmount()));
        assertThat(batches.batch(directory.actor("union1"), batch.getId()).getResultImportedAt()).isNotNull();

        // the same file again: every payment was settled, nothing is applied twice
        BankResults.Summary again = results.importResult(directory.actor("union1"), batch.getId(),
                new MockMultipartFile("file", "回盘.xlsx", XLSX, bankResult));

        assertThat(again.confirmed()).isZero();
        assertThat(again.failed()).isZero();
        assertThat(again.skipped()).containsExactlyInAnyOrder(lifePayment.getPaymentKey(),
                emergencyPayment.getPaymentKey());
        assertThat(grants.reload(fund).getPaid()).isEqualByComparingTo(settled.getPaid());
        assertThat(grants.reload(fund).getReserved()).isEqualByComparingTo(settled.getReserved());
        assertThat(grants.reload(lifeAid).getStatus()).isEqualTo(GrantStatus.PAID);
        assertThat(grants.reload(emergency).getStatus()).isEqualTo(GrantStatus.PAYMENT_FAILED);
        assertThat(processOf(emergency)).isWaitingAt("resolveFailedPayment");
    }

    private Payment onlyPaymentOf(AidGrant grant) {
        List<Payment> found = payments.findByGrantIdOrderByIdAsc(grant.getId());
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private Payment reload(Payment payment) {
        return payments.findById(payment.getId()).orElseThrow();
    }

    private ProcessInstance processOf(AidGrant grant) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(grant.getProcessInstanceId()).singleResult();
    }

    /** The first sheet as text, row by row. */
    static List<List<String>> cells(byte[] xlsx) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            return workbook.getFirstSheet().read().stream().map(BankBatchRoundTripTest::texts).toList();
        }
    }

    private static List<String> texts(Row row) {
        return row.stream().map(c -> c == null ? "" : c.getText()).toList();
    }

    /**
     * A result file as a bank might write it: its own column order (the result first), payment key, payee and
     * amount, then the reason, and a total row.
     */
    public static byte[] resultFile(Map<String, String[]> results) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "Bank", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("回盘");
            List<String> headers = List.of("处理结果", "付款编号", "收款人", "金额（元）", "失败原因");
            for (int c = 0; c < headers.size(); c++) {
                sheet.value(0, c, headers.get(c));
            }
            int r = 1;
            for (Map.Entry<String, String[]> e : results.entrySet()) {
                sheet.value(r, 0, e.getValue()[0]);
                sheet.value(r, 1, e.getKey());
                sheet.value(r, 2, "张伟");
                sheet.value(r, 3, 100);
                if (!e.getValue()[1].isEmpty()) {
                    sheet.value(r, 4, e.getValue()[1]);
                }
                r++;
            }
            sheet.value(r, 2, "合计");
        }
        return out.toByteArray();
    }
}
