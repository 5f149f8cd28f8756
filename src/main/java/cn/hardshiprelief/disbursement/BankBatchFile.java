package cn.hardshiprelief.disbursement;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * The bank batch file (代发文件) as the bank reads it: one sheet, a header row, one row per payment with the
 * full account (it goes to the bank, unlike every page), and a total row. The headers are the bank's and stay
 * Chinese whatever the user's language; {@link BankResultFile} finds the same headers in the bank's answer.
 */
final class BankBatchFile {

    static final String SEQUENCE = "序号";
    static final String PAYMENT_KEY = "付款编号";
    static final String PAYEE = "收款人";
    static final String ACCOUNT = "收款账号";
    static final String BANK = "开户银行";
    static final String AMOUNT = "金额（元）";
    static final String PURPOSE = "用途";
    static final String TOTAL = "合计";

    static final List<String> HEADERS = List.of(SEQUENCE, PAYMENT_KEY, PAYEE, ACCOUNT, BANK, AMOUNT, PURPOSE);

    /** One payment as the bank sees it; {@code purpose} is the grant's kind and number. */
    record Line(String paymentKey, String payee, String account, String bank, BigDecimal amount, String purpose) {
    }

    private BankBatchFile() {
    }

    static byte[] write(String batchNumber, List<Line> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "HardshipRelief", "1.0")) {
            Worksheet sheet = workbook.newWorksheet(batchNumber);
            for (int c = 0; c < HEADERS.size(); c++) {
                sheet.value(0, c, HEADERS.get(c));
                sheet.style(0, c).bold().set();
            }
            BigDecimal total = BigDecimal.ZERO;
            int r = 1;
            for (Line line : lines) {
                sheet.value(r, 0, r);
                sheet.value(r, 1, line.paymentKey());
                sheet.value(r, 2, line.payee());
                // text, not a number: an account of 19 digits would lose its last digits as a number
                sheet.value(r, 3, line.account());
                sheet.value(r, 4, line.bank());
                sheet.value(r, 5, line.amount());
                sheet.style(r, 5).format("0.00").set();
                sheet.value(r, 6, line.purpose());
                total = total.add(line.amount());
                r++;
            }
            sheet.value(r, 0, TOTAL);
            sheet.value(r, 5, total);
            sheet.style(r, 0).bold().set();
            sheet.style(r, 5).bold().format("0.00").set();
            sheet.width(1, 14);
            sheet.width(3, 26);
            sheet.width(4, 22);
            sheet.width(5, 12);
            sheet.width(6, 30);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
