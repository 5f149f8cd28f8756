package cn.hardshiprelief.civilaffairs;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a roster file in two passes. The first ({@link #check}) checks every line and keeps only what finding
 * duplicates needs, plus the first {@value #MAX_PROBLEMS_KEPT} problems; the second ({@link #forEachEntry}) reads the
 * entries of a file that passed, for writing. So a roster of any length costs little memory, and nothing is written
 * unless every line is right.
 */
final class RosterFile {

    /** Problems kept for the report; all are counted. Past this many the file needs fixing as a whole anyway. */
    static final int MAX_PROBLEMS_KEPT = 1000;

    /** How often (in rows) the first pass reports its progress. */
    static final int PROGRESS_EVERY = 1000;

    /** What the first pass found. */
    record Check(int rowsRead, int rowsValid, int problemCount, List<RosterProblem> problems) {
        boolean passed() {
            return problemCount == 0;
        }
    }

    /** Told how far the first pass has come. */
    @FunctionalInterface
    interface Progress {
        void checked(int rowsRead, int rowsValid, int problemCount);
    }

    private final RosterSource source;

    RosterFile(RosterSource source) {
        this.source = source;
    }

    /**
     * The first pass: every line checked, duplicates (same identity number, status and start date) reported on the
     * later line with the line of the first.
     */
    Check check(Progress progress) throws IOException {
        Checker checker = new Checker(progress);
        try {
            source.read(checker);
        } catch (UnreadableRosterException e) {
            checker.unreadable(e.problem());
        }
        return checker.result();
    }

    /**
     * The second pass: hands on every entry of a file whose {@link #check} passed.
     * @throws IllegalStateException if a line no longer reads as an entry (the file changed between the passes)
     */
    void forEachEntry(Consumer<RosterEntry> entries) throws IOException {
        RosterHeader[] header = {null};
        List<RosterProblem> problems = new ArrayList<>(0);
        source.read((line, cells) -> {
            if (header[0] == null) {
                header[0] = RosterHeader.of(line, cells);
                return;
            }
            RosterEntry entry = RosterEntry.read(line, column -> header[0].cell(cells, column), problems);
            if (entry == null) {
                throw new IllegalStateException("Line " + line + " of a checked roster file no longer reads: "
                        + problems);
            }
            entries.accept(entry);
        });
    }

    private static final class Checker implements RosterSource.Rows {

        private record DuplicateKey(String idNumber, RosterStatus status, LocalDate validFrom) {
        }

        private final Progress progress;
        private final List<RosterProblem> kept = new ArrayList<>();
        private final List<RosterProblem> lineProblems = new ArrayList<>();
        private final Map<DuplicateKey, Integer> firstLines = new HashMap<>();
        private RosterHeader header;
        private boolean unreadable;
        private int rowsRead;
        private int rowsValid;
        private int problemCount;

        Checker(Progress progress) {
            this.progress = progress;
        }

        @Override
        public void row(int line, List<RosterCell> cells) {
            if (header == null) {
                header = RosterHeader.of(line, cells);
                header.problems().forEach(this::add);
                return;
            }
            rowsRead++;
            if (header.complete()) {
                check(line, cells);
            }
            if (rowsRead % PROGRESS_EVERY == 0) {
                progress.checked(rowsRead, rowsValid, problemCount);
            }
        }

        private void check(int line, List<RosterCell> cells) {
            lineProblems.clear();
            RosterEntry entry = RosterEntry.read(line, column -> header.cell(cells, column), lineProblems);
            header.strayValue(cells).ifPresent(position -> lineProblems.add(
                    RosterProblem.of(line, null, "civilaffairs.problem.valueWithoutColumn", position)));
            if (entry != null) {
                Integer first = firstLines.putIfAbsent(
                        new DuplicateKey(entry.idNumber().value(), entry.status(), entry.validFrom()), line);
                if (first != null) {
                    lineProblems.add(RosterProblem.of(line, RosterColumn.ID_NUMBER, "civilaffairs.problem.duplicate",
                            first));
                }
            }
            if (lineProblems.isEmpty()) {
                rowsValid++;
            } else {
                lineProblems.forEach(this::add);
            }
        }

        void add(RosterProblem problem) {
            problemCount++;
            if (kept.size() < MAX_PROBLEMS_KEPT) {
                kept.add(problem);
            }
        }

        void unreadable(RosterProblem problem) {
            unreadable = true;
            add(problem);
        }

        Check result() {
            if (unreadable) {
                // what was read up to there is reported; whether the rest has lines is not known
            } else if (header == null) {
                add(RosterProblem.ofFile("civilaffairs.problem.emptyFile"));
            } else if (rowsRead == 0) {
                add(RosterProblem.ofFile("civilaffairs.problem.noRows"));
            }
            progress.checked(rowsRead, rowsValid, problemCount);
            return new Check(rowsRead, rowsValid, problemCount, List.copyOf(kept));
        }
    }
}
