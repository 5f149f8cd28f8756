package cn.hardshiprelief.civilaffairs;

import cn.hardshiprelief.person.IdentityNumber;
import cn.hardshiprelief.person.InvalidIdentityNumberException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One line of the roster as the bureau states it, checked: a valid identity number, a name, a six-digit region code,
 * a known status, a monthly amount of at least 0 with at most two decimals, and the period of support
 * ({@code validTo} null when open-ended, never before {@code validFrom}).
 */
record RosterEntry(int line, IdentityNumber idNumber, String name, String regionCode, RosterStatus status,
                   BigDecimal monthlyAmount, LocalDate validFrom, LocalDate validTo) {

    static final int MAX_NAME_LENGTH = 50;

    /** Above this a monthly amount is certainly a slip (a region code or an identity number in the wrong column). */
    static final BigDecimal MAX_MONTHLY_AMOUNT = new BigDecimal("100000.00");

    private static final Pattern REGION_CODE = Pattern.compile("[1-9][0-9]{5}");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    // STRICT with 'uuuu' so that 2024-02-30 is refused, not moved to 2024-02-29
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-M-d")
            .withResolverStyle(ResolverStyle.STRICT);
    // what Excel writes for a date cell when it saves a Chinese sheet as CSV
    private static final DateTimeFormatter EXCEL_CSV_DATE = DateTimeFormatter.ofPattern("uuuu/M/d")
            .withResolverStyle(ResolverStyle.STRICT);
    // an Excel number is binary floating point: 1234.56 may come as 1234.5599999999999
    private static final BigDecimal FLOATING_POINT_NOISE = new BigDecimal("0.000001");

    /**
     * Reads one line; each thing wrong with it is added to {@code problems}.
     * @return the entry, or {@code null} if anything was wrong
     */
    static RosterEntry read(int line, Function<RosterColumn, RosterCell> cells, List<RosterProblem> problems) {
        return new LineReader(line, cells, problems).read();
    }

    private static final class LineReader {

        private final int line;
        private final Function<RosterColumn, RosterCell> cells;
        private final List<RosterProblem> problems;
        private final int problemsBefore;

        LineReader(int line, Function<RosterColumn, RosterCell> cells, List<RosterProblem> problems) {
            this.line = line;
            this.cells = cells;
            this.problems = problems;
            this.problemsBefore = problems.size();
        }

        RosterEntry read() {
            IdentityNumber idNumber = idNumber();
            String name = name();
            String region = regionCode();
            RosterStatus status = status();
            BigDecimal amount = monthlyAmount();
            LocalDate from = date(RosterColumn.VALID_FROM, true);
            LocalDate to = date(RosterColumn.VALID_TO, false);
            if (from != null && to != null && to.isBefore(from)) {
                problem(RosterColumn.VALID_TO, "civilaffairs.problem.endsBeforeStart", from);
            }
            return problems.size() > problemsBefore ? null
                    : new RosterEntry(line, idNumber, name, region, status, amount, from, to);
        }

        private IdentityNumber idNumber() {
            RosterCell cell = required(RosterColumn.ID_NUMBER);
            if (cell == null) {
                return null;
            }
            if (cell.kind() == RosterCell.Kind.NUMBER) {
                // Excel keeps 15 significant digits: the last digits of the number are already lost
                problem(RosterColumn.ID_NUMBER, "civilaffairs.problem.idNumberIsNumber", null);
                return null;
            }
            try {
                return IdentityNumber.parse(cell.stripped());
            } catch (InvalidIdentityNumberException e) {
                problem(RosterColumn.ID_NUMBER, e.messageKey(), null);
                return null;
            }
        }

        private String name() {
            RosterCell cell = required(RosterColumn.NAME);
            if (cell == null) {
                return null;
            }
            String name = cell.stripped();
            if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
                problem(RosterColumn.NAME, "civilaffairs.problem.nameTooLong", MAX_NAME_LENGTH);
                return null;
            }
            return name;
        }

        private String regionCode() {
            RosterCell cell = required(RosterColumn.REGION_CODE);
            if (cell == null) {
                return null;
            }
            String code = cell.stripped();
            if (!REGION_CODE.matcher(code).matches()) {
                problem(RosterColumn.REGION_CODE, "civilaffairs.problem.badRegionCode", code);
                return null;
            }
            return code;
        }

        private RosterStatus status() {
            RosterCell cell = required(RosterColumn.STATUS);
            if (cell == null) {
                return null;
            }
            return RosterStatus.parse(cell.stripped()).orElseGet(() -> {
                problem(RosterColumn.STATUS, "civilaffairs.problem.unknownStatus", cell.stripped());
                return null;
            });
        }

        private BigDecimal monthlyAmount() {
            RosterCell cell = required(RosterColumn.MONTHLY_AMOUNT);
            if (cell == null) {
                return null;
            }
            String text = cell.stripped();
            BigDecimal amount;
            try {
                if (cell.kind() == RosterCell.Kind.TEXT && !DECIMAL.matcher(text).matches()) {
                    throw new NumberFormatException();
                }
                amount = new BigDecimal(text);
            } catch (NumberFormatException e) {
                problem(RosterColumn.MONTHLY_AMOUNT, "civilaffairs.problem.notAnAmount", text);
                return null;
            }
            if (amount.signum() < 0) {
                problem(RosterColumn.MONTHLY_AMOUNT, "civilaffairs.problem.negativeAmount", text);
                return null;
            }
            BigDecimal cents = amount.setScale(2, RoundingMode.HALF_UP);
            boolean exact = amount.stripTrailingZeros().scale() <= 2;
            boolean excelNoise = cell.kind() == RosterCell.Kind.NUMBER
                    && amount.subtract(cents).abs().compareTo(FLOATING_POINT_NOISE) < 0;
            if (!exact && !excelNoise) {
                problem(RosterColumn.MONTHLY_AMOUNT, "civilaffairs.problem.tooManyDecimals", text);
                return null;
            }
            if (cents.compareTo(MAX_MONTHLY_AMOUNT) > 0) {
                problem(RosterColumn.MONTHLY_AMOUNT, "civilaffairs.problem.amountTooLarge", text);
                return null;
            }
            return cents;
        }

        private LocalDate date(RosterColumn column, boolean isRequired) {
            RosterCell cell = isRequired ? required(column) : present(column);
            if (cell == null) {
                return null;
            }
            return switch (cell.kind()) {
                case DATE -> cell.date();
                case NUMBER -> {
                    problem(column, "civilaffairs.problem.dateIsNumber", cell.text());
                    yield null;
                }
                default -> parseDate(column, cell.stripped());
            };
        }

        private LocalDate parseDate(RosterColumn column, String text) {
            for (DateTimeFormatter format : List.of(ISO_DATE, EXCEL_CSV_DATE)) {
                try {
                    return LocalDate.parse(text, format);
                } catch (DateTimeException e) {
                    // try the next form
                }
            }
            problem(column, "civilaffairs.problem.notADate", text);
            return null;
        }

        /** The cell, or null after recording a problem if it is blank or an Excel error. */
        private RosterCell required(RosterColumn column) {
            RosterCell cell = cells.apply(column);
            if (cell.isBlank()) {
                problem(column, "civilaffairs.problem.required", null);
                return null;
            }
            return present(column);
        }

        /** The cell, or null if it is blank, or after recording a problem if it is an Excel error. */
        private RosterCell present(RosterColumn column) {
            RosterCell cell = cells.apply(column);
            if (cell.isBlank()) {
                return null;
            }
            if (cell.kind() == RosterCell.Kind.ERROR) {
                problem(column, "civilaffairs.problem.excelError", cell.text());
                return null;
            }
            return cell;
        }

        private void problem(RosterColumn column, String key, Object detail) {
            problems.add(RosterProblem.of(line, column, key, detail));
        }
    }
}
