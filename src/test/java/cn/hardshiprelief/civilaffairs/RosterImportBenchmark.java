package cn.hardshiprelief.civilaffairs;

import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.person.IdentityNumberCipher;
import cn.hardshiprelief.support.MySqlDatabase;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How fast a 100,000-row roster imports on the production database (MySQL/MariaDB): one .xlsx and one CSV file,
 * each through the service as an upload would go (temporary file, import thread, check pass, write pass), timed from
 * the upload until the import has finished. Not part of {@code ./mvnw verify}; run with
 * {@code ./mvnw verify -Pbenchmark -Dtest=RosterImportBenchmark}. Figures in docs/benchmarks.md.
 */
@ExtendWith(MySqlDatabase.class)
@SpringBootTest(properties = {
        MySqlDatabase.TEST_CRYPTO_KEY,
        "camunda.bpm.process-engine-name=benchmark",
        "camunda.bpm.job-execution.enabled=false",
        "hardship.demo-data=true",
        "hardship.demo-households=false",
        "hardship.storage.dir=target/test-uploads-benchmark"})
@ActiveProfiles("mysql")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RosterImportBenchmark {

    static final int ROWS = 100_000;
    static final Duration LIMIT = Duration.ofSeconds(60);

    static final String[] NAMES = {"张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵敏", "黄磊", "周丽", "吴刚",
            "欧阳娜娜", "阿卜杜·热合曼"};
    static final String[] REGIONS = {"110101", "110102", "110105", "110106", "110108", "120101", "310101", "440305"};
    static final String[] STATUSES = {"低保", "低保边缘", "特困"};

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = MySqlDatabase.freshDatabase("hardship_bench");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> MySqlDatabase.USER);
        registry.add("spring.datasource.password", () -> MySqlDatabase.PASSWORD);
    }

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

    @TempDir
    static Path dir;

    @Test
    @Order(1)
    void aRosterOf100000RowsAsXlsxImportsInUnderAMinute() throws IOException {
        Path file = dir.resolve("roster-100k.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            RosterFiles.writeXlsx(out, sheet -> {
                List<String> header = List.of(RosterFiles.CHINESE_HEADER.split(","));
                for (int c = 0; c < header.size(); c++) {
                    sheet.value(0, c, header.get(c));
                }
                for (int n = 0; n < ROWS; n++) {
                    int r = n + 1;
                    sheet.value(r, 0, RosterFiles.idNumber(n));
                    sheet.value(r, 1, NAMES[n % NAMES.length]);
                    sheet.value(r, 2, REGIONS[n % REGIONS.length]);
                    sheet.value(r, 3, STATUSES[n % STATUSES.length]);
                    sheet.value(r, 4, 300 + n % 1200 + (n % 4) * 0.25);
                    RosterFiles.cell(sheet, r, 5, validFrom(n));
                    RosterFiles.cell(sheet, r, 6, validTo(n));
                    if (r % 10_000 == 0) {
                        sheet.flush();
                    }
                }
            });
        }
        measure("xlsx", file);
    }

    @Test
    @Order(2)
    void aRosterOf100000RowsAsCsvImportsInUnderAMinute() throws IOException {
        Path file = dir.resolve("roster-100k.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(RosterFiles.CHINESE_HEADER + "\r\n");
            for (int n = 0; n < ROWS; n++) {
                LocalDate to = validTo(n);
                out.write(String.join(",", RosterFiles.idNumber(n), NAMES[n % NAMES.length],
                        REGIONS[n % REGIONS.length], STATUSES[n % STATUSES.length],
                        (300 + n % 1200) + "." + (n % 4) * 25, validFrom(n).toString(), to == null ? "" : to.toString())
                        + "\r\n");
            }
        }
        measure("csv", file);
    }

    @Test
    @Order(3)
    void matchingAThousandPeopleAgainstTheFullRosterTakesMilliseconds() {
        List<Person> people = IntStream.range(0, 1000).map(i -> i * 97)
                .mapToObj(n -> new Person(cipher.hash(RosterFiles.idNumber(n)), "张伟", "110105")).toList();
        roster.match(people, LocalDate.of(2024, 6, 1));

        long start = System.nanoTime();
        List<RosterMatch> matches = roster.match(people, LocalDate.of(2024, 6, 1));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(matches).isNotEmpty();
        System.out.printf("%nBENCHMARK roster match: 1,000 people against %,d entries in %d ms (%d matches)%n%n",
                roster.snapshot().entryCount(), millis, matches.size());
    }

    private void measure(String kind, Path file) throws IOException {
        long size = Files.size(file);
        long start = System.nanoTime();
        Long id;
        try (InputStream in = Files.newInputStream(file)) {
            id = imports.start(directory.actor("county1"), file.getFileName().toString(), in);
        }
        RosterImport done = await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> imports.view(directory.actor("admin"), id), i -> !i.isRunning());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        System.out.printf("%nBENCHMARK roster import %s: %,d rows, %,d bytes, %.1f s from upload to done"
                        + " (%,.0f rows/s); state %s, %,d rows written%n%n", kind, ROWS, size,
                took.toMillis() / 1000.0, ROWS / (took.toMillis() / 1000.0), done.getState(), done.getRowsWritten());
        assertThat(done.getState()).isEqualTo(RosterImportState.SUCCEEDED);
        assertThat(done.getRowsWritten()).isEqualTo(ROWS);
        assertThat(jdbc.queryForObject("select count(*) from civil_affairs_roster", Integer.class)).isEqualTo(ROWS);
        assertThat(took).isLessThan(LIMIT);
    }

    private static LocalDate validFrom(int n) {
        return LocalDate.of(2020, 1, 1).plusDays(n % 1500);
    }

    private static LocalDate validTo(int n) {
        return n % 3 == 0 ? null : validFrom(n).plusYears(2);
    }
}
