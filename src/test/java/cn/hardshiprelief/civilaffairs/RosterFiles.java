package cn.hardshiprelief.civilaffairs;

import cn.hardshiprelief.support.TestIdNumbers;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Roster files made in tests: CSV text in a chosen encoding, and .xlsx workbooks with text, number and date cells. */
final class RosterFiles {

    static final String CHINESE_HEADER = "身份证号,姓名,行政区划,救助类别,月救助金额,起始日期,截止日期";
    static final String ENGLISH_HEADER = "idNumber,name,regionCode,status,monthlyAmount,validFrom,validTo";

    private RosterFiles() {
    }

    /** A new valid identity number (GB 11643) of someone born on that day. */
    static String idNumber(LocalDate born) {
        return TestIdNumbers.born(born);
    }

    /** The n-th of many distinct valid identity numbers (born 1950 onwards, 1,000 to a day). */
    static String idNumber(int n) {
        String first17 = "110105" + LocalDate.of(1950, 1, 1).plusDays(n / 1000).toString().replace("-", "")
                + String.format("%03d", n % 1000);
        return first17 + TestIdNumbers.checkDigit(first17);
    }

    /** Lines joined with CRLF, as Excel writes CSV. */
    static String csv(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Path write(Path dir, String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A workbook with one sheet holding these rows from row 1: a {@link LocalDate} becomes a date cell
     * (yyyy-mm-dd format), a {@link Number} a number cell, anything else a text cell, null an empty cell.
     */
    static byte[] xlsx(List<List<?>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeXlsx(out, (sheet) -> {
            for (int r = 0; r < rows.size(); r++) {
                List<?> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    cell(sheet, r, c, row.get(c));
                }
            }
        });
        return out.toByteArray();
    }

    interface SheetWriter {
        void write(Worksheet sheet) throws IOException;
    }

    static void writeXlsx(OutputStream out, SheetWriter content) {
        try {
            Workbook workbook = new Workbook(out, "HardshipReliefTest", "1.0");
            Worksheet sheet = workbook.newWorksheet("名单");
            content.write(sheet);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void cell(Worksheet sheet, int r, int c, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof LocalDate date) {
            sheet.value(r, c, date);
            sheet.style(r, c).format("yyyy-mm-dd").set();
        } else if (value instanceof Number number) {
            sheet.value(r, c, number);
        } else {
            sheet.value(r, c, value.toString());
        }
    }

    static List<?> header(String header) {
        return Arrays.asList(header.split(","));
    }

    static List<?> row(Object... values) {
        return Arrays.asList(values);
    }

    static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }
}
