package cn.hardshiprelief.civilaffairs;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static cn.hardshiprelief.civilaffairs.RosterFiles.CHINESE_HEADER;
import static cn.hardshiprelief.civilaffairs.RosterFiles.ENGLISH_HEADER;
import static cn.hardshiprelief.civilaffairs.RosterFiles.csv;
import static cn.hardshiprelief.civilaffairs.RosterFiles.header;
import static cn.hardshiprelief.civilaffairs.RosterFiles.idNumber;
import static cn.hardshiprelief.civilaffairs.RosterFiles.row;
import static cn.hardshiprelief.civilaffairs.RosterFiles.utf8;
import static cn.hardshiprelief.civilaffairs.RosterFiles.xlsx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Reading and checking roster files, without a database: what passes, and for each kind of mistake the line-by-line
 * report (line as numbered in the file, column, reason). What reaches the database is {@link RosterImportTest}'s.
 */
class RosterFileTest {

    static final LocalDate BORN = LocalDate.of(1975, 3, 8);

    @TempDir
    Path dir;

    private RosterFile.Check checkCsv(byte[] content) throws IOException {
        return new RosterFile(RosterSource.of(RosterFiles.write(dir, "roster.csv", content), RosterFormat.CSV))
                .check((read, valid, problems) -> { });
    }

    private RosterFile.Check checkCsv(String... lines) throws IOException {
        return checkCsv(utf8(csv(lines)));
    }

    private List<RosterEntry> entriesOfCsv(byte[] content) throws IOException {
        List<RosterEntry> entries = new ArrayList<>();
        new RosterFile(RosterSource.of(RosterFiles.write(dir, "entries.csv", content), RosterFormat.CSV))
                .forEachEntry(entries::add);
        return entries;
    }

    private RosterFile.Check checkXlsx(List<List<?>> rows) throws IOException {
        return new RosterFile(RosterSource.of(RosterFiles.write(dir, "roster.xlsx", xlsx(rows)), RosterFormat.XLSX))
                .check((read, valid, problems) -> { });
    }

    private List<RosterEntry> entriesOfXlsx(List<List<?>> rows) throws IOException {
        List<RosterEntry> entries = new ArrayList<>();
        new RosterFile(RosterSource.of(RosterFiles.write(dir, "entries.xlsx", xlsx(rows)), RosterFormat.XLSX))
                .forEachEntry(entries::add);
        return entries;
    }

    private static List<Tuple> report(RosterFile.Check check) {
        return check.problems().stream().map(p -> tuple(p.line(), p.column(), p.messageKey(), p.detail())).toList();
    }

    @Test
    void aCleanCsvWithChineseHeadersPassesAndReadsBackEntryByEntry() throws IOException {
        String zhang = idNumber(BORN);
        String li = idNumber(LocalDate.of(1940, 12, 1));
        byte[] file = utf8(csv(CHINESE_HEADER,
                zhang + ",张伟,110105,低保,860.5,2024-01-01,2024-12-31",
                li.toLowerCase() + ", 李秀英 ,110106,特困,1450,2023-07-01,"));

        RosterFile.Check check = checkCsv(file);

        assertThat(check.passed()).isTrue();
        assertThat(check.rowsRead()).isEqualTo(2);
        assertThat(check.rowsValid()).isEqualTo(2);
        assertThat(entriesOfCsv(file)).extracting(e -> e.idNumber().value(), RosterEntry::name, RosterEntry::regionCode,
                        RosterEntry::status, RosterEntry::monthlyAmount, RosterEntry::validFrom, RosterEntry::validTo,
                        RosterEntry::line)
                .containsExactly(
                        tuple(zhang, "张伟", "110105", RosterStatus.DIBAO, new BigDecimal("860.50"),
                                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), 2),
                        tuple(li.toUpperCase(), "李秀英", "110106", RosterStatus.EXTREME_POVERTY,
                                new BigDecimal("1450.00"), LocalDate.of(2023, 7, 1), null, 3));
    }

    @Test
    void englishHeadersInAnyOrderAndEnglishStatusNamesAreReadAlike() throws IOException {
        String id = idNumber(BORN);
        byte[] file = utf8(csv("validTo,Status,monthlyAmount,NAME,idNumber,validFrom,regionCode",
                ",near_dibao,300.00,王芳," + id + ",2024/3/1,110105"));

        assertThat(checkCsv(file).passed()).isTrue();
        assertThat(entriesOfCsv(file)).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(RosterStatus.NEAR_DIBAO);
            assertThat(e.validFrom()).isEqualTo(LocalDate.of(2024, 3, 1));
            assertThat(e.validTo()).isNull();
        });
    }

    @Test
    void aGb18030CsvAsExcelSavesItOnChineseWindowsIsAccepted() throws IOException {
        String id = idNumber(BORN);
        byte[] file = csv(CHINESE_HEADER, id + ",欧阳娜娜,110105,低保边缘,500,2024-01-01,")
                .getBytes(CsvRosterSource.GB18030);
        assertThat(new String(file, StandardCharsets.UTF_8)).as("not readable as UTF-8").contains("\uFFFD");

        assertThat(checkCsv(file).passed()).isTrue();
        assertThat(entriesOfCsv(file)).extracting(RosterEntry::name, RosterEntry::status)
                .containsExactly(tuple("欧阳娜娜", RosterStatus.NEAR_DIBAO));
    }

    @Test
    void aUtf8CsvWithAByteOrderMarkIsAccepted() throws IOException {
        byte[] withBom = utf8("\uFEFF" + csv(CHINESE_HEADER, idNumber(BORN) + ",张伟,110105,低保,860,2024-01-01,"));

        assertThat(checkCsv(withBom).passed()).isTrue();
    }

    @Test
    void bytesThatAreNeitherUtf8NorGb18030AreReportedAsTheWrongEncodingOnTheirLine() throws IOException {
        byte[] good = utf8(csv(CHINESE_HEADER, idNumber(BORN) + ",张伟,110105,低保,860,2024-01-01,"));
        byte[] bad = {(byte) 0xFF, (byte) 0xFE, 'x', ',', (byte) 0x80, '\r', '\n'};
        byte[] file = new byte[good.length + bad.length];
        System.arraycopy(good, 0, file, 0, good.length);
        System.arraycopy(bad, 0, file, good.length, bad.length);

        RosterFile.Check check = checkCsv(file);

        assertThat(check.passed()).isFalse();
        assertThat(report(check)).containsExactly(tuple(3, null, "civilaffairs.problem.wrongEncoding", null));
    }

    @Test
    void missingAndUnknownColumnsAreReportedOnceOnTheHeaderLine() throws IOException {
        List<String> lines = new ArrayList<>(List.of("身份证号,姓名,行政区划,类别,月救助金额,起始日期,备注"));
        IntStream.range(0, 5).forEach(i -> lines.add(idNumber(BORN) + ",张伟,110105,低保,860,2024-01-01,无"));

        RosterFile.Check check = checkCsv(lines.toArray(String[]::new));

        assertThat(report(check)).containsExactly(
                tuple(1, null, "civilaffairs.problem.unknownColumn", "类别"),
                tuple(1, null, "civilaffairs.problem.unknownColumn", "备注"),
                tuple(1, RosterColumn.STATUS, "civilaffairs.problem.missingColumn", null),
                tuple(1, RosterColumn.VALID_TO, "civilaffairs.problem.missingColumn", null));
        assertThat(check.rowsRead()).isEqualTo(5);
        assertThat(check.rowsValid()).isZero();
    }

    @Test
    void anUnknownExtraColumnIsReportedOnceAndTheLinesAreStillChecked() throws IOException {
        RosterFile.Check check = checkCsv(CHINESE_HEADER + ",备注",
                idNumber(BORN) + ",张伟,110105,低保,860,2024-01-01,,无",
                idNumber(BORN) + ",李娜,110105,低保,-1,2024-01-01,,无");

        assertThat(report(check)).containsExactly(
                tuple(1, null, "civilaffairs.problem.unknownColumn", "备注"),
                tuple(3, RosterColumn.MONTHLY_AMOUNT, "civilaffairs.problem.negativeAmount", "-1"));
    }

    @Test
    void aColumnNamedTwiceIsReported() throws IOException {
        RosterFile.Check check = checkCsv(CHINESE_HEADER + ",name", idNumber(BORN) + ",张伟,110105,低保,860,2024-01-01,,张伟");

        assertThat(report(check)).containsExactly(tuple(1, RosterColumn.NAME, "civilaffairs.problem.duplicateColumn", "name"));
    }

    @Test
    void duplicateRowsAreReportedWithBothLineNumbers() throws IOException {
        String id = idNumber(BORN);
        RosterFile.Check check = checkCsv(CHINESE_HEADER,
                id + ",张伟,110105,低保,860,2024-01-01,",
                idNumber(BORN) + ",李娜,110105,低保,860,2024-01-01,",
                id + ",张伟,110105,特困,1200,2024-01-01,",
                id + ",张伟,110105,低保,900,2024-01-01,2024-06-30");

        assertThat(report(check)).containsExactly(
                tuple(5, RosterColumn.ID_NUMBER, "civilaffairs.problem.duplicate", "2"));
        assertThat(check.rowsValid()).isEqualTo(3);
    }

    @Test
    void aBadIdentityNumberIsReportedWithTheReasonAndNeverQuoted() throws IOException {
        String valid = idNumber(BORN);
        String wrongCheckDigit = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
        RosterFile.Check check = checkCsv(CHINESE_HEADER,
                wrongCheckDigit + ",张伟,110105,低保,860,2024-01-01,",
                "11010519750308,李娜,110105,低保,860,2024-01-01,",
                ",王强,110105,低保,860,2024-01-01,");

        assertThat(report(check)).containsExactly(
                tuple(2, RosterColumn.ID_NUMBER, "identityNumber.invalid.checksum", null),
                tuple(3, RosterColumn.ID_NUMBER, "identityNumber.invalid.length", null),
                tuple(4, RosterColumn.ID_NUMBER, "civilaffairs.problem.required", null));
    }

    @Test
    void anUnknownStatusIsReported() throws IOException {
        RosterFile.Check check = checkCsv(CHINESE_HEADER, idNumber(BORN) + ",张伟,110105,五保,860,2024-01-01,");

        assertThat(report(check)).containsExactly(
                tuple(2, RosterColumn.STATUS, "civilaffairs.problem.unknownStatus", "五保"));
    }

    @Test
    void amountsMustBeNumbersOfAtLeastZeroWithTwoDecimalsAtMost() throws IOException {
        RosterFile.Check check = checkCsv(CHINESE_HEADER,
                idNumber(BORN) + ",张伟,110105,低保,八百,2024-01-01,",
                idNumber(BORN) + ",李娜,110105,低保,-20,2024-01-01,",
                idNumber(BORN) + ",王强,110105,低保,860.125,2024-01-01,",
                idNumber(BORN) + ",赵敏,110105,低保,\"1,200\",2024-01-01,",
                idNumber(BORN) + ",刘洋,110105,低保,860.10,2024-01-01,",
                idNumber(BORN) + ",陈静,110105,低保,0,2024-01-01,",
                idNumber(BORN) + ",杨帆,110105,低保,110105,2024-01-01,");

        assertThat(report(check)).containsExactly(
                tuple(2, RosterColumn.MONTHLY_AMOUNT, "civilaffairs.problem.notAnAmount", "八百"),
                tuple(3, RosterColumn.MONTHLY_AMOUNT, "civilaffairs.problem.negativeAmount", "-20"),
                tuple(4, RosterColumn.MONTHLY_AMOUNT, "civilaffairs.problem.tooManyDecimals", "860.125"),
                tuple(5, RosterColumn.MONTHLY_AMOUNT, "civilaffairs.problem.notAnAmount", "1,200"),
                tuple(8, RosterColumn.MONTHLY_AMOUNT, "civilaffairs.problem.amountTooLarge", "110105"));
    }

    @Test
    void aStartAfterTheEndAndDatesThatAreNoDatesAreReported() throws IOException {
        RosterFile.Check check = checkCsv(CHINESE_HEADER,
                idNumber(BORN) + ",张伟,110105,低保,860,2024-07-01,2024-06-30",
                idNumber(BORN) + ",李娜,110105,低保,860,2024-02-30,",
                idNumber(BORN) + ",王强,110105,低保,860,,2024-06-30",
                idNumber(BORN) + ",赵敏,110105,低保,860,2024-07-01,2024-07-01");

        assertThat(report(check)).containsExactly(
                tuple(2, RosterColumn.VALID_TO, "civilaffairs.problem.endsBeforeStart", "2024-07-01"),
                tuple(3, RosterColumn.VALID_FROM, "civilaffairs.problem.notADate", "2024-02-30"),
                tuple(4, RosterColumn.VALID_FROM, "civilaffairs.problem.required", null));
    }

    @Test
    void regionCodesAreSixDigitsAndNamesAreRequired() throws IOException {
        RosterFile.Check check = checkCsv(CHINESE_HEADER,
                idNumber(BORN) + ",张伟,11010,低保,860,2024-01-01,",
                idNumber(BORN) + ",,北京市,低保,860,2024-01-01,");

        assertThat(report(check)).containsExactly(
                tuple(2, RosterColumn.REGION_CODE, "civilaffairs.problem.badRegionCode", "11010"),
                tuple(3, RosterColumn.NAME, "civilaffairs.problem.required", null),
                tuple(3, RosterColumn.REGION_CODE, "civilaffairs.problem.badRegionCode", "北京市"));
    }

    @Test
    void anIdentityNumberInTheWrongColumnIsMaskedInTheReport() throws IOException {
        String id = idNumber(BORN);
        RosterFile.Check check = checkCsv(CHINESE_HEADER, "张伟," + id + ",110105,低保,860,2024-01-01,");

        assertThat(check.problems()).extracting(RosterProblem::detail).allSatisfy(detail -> {
            if (detail != null) {
                assertThat(detail).doesNotContain(id.substring(3, 14));
            }
        });
    }

    @Test
    void lineNumbersAreThoseOfTheFileAcrossBlankLinesAndQuotedLineBreaks() throws IOException {
        RosterFile.Check check = checkCsv(CHINESE_HEADER,
                "",
                idNumber(BORN) + ",\"张\n伟\",110105,低保,860,2024-01-01,",
                ",,,,,,",
                idNumber(BORN) + ",李娜,110105,低保,abc,2024-01-01,");

        assertThat(report(check)).containsExactly(
                tuple(6, RosterColumn.MONTHLY_AMOUNT, "civilaffairs.problem.notAnAmount", "abc"));
        assertThat(check.rowsRead()).isEqualTo(2);
    }

    @Test
    void anUnclosedQuoteStopsTheReadingWithTheLineWhereItOpened() throws IOException {
        RosterFile.Check check = checkCsv(CHINESE_HEADER,
                idNumber(BORN) + ",张伟,110105,低保,860,2024-01-01,",
                idNumber(BORN) + ",\"李娜,110105,低保,860,2024-01-01,",
                idNumber(BORN) + ",王强,110105,低保,860,2024-01-01,");

        assertThat(report(check)).containsExactly(tuple(3, null, "civilaffairs.problem.brokenCsv", null));
    }

    @Test
    void aValueUnderNoHeaderIsReported() throws IOException {
        RosterFile.Check check = checkCsv(CHINESE_HEADER, idNumber(BORN) + ",张伟,110105,低保,860,2024-01-01,,多余");

        assertThat(report(check)).containsExactly(tuple(2, null, "civilaffairs.problem.valueWithoutColumn", "8"));
    }

    @Test
    void aFileWithoutDataLinesIsRefusedSoThatTheRosterIsNeverEmptiedByMistake() throws IOException {
        assertThat(report(checkCsv(CHINESE_HEADER))).containsExactly(
                tuple(null, null, "civilaffairs.problem.noRows", null));
        assertThat(report(checkCsv(utf8("\r\n\r\n")))).containsExactly(
                tuple(null, null, "civilaffairs.problem.emptyFile", null));
    }

    @Test
    void everyProblemIsCountedButOnlyTheFirstThousandAreKept() throws IOException {
        List<String> lines = new ArrayList<>(List.of(CHINESE_HEADER));
        IntStream.range(0, 1200).forEach(i -> lines.add(idNumber(BORN) + ",张伟,110105,无,860,2024-01-01,"));

        RosterFile.Check check = checkCsv(lines.toArray(String[]::new));

        assertThat(check.problemCount()).isEqualTo(1200);
        assertThat(check.problems()).hasSize(RosterFile.MAX_PROBLEMS_KEPT);
        assertThat(check.problems().get(999).line()).isEqualTo(1001);
    }

    @Test
    void anXlsxWithDateCellsNumberCellsAndTextIsRead() throws IOException {
        String id = idNumber(BORN);
        List<List<?>> rows = List.of(
                header(ENGLISH_HEADER),
                row(id, "张伟", 110105, "DIBAO", 860.5, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)),
                row(idNumber(BORN), "李娜", "110106", "特困", "1200", "2024-02-01", null));

        RosterFile.Check check = checkXlsx(rows);

        assertThat(report(check)).isEmpty();
        assertThat(entriesOfXlsx(rows)).extracting(e -> e.idNumber().value(), RosterEntry::regionCode,
                        RosterEntry::monthlyAmount, RosterEntry::validFrom, RosterEntry::validTo, RosterEntry::line)
                .containsExactly(
                        tuple(id, "110105", new BigDecimal("860.50"), LocalDate.of(2024, 1, 1),
                                LocalDate.of(2024, 12, 31), 2),
                        tuple(rows.get(2).get(0), "110106", new BigDecimal("1200.00"), LocalDate.of(2024, 2, 1), null, 3));
    }

    @Test
    void anXlsxReportsExcelRowNumbersAndAnIdentityNumberStoredAsANumber() throws IOException {
        List<List<?>> rows = new ArrayList<>();
        rows.add(header(CHINESE_HEADER));
        rows.add(row(idNumber(BORN), "张伟", "110105", "低保", 860, LocalDate.of(2024, 1, 1), null));
        rows.add(row());
        rows.add(row(110105197503081234L, "李娜", "110105", "低保", 860, LocalDate.of(2024, 1, 1), null));
        rows.add(row(idNumber(BORN), "王强", "110105", "低保", 860.125, 45292, LocalDate.of(2023, 1, 1)));

        RosterFile.Check check = checkXlsx(rows);

        assertThat(report(check)).containsExactly(
                tuple(4, RosterColumn.ID_NUMBER, "civilaffairs.problem.idNumberIsNumber", null),
                tuple(5, RosterColumn.MONTHLY_AMOUNT, "civilaffairs.problem.tooManyDecimals", "860.125"),
                tuple(5, RosterColumn.VALID_FROM, "civilaffairs.problem.dateIsNumber", "45292"));
    }

    @Test
    void excelFloatingPointNoiseInAnAmountIsRoundedToCents() throws IOException {
        List<List<?>> rows = List.of(header(CHINESE_HEADER),
                row(idNumber(BORN), "张伟", "110105", "低保", 0.1 + 0.2, LocalDate.of(2024, 1, 1), null));

        assertThat(report(checkXlsx(rows))).isEmpty();
        assertThat(entriesOfXlsx(rows)).extracting(RosterEntry::monthlyAmount).containsExactly(new BigDecimal("0.30"));
    }

    @Test
    void aDamagedXlsxIsReportedAsUnreadable() throws IOException {
        byte[] workbook = xlsx(List.of(header(CHINESE_HEADER)));
        byte[] damaged = Arrays.copyOf(workbook, workbook.length / 2);

        RosterFile.Check check = new RosterFile(RosterSource.of(RosterFiles.write(dir, "damaged.xlsx", damaged),
                RosterFormat.XLSX)).check((read, valid, problems) -> { });

        assertThat(report(check)).containsExactly(tuple(null, null, "civilaffairs.problem.brokenXlsx", null));
    }
}
