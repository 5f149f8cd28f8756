package cn.hardshiprelief.disbursement;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Ledger downloads: sheets of a header row and rows of text, amounts (two decimals) and days. */
final class LedgerWorkbook {

    record Sheet(String name, List<String> headers, List<List<Object>> rows) {
    }

    private LedgerWorkbook() {
    }

    static byte[] write(List<Sheet> sheets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "HardshipRelief", "1.0")) {
            for (Sheet s : sheets) {
                Worksheet sheet = workbook.newWorksheet(s.name());
                for (int c = 0; c < s.headers().size(); c++) {
                    sheet.value(0, c, s.headers().get(c));
                    sheet.style(0, c).bold().set();
                    sheet.width(c, 16);
                }
                int r = 1;
                for (List<Object> row : s.rows()) {
                    for (int c = 0; c < row.size(); c++) {
                        cell(sheet, r, c, row.get(c));
                    }
                    r++;
                }
                sheet.freezePane(0, 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void cell(Worksheet sheet, int r, int c, Object value) {
        if (value instanceof BigDecimal amount) {
            sheet.value(r, c, amount);
            sheet.style(r, c).format("0.00").set();
        } else if (value instanceof LocalDate day) {
            sheet.value(r, c, day);
            sheet.style(r, c).format("yyyy-mm-dd").set();
        } else if (value instanceof Number number) {
            sheet.value(r, c, number);
        } else if (value != null) {
            sheet.value(r, c, value.toString());
        }
    }
}
