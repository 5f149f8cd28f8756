package cn.hardshiprelief.civilaffairs;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.person.IdentityNumberCipher;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.support.AppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static cn.hardshiprelief.civilaffairs.RosterFiles.CHINESE_HEADER;
import static cn.hardshiprelief.civilaffairs.RosterFiles.csv;
import static cn.hardshiprelief.civilaffairs.RosterFiles.header;
import static cn.hardshiprelief.civilaffairs.RosterFiles.idNumber;
import static cn.hardshiprelief.civilaffairs.RosterFiles.row;
import static cn.hardshiprelief.civilaffairs.RosterFiles.utf8;
import static cn.hardshiprelief.civilaffairs.RosterFiles.xlsx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Importing the roster on the whole application (H2): a good file replaces the roster as a whole, a bad one changes
 * nothing and leaves its report, and matching finds people by the blind index of their identity number.
 */
@AppTest
class RosterImportTest {

    static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    @Autowired
    RosterImports imports;
    @Autowired
    CivilAffairsRoster roster;
    @Autowired
    Directory directory;
    @Autowired
    IdentityNumberCipher cipher;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    RosterImportRepository importRepository;

    String zhangWei;
    String liNa;
    String wangQiang;

    /** Imports a file as that user and waits until the import has finished, however it ended. */
    RosterImport imported(String username, String fileName, byte[] content) throws IOException {
        Long id = imports.start(directory.actor(username), fileName, new ByteArrayInputStream(content));
        return finished(id);
    }

    RosterImport finished(Long id) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> imports.view(directory.actor("admin"), id), i -> !i.isRunning());
    }

    Person person(String idNumber, String name, String region) {
        return new Person(cipher.hash(idNumber), name, region);
    }

    /** Zhang Wei on dibao since 2024, Li Na near-dibao until the end of 2023, Wang Qiang in extreme poverty. */
    @BeforeEach
    void givenARosterOfThree() throws IOException {
        zhangWei = idNumber(LocalDate.of(1975, 3, 8));
        liNa = idNumber(LocalDate.of(1982, 11, 20));
        wangQiang = idNumber(LocalDate.of(1938, 1, 5));
        RosterImport given = imported("branch1", "名单.csv", utf8(csv(CHINESE_HEADER,
                zhangWei + ",张伟,110105,低保,860.00,2024-01-01,",
                liNa + ",李娜,110106,低保边缘,300,2023-01-01,2023-12-31",
                wangQiang + ",王强,110105,特困,1450.5,2020-05-01,")));
        assertThat(given.getState()).isEqualTo(RosterImportState.SUCCEEDED);
    }

    @Test
    void aGoodFileReplacesTheWholeRosterAndIsRecordedInTheHistory() throws IOException {
        String zhaoMin = idNumber(LocalDate.of(1990, 7, 7));
        RosterImport done = imported("county1", "roster.xlsx", xlsx(List.of(header(CHINESE_HEADER),
                row(zhaoMin, "赵敏", "110108", "低保", 900, LocalDate.of(2024, 3, 1), null))));

        assertThat(done.getState()).isEqualTo(RosterImportState.SUCCEEDED);
        assertThat(done).extracting(RosterImport::getRowsRead, RosterImport::getRowsChecked,
                RosterImport::getRowsWritten, RosterImport::getProblemCount).containsExactly(1, 1, 1, 0);
        assertThat(done.getUploadedByName()).isEqualTo(directory.displayName("county1"));
        assertThat(done.getFinishedAt()).isNotNull();
        assertThat(roster.snapshot()).isEqualTo(new RosterSnapshot(1, done.getId(), roster.snapshot().replacedAt()));
        assertThat(roster.match(List.of(person(zhangWei, "张伟", null), person(zhaoMin, "赵敏", null)), TODAY))
                .extracting(RosterMatch::rosterName).containsExactly("赵敏");
        assertThat(imports.history(directory.actor("admin"))).first().extracting(RosterImport::getId, RosterImport::getState)
                .containsExactly(done.getId(), RosterImportState.SUCCEEDED);
    }

    static Stream<Arguments> badFiles() {
        String id = idNumber(LocalDate.of(1970, 1, 1));
        String good = id + ",张伟,110105,低保,860,2024-01-01,";
        return Stream.of(
                Arguments.of("wrong columns", "a.csv", utf8(csv("身份证号,姓名,地区,救助类别,月救助金额,起始日期,截止日期", good)),
                        1, null, "civilaffairs.problem.unknownColumn"),
                Arguments.of("a missing column", "a.csv", utf8(csv("身份证号,姓名,行政区划,救助类别,月救助金额,起始日期",
                        id + ",张伟,110105,低保,860,2024-01-01")), 1, RosterColumn.VALID_TO, "civilaffairs.problem.missingColumn"),
                Arguments.of("bytes in no known encoding", "a.csv",
                        concat(utf8(csv(CHINESE_HEADER, good)), new byte[] {(byte) 0xFF, (byte) 0x80, '\n'}),
                        3, null, "civilaffairs.problem.wrongEncoding"),
                Arguments.of("duplicate rows", "a.csv", utf8(csv(CHINESE_HEADER, good, good)),
                        3, RosterColumn.ID_NUMBER, "civilaffairs.problem.duplicate"),
                Arguments.of("a bad identity number", "a.csv", utf8(csv(CHINESE_HEADER, good,
                        id.substring(0, 17) + (id.endsWith("1") ? "2" : "1") + ",李娜,110105,低保,860,2024-01-01,")),
                        3, RosterColumn.ID_NUMBER, "identityNumber.invalid.checksum"),
                Arguments.of("a bad status", "a.xlsx", xlsx(List.of(header(CHINESE_HEADER),
                        row(id, "张伟", "110105", "五保", 860, LocalDate.of(2024, 1, 1), null))),
                        2, RosterColumn.STATUS, "civilaffairs.problem.unknownStatus"),
                Arguments.of("a bad amount", "a.xlsx", xlsx(List.of(header(CHINESE_HEADER),
                        row(id, "张伟", "110105", "低保", -5, LocalDate.of(2024, 1, 1), null))),
                        2, RosterColumn.MONTHLY_AMOUNT, "civilaffairs.problem.negativeAmount"),
                Arguments.of("a start after the end", "a.csv", utf8(csv(CHINESE_HEADER,
                        id + ",张伟,110105,低保,860,2024-07-01,2024-01-01")),
                        2, RosterColumn.VALID_TO, "civilaffairs.problem.endsBeforeStart"),
                Arguments.of("a header without lines", "a.csv", utf8(csv(CHINESE_HEADER)),
                        null, null, "civilaffairs.problem.noRows"));
    }

    @ParameterizedTest(name = "a file with {0} is refused line by line and leaves the roster as it was")
    @MethodSource("badFiles")
    void aBadFileIsRefusedLineByLineAndLeavesTheRosterAsItWas(String what, String fileName, byte[] content,
                                                              Integer line, RosterColumn column, String key)
            throws IOException {
        RosterSnapshot before = roster.snapshot();

        RosterImport refused = imported("branch2", fileName, content);

        assertThat(refused.getState()).isEqualTo(RosterImportState.REJECTED);
        assertThat(refused.getRowsWritten()).isZero();
        assertThat(refused.getProblems()).extracting(RosterProblem::line, RosterProblem::column, RosterProblem::messageKey)
                .contains(tuple(line, column, key));
        assertThat(refused.getProblemCount()).isEqualTo(refused.getProblems().size());
        assertThat(roster.snapshot()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from civil_affairs_roster", Integer.class)).isEqualTo(3);
        assertThat(roster.match(List.of(person(zhangWei, "张伟", null)), TODAY)).extracting(RosterMatch::status)
                .containsExactly(RosterStatus.DIBAO);
    }

    @Test
    void matchingFindsTheStatusAmountAndPeriodAndFlagsADifferentNameOrRegion() {
        List<RosterMatch> matches = roster.match(List.of(
                person(zhangWei, "张卫", "110106"),
                person(wangQiang, " 王 强", "110105"),
                person(idNumber(LocalDate.of(1999, 9, 9)), "不在名单", null)), TODAY);

        assertThat(matches).containsExactly(
                new RosterMatch(cipher.hash(zhangWei), "张伟", "110105", RosterStatus.DIBAO, new BigDecimal("860.00"),
                        LocalDate.of(2024, 1, 1), null, true, true),
                new RosterMatch(cipher.hash(wangQiang), "王强", "110105", RosterStatus.EXTREME_POVERTY,
                        new BigDecimal("1450.50"), LocalDate.of(2020, 5, 1), null, false, false));
    }

    @Test
    void matchingTakesOnlyEntriesValidOnTheDayAndAnUnknownRegionNeverDiffers() {
        Person li = person(liNa, "李娜", null);

        assertThat(roster.match(List.of(li), TODAY)).isEmpty();
        assertThat(roster.match(List.of(li), LocalDate.of(2023, 12, 31))).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(RosterStatus.NEAR_DIBAO);
            assertThat(m.validTo()).isEqualTo(LocalDate.of(2023, 12, 31));
            assertThat(m.nameDiffers()).isFalse();
            assertThat(m.regionDiffers()).isFalse();
        });
        assertThat(roster.match(List.of(person(zhangWei, "张伟", null)), LocalDate.of(2023, 12, 31))).isEmpty();
        assertThat(roster.match(List.of(), TODAY)).isEmpty();
    }

    @Test
    void somebodyOnTheRosterTwiceIsMatchedOncePerEntry() throws IOException {
        imported("admin", "two.csv", utf8(csv(CHINESE_HEADER,
                zhangWei + ",张伟,110105,低保,860,2024-01-01,",
                zhangWei + ",张伟,110105,特困,1200,2024-05-01,")));

        assertThat(roster.match(List.of(person(zhangWei, "张伟", "110105")), TODAY))
                .extracting(RosterMatch::status).containsExactly(RosterStatus.DIBAO, RosterStatus.EXTREME_POVERTY);
    }

    @Test
    void identityNumbersAreStoredAsBlindIndexCiphertextAndMaskedNeverInClear() {
        Map<String, Object> stored = jdbc.queryForMap("select * from civil_affairs_roster where id_number_hash = ?",
                cipher.hash(zhangWei));

        assertThat(stored.get("ID_NUMBER_ENCRYPTED")).asString().startsWith("v1:");
        assertThat(cipher.decrypt((String) stored.get("ID_NUMBER_ENCRYPTED"))).isEqualTo(zhangWei);
        assertThat(stored.get("ID_NUMBER_MASKED")).isEqualTo(zhangWei.substring(0, 3) + "***********"
                + zhangWei.substring(14));
        assertThat(stored.values()).noneMatch(value -> String.valueOf(value).contains(zhangWei.substring(6, 14)));
    }

    @Test
    void onlyBranchAndCountyUnionStaffAndAdministratorsMayImport() {
        byte[] file = utf8(csv(CHINESE_HEADER, zhangWei + ",张伟,110105,低保,860,2024-01-01,"));

        assertThatThrownBy(() -> imports.start(directory.actor("worker1"), "a.csv", new ByteArrayInputStream(file)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> imports.history(directory.actor("hr1"))).isInstanceOf(ForbiddenException.class);
        assertThat(RosterImports.mayImport(directory.actor("branch1"))).isTrue();
        assertThat(RosterImports.mayImport(directory.actor("county1"))).isTrue();
        assertThat(RosterImports.mayImport(directory.actor("admin"))).isTrue();
    }

    @Test
    void filesThatAreNoRosterAreTurnedAwayBeforeAnyImportStarts() {
        Actor admin = directory.actor("admin");
        int before = imports.history(admin).size();

        assertThatThrownBy(() -> imports.start(admin, "名单.pdf", new ByteArrayInputStream("%PDF-1.4".getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(RosterFileRejectedException.class).hasMessageContaining("civilaffairs.upload.wrongType");
        assertThatThrownBy(() -> imports.start(admin, "名单.xls", new ByteArrayInputStream(new byte[] {(byte) 0xD0,
                (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0})))
                .isInstanceOf(RosterFileRejectedException.class).hasMessageContaining("civilaffairs.upload.legacyExcel");
        assertThatThrownBy(() -> imports.start(admin, "名单.csv", InputStream.nullInputStream()))
                .isInstanceOf(RosterFileRejectedException.class).hasMessageContaining("civilaffairs.upload.empty");
        assertThat(imports.history(admin)).hasSize(before);
    }

    @Test
    void anImportLeftRunningByAStoppedApplicationIsMarkedInterruptedWhenTheHistoryIsOpened() {
        RosterImport stale = importRepository.save(RosterImport.queued("lost.csv", RosterFormat.CSV,
                directory.actor("branch1"), Instant.now().minus(Duration.ofMinutes(11))));
        RosterImport fresh = importRepository.save(RosterImport.queued("waiting.csv", RosterFormat.CSV,
                directory.actor("branch1"), Instant.now()));
        try {
            assertThat(imports.history(directory.actor("county1")))
                    .filteredOn(i -> i.getId().equals(stale.getId()) || i.getId().equals(fresh.getId()))
                    .extracting(RosterImport::getFileName, RosterImport::getState, RosterImport::getFailure)
                    .containsExactlyInAnyOrder(
                            tuple("lost.csv", RosterImportState.FAILED, "civilaffairs.failure.interrupted"),
                            tuple("waiting.csv", RosterImportState.QUEUED, null));
        } finally {
            RosterImport waiting = importRepository.findById(fresh.getId()).orElseThrow();
            waiting.fail("civilaffairs.failure.interrupted", Instant.now());
            importRepository.save(waiting);
        }
    }

    @Test
    void theImportThreadIsItsOwnAndSpringBootsTaskExecutorStaysInPlace() {
        assertThat(context.containsBean("applicationTaskExecutor")).isTrue();
        assertThat(context.getBean(CivilAffairsConfig.IMPORT_EXECUTOR,
                ThreadPoolTaskExecutor.class).getMaxPoolSize()).isEqualTo(1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
