package cn.hardshiprelief.civilaffairs;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A roster saved as an Excel workbook (.xlsx): the first sheet, streamed row by row with fastexcel-reader (the file is
 * opened as a zip, only the sheet's XML is read through, so 100,000 rows do not sit in memory). Date cells (numbers
 * with a date format) come as dates, other numbers as Excel wrote them.
 */
final class XlsxRosterSource implements RosterSource {

    /**
     * Built-in number formats that show dates: 14-17 and 22 everywhere, 27-36 and 50-58 the Chinese (and other East
     * Asian) ones such as {@code yyyy"年"m"月"d"日"}. 18-21 and 45-47 are times only.
     */
    private static final Set<Integer> BUILT_IN_DATE_FORMATS = Set.of(14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33,
            34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58);

    private final Path file;

    XlsxRosterSource(Path file) {
        this.file = file;
    }

    @Override
    public void read(Rows rows) throws IOException {
        int[] lastLine = {0};
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
             Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            sheet.forEach(row -> {
                lastLine[0] = row.getRowNum();
                List<RosterCell> cells = new ArrayList<>(row.getCellCount());
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(cellOf(row.getCell(i)));
                }
                if (!RosterSource.allBlank(cells)) {
                    rows.row(row.getRowNum(), cells);
                }
            });
        } catch (IOException | ExcelReaderException | UncheckedIOException e) {
            throw new UnreadableRosterException(lastLine[0] == 0 ? RosterProblem.ofFile("civilaffairs.problem.brokenXlsx")
                    : RosterProblem.of(lastLine[0] + 1, null, "civilaffairs.problem.brokenXlsx"), e);
        }
    }

    static RosterCell cellOf(Cell cell) {
        if (cell == null) {
            return RosterCell.EMPTY;
        }
        String raw = cell.getRawValue();
        return switch (cell.getType()) {
            case EMPTY -> RosterCell.EMPTY;
            case STRING -> RosterCell.text(cell.asString());
            case BOOLEAN -> RosterCell.text(String.valueOf(cell.asBoolean()));
            case ERROR -> RosterCell.error(raw);
            case NUMBER -> isDate(cell) ? RosterCell.date(cell.asDate().toLocalDate()) : RosterCell.number(raw);
            // a formula's last computed value, which Excel stores with it
            case FORMULA -> !isNumber(raw) ? RosterCell.text(raw)
                    : isDate(cell) ? RosterCell.date(serialDate(raw)) : RosterCell.number(raw);
        };
    }

    /** An Excel serial day number (1900 date system) as a date; fastexcel's asDate() converts NUMBER cells only. */
    private static LocalDate serialDate(String raw) {
        return LocalDate.of(1899, 12, 30).plusDays((long) Math.floor(Double.parseDouble(raw)));
    }

    private static boolean isNumber(String raw) {
        if (raw == null || raw.isEmpty()) {
            return false;
        }
        try {
            new BigDecimal(raw);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Whether a numeric cell is shown as a date: a built-in date format, or a custom one with days or years. */
    static boolean isDate(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null && BUILT_IN_DATE_FORMATS.contains(id)) {
            return true;
        }
        String format = cell.getDataFormatString();
        if (format == null || format.isBlank() || format.equalsIgnoreCase("General")) {
            return false;
        }
        // drop literal text ("年", \-), colours and locales ([Red], [$-804]) before looking for date letters
        String pattern = format.replaceAll("\"[^\"]*\"", "").replaceAll("\\\\.", "").replaceAll("\\[[^]]*]", "")
                .toLowerCase(Locale.ROOT);
        return pattern.contains("y") || pattern.contains("d");
    }
}
