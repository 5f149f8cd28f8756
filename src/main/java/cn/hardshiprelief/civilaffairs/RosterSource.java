package cn.hardshiprelief.civilaffairs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A roster file read row by row, without holding it in memory. Each row comes with its line number as the user sees
 * it (the row number in Excel, the line in a text editor); rows whose cells are all blank are skipped.
 */
sealed interface RosterSource permits CsvRosterSource, XlsxRosterSource {

    /** Receives the rows of a file in order; the first row is the header. */
    @FunctionalInterface
    interface Rows {
        void row(int line, List<RosterCell> cells);
    }

    /**
     * Reads every non-blank row.
     * @throws UnreadableRosterException when the file cannot be read (on): a CSV file neither UTF-8 nor GB18030,
     * broken CSV quoting, a damaged workbook
     */
    void read(Rows rows) throws IOException;

    static RosterSource of(Path file, RosterFormat format) {
        return switch (format) {
            case XLSX -> new XlsxRosterSource(file);
            case CSV -> new CsvRosterSource(file);
        };
    }

    static boolean allBlank(List<RosterCell> cells) {
        return cells.stream().allMatch(RosterCell::isBlank);
    }
}
