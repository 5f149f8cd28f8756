package cn.hardshiprelief.disbursement;

import cn.hardshiprelief.shared.BusinessException;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The bank's answer to a batch file (回盘文件): the batch's rows with two more columns, 处理结果 (成功 / 失败, or
 * SUCCESS / FAILED) and 失败原因. Columns are found by their header, wherever the bank put them; rows without a
 * payment key (the total row) are passed over. Any problem stops the whole file, naming the line as Excel
 * numbers it, so a file is applied entirely or not at all.
 */
final class BankResultFile {

    static final String RESULT = "处理结果";
    static final String REASON = "失败原因";

    private static final Map<String, Boolean> RESULT_WORDS = Map.of(
            "成功", true, "SUCCESS", true,
            "失败", false, "FAILED", false);

    /** A header row further down than this is not a bank result file. */
    private static final int HEADER_SEARCH_ROWS = 20;

    /** One settled payment as the bank reported it; {@code line} is the row number shown in Excel. */
    record Line(int line, String paymentKey, boolean confirmed, String reason) {
    }

    private BankResultFile() {
    }

    static List<Line> read(InputStream content) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(content);
             Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            return read(rows.iterator());
        } catch (BusinessException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // not a zip, not a workbook, a broken sheet: fastexcel reports each its own way
            throw new BusinessException("bank.unreadable");
        }
    }

    private static List<Line> read(Iterator<Row> rows) {
        Columns columns = null;
        List<Line> lines = new ArrayList<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            if (columns == null) {
                if (row.getRowNum() > HEADER_SEARCH_ROWS) {
                    break;
                }
                columns = Columns.of(row);
                continue;
            }
            String key = text(row, columns.key);
            String result = text(row, columns.result);
            if (key.isEmpty()) {
                if (!result.isEmpty()) {
                    throw new BusinessException("bank.missingKey", lineOf(row));
                }
                continue;
            }
            Boolean confirmed = RESULT_WORDS.get(result.toUpperCase(Locale.ROOT));
            if (confirmed == null) {
                throw new BusinessException("bank.badResult", lineOf(row), result);
            }
            String reason = text(row, columns.reason);
            if (!confirmed && reason.isEmpty()) {
                throw new BusinessException("bank.reasonRequired", lineOf(row));
            }
            lines.add(new Line(row.getRowNum(), key, confirmed, confirmed ? null : reason));
        }
        if (columns == null) {
            throw new BusinessException("bank.missingColumn", BankBatchFile.PAYMENT_KEY);
        }
        return lines;
    }

    /** The line as Excel shows it, as text: a number argument would be printed "1,024". */
    private static String lineOf(Row row) {
        return String.valueOf(row.getRowNum());
    }

    private static String text(Row row, int column) {
        if (column >= row.getCellCount()) {
            return "";
        }
        Cell cell = row.getCell(column);
        return cell == null || cell.getText() == null ? "" : cell.getText().strip();
    }

    /** Where the three columns are; null until the header row is found. */
    private record Columns(int key, int result, int reason) {

        static Columns of(Row row) {
            int key = -1;
            int result = -1;
            int reason = -1;
            for (int c = 0; c < row.getCellCount(); c++) {
                switch (text(row, c)) {
                    case BankBatchFile.PAYMENT_KEY -> key = c;
                    case RESULT -> result = c;
                    case REASON -> reason = c;
                    default -> { }
                }
            }
            if (key < 0) {
                return null;
            }
            if (result < 0) {
                throw new BusinessException("bank.missingColumn", RESULT);
            }
            if (reason < 0) {
                throw new BusinessException("bank.missingColumn", REASON);
            }
            return new Columns(key, result, reason);
        }
    }
}
