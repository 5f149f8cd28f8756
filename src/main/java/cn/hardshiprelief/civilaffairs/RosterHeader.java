package cn.hardshiprelief.civilaffairs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The header row of a roster file: where each column is. Missing, unknown and twice-named columns are problems,
 * reported once here rather than on every line.
 */
final class RosterHeader {

    private final Map<RosterColumn, Integer> positions = new EnumMap<>(RosterColumn.class);
    /** Positions whose header names a column or something unknown: their values are accounted for. */
    private final Set<Integer> named = new HashSet<>();
    private final List<RosterProblem> problems = new ArrayList<>();

    private RosterHeader() {
    }

    static RosterHeader of(int line, List<RosterCell> cells) {
        RosterHeader header = new RosterHeader();
        for (int i = 0; i < cells.size(); i++) {
            String text = cells.get(i).stripped();
            if (text.isEmpty()) {
                continue;
            }
            header.named.add(i);
            int position = i;
            RosterColumn.named(text).ifPresentOrElse(column -> {
                if (header.positions.putIfAbsent(column, position) != null) {
                    header.problems.add(RosterProblem.of(line, column, "civilaffairs.problem.duplicateColumn", text));
                }
            }, () -> header.problems.add(RosterProblem.of(line, null, "civilaffairs.problem.unknownColumn", text)));
        }
        Arrays.stream(RosterColumn.values()).filter(column -> !header.positions.containsKey(column))
                .forEach(column -> header.problems.add(RosterProblem.of(line, column,
                        "civilaffairs.problem.missingColumn")));
        return header;
    }

    List<RosterProblem> problems() {
        return problems;
    }

    /** Whether every column was found, so that the lines can be checked. */
    boolean complete() {
        return positions.size() == RosterColumn.values().length;
    }

    RosterCell cell(List<RosterCell> row, RosterColumn column) {
        int position = positions.get(column);
        return position < row.size() ? row.get(position) : RosterCell.EMPTY;
    }

    /** The 1-based position of the first non-blank value under no header at all, if the row has one. */
    OptionalInt strayValue(List<RosterCell> row) {
        for (int i = 0; i < row.size(); i++) {
            if (!named.contains(i) && !row.get(i).isBlank()) {
                return OptionalInt.of(i + 1);
            }
        }
        return OptionalInt.empty();
    }
}
