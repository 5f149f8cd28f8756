package cn.hardshiprelief.campaign;

import cn.hardshiprelief.aid.AidKind;
import cn.hardshiprelief.aid.AidRules;
import cn.hardshiprelief.process.campaign.WarmthCampaignProcess;
import cn.hardshiprelief.vocabulary.SchoolingStage;
import cn.hardshiprelief.fund.Fund;
import cn.hardshiprelief.fund.FundRepository;
import cn.hardshiprelief.fund.FundSource;
import cn.hardshiprelief.fund.Funds;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.support.MySqlDatabase;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A warmth campaign (送温暖) over ten thousand households of one branch union on the production database
 * (MySQL/MariaDB), through the real code from the list to the ledger. The household files (with members, a payee
 * account and a tier each) are written directly with JDBC, as filing ten thousand households is not what is
 * measured; the branch union's fund gets a budget that carries the list. Then, as the demo users would:
 * branch1 previews and submits the list ({@link Campaigns#preview}, {@link Campaigns#submit}: selection, lines,
 * reservation, process start; any household of the workplace that is not the benchmark's is taken off the list, as on
 * review), county1 approves it ({@link CampaignConduct#decide}), and the real job executor pays the batches of 100
 * ({@code payCampaignBatch}: grant, checks, ledger entry, fund figures per household) until the campaign is
 * COMPLETED. It asserts one grant and one ledger entry per household, the fund's paid figure equal to
 * the sum paid, no incident and no stall (the paid count never stands still for {@link #STALL}). A sampler notes
 * where the paying thread spends its time. Not part of {@code ./mvnw verify}; run with
 * {@code ./mvnw verify -Pbenchmark -Dtest=WarmthCampaignBenchmark}; {@code -Dbenchmark.households} and
 * {@code -Dbenchmark.timeout-minutes} change the size and the limit, and the job executor keeps the application's
 * settings unless {@code -Dcamunda.bpm.job-execution.*} says otherwise. Figures in docs/benchmarks.md.
 */
@ExtendWith(MySqlDatabase.class)
@SpringBootTest(properties = {
        MySqlDatabase.TEST_CRYPTO_KEY,
        "camunda.bpm.process-engine-name=warmthCampaignBenchmark",
        "camunda.bpm.job-execution.enabled=true",
        "hardship.demo-data=true",
        "hardship.demo-households=false",
        "hardship.storage.dir=target/test-uploads-benchmark"})
@ActiveProfiles("mysql")
class WarmthCampaignBenchmark {

    static final int HOUSEHOLDS = Integer.getInteger("benchmark.households", 10_000);
    static final Duration TIMEOUT = Duration.ofMinutes(Integer.getInteger("benchmark.timeout-minutes", 30));
    /** The paid count may not stand still longer than this while the campaign pays. */
    static final Duration STALL = Duration.ofSeconds(60);

    static final String BRANCH = "CU01B01";
    static final String WORKPLACE = "CU01B01W1";
    static final long FIRST_ID = 2_000_001;
    /** Every fourth head of household is on the civil-affairs roster (a notice on the grant, not a stop). */
    static final int ON_ROSTER_EVERY = 4;
    static final BigDecimal BUDGET = new BigDecimal("50000000.00");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = MySqlDatabase.freshDatabase("hardship_campaign_bench");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> MySqlDatabase.USER);
        registry.add("spring.datasource.password", () -> MySqlDatabase.PASSWORD);
    }

    @Autowired
    Campaigns campaigns;
    @Autowired
    CampaignConduct conduct;
    @Autowired
    Funds funds;
    @Autowired
    FundRepository fundFigures;
    @Autowired
    Directory directory;
    @Autowired
    AidRules rules;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void aWarmthCampaignOf10000HouseholdsIsPaidOncePerHouseholdWithoutIncidentsOrStalls() throws Exception {
        var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(config.getDatabaseType()).isEqualTo("mysql");
        JobExecutor jobExecutor = config.getJobExecutor();
        assertThat(jobExecutor.isActive()).isTrue();
        System.out.printf("%nBENCHMARK campaign settings: %,d households of %s (unit %s); job executor: %d jobs per"
                        + " acquisition, wait %d ms, lock %d ms; history %s; %s%n%n", HOUSEHOLDS, BRANCH, WORKPLACE,
                jobExecutor.getMaxJobsPerAcquisition(), jobExecutor.getWaitTimeInMillis(),
                jobExecutor.getLockTimeInMillis(), config.getHistory(), jobExecutor.getClass().getSimpleName());

        // 1. the households, written directly
        long t0 = System.nanoTime();
        BigDecimal expectedTotal = insertHouseholds();
        Duration writing = since(t0);
        System.out.printf("%nBENCHMARK campaign: %,d household files (%,d members, %,d roster entries) written with"
                        + " JDBC batches in %.1f s%n%n", HOUSEHOLDS, count("household_file_member"),
                count("civil_affairs_roster"), seconds(writing));

        // 2. the branch union's fund carries the list
        Actor branch = directory.actor("branch1");
        Actor county = directory.actor("county1");
        Fund fund = funds.ofMyUnion(branch).stream()
                .filter(f -> f.getYear() == year() && f.getSource() == FundSource.CENTRAL_FINANCE).findFirst()
                .orElseThrow();
        funds.changeBudget(branch, fund.getId(), BUDGET);
        Fund before = fundFigures.findById(fund.getId()).orElseThrow();

        // 3. preview and submit, as branch1; households of the workplace that are not the benchmark's (none while
        // the demo households are off) are taken off the list, as on review
        CampaignForm filter = new CampaignForm(Holiday.SPRING_FESTIVAL, "春节送温暖基准 " + HOUSEHOLDS + " 户", null,
                null, WORKPLACE, fund.getId(), Set.of());
        t0 = System.nanoTime();
        List<CampaignCandidate> preview = campaigns.preview(branch, filter);
        Duration previewing = since(t0);
        Set<Long> others = preview.stream().map(CampaignCandidate::fileId).filter(id -> !isBenchmarks(id))
                .collect(Collectors.toSet());
        List<CampaignCandidate> ours = preview.stream().filter(c -> isBenchmarks(c.fileId())).toList();
        assertThat(ours).hasSize(HOUSEHOLDS).allMatch(CampaignCandidate::hasPayee);
        assertThat(ours.stream().map(CampaignCandidate::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(expectedTotal);
        CampaignForm form = new CampaignForm(filter.holiday(), filter.title(), null, null, WORKPLACE, fund.getId(),
                others);

        t0 = System.nanoTime();
        WarmthCampaign submitted = campaigns.submit(branch, form);
        Duration submitting = since(t0);
        Long campaignId = submitted.getId();
        assertThat(submitted.getStatus()).isEqualTo(CampaignStatus.AWAITING_APPROVAL);
        assertThat(submitted.getHouseholdCount()).isEqualTo(HOUSEHOLDS);
        assertThat(submitted.getTotalAmount()).isEqualByComparingTo(expectedTotal);
        assertThat(count("warmth_campaign_line where campaign_id = " + campaignId)).isEqualTo(HOUSEHOLDS);
        Fund reserved = fundFigures.findById(fund.getId()).orElseThrow();
        assertThat(reserved.getReserved().subtract(before.getReserved())).isEqualByComparingTo(expectedTotal);
        System.out.printf("%nBENCHMARK campaign: preview of %,d households %.2f s (%d of them not the benchmark's,"
                        + " taken off the list); submit (selection, %,d lines, reservation of %s, process start)"
                        + " %.2f s%n%n",
                preview.size(), seconds(previewing), others.size(), HOUSEHOLDS, expectedTotal.toPlainString(),
                seconds(submitting));

        // 4. the batch approval, as county1; the job executor starts paying as soon as it commits
        Counters startCounters = counters();
        Sampler sampler = new Sampler();
        sampler.start();
        t0 = System.nanoTime();
        conduct.decide(county, campaignId, true, "名单已审核，同意发放");
        Duration approving = since(t0);
        long paidFrom = System.nanoTime();
        long batchJobs = management.createJobQuery().processInstanceId(submitted.getProcessInstanceId()).count();
        System.out.printf("%nBENCHMARK campaign: approval (task completed, %,d batch jobs created) %.2f s%n%n",
                batchJobs, seconds(approving));

        // 5. the job executor pays; progress every few seconds, no stall, a timeout
        long paid = 0;
        long failed = 0;
        String status = "PAYING";
        long lastChange = System.nanoTime();
        long lastReport = System.nanoTime();
        long reportedPaid = 0;
        long longestStill = 0;
        Duration firstPaid = null;
        while (!"COMPLETED".equals(status) && since(paidFrom).compareTo(TIMEOUT) < 0) {
            Thread.sleep(500);
            status = jdbc.queryForObject("select status from warmth_campaign where id = ?", String.class, campaignId);
            Map<String, Long> lines = lineCounts(campaignId);
            long nowPaid = lines.getOrDefault("PAID", 0L);
            failed = lines.getOrDefault("FAILED", 0L);
            long now = System.nanoTime();
            if (nowPaid != paid) {
                if (firstPaid == null && nowPaid > 0) {
                    firstPaid = since(paidFrom);
                }
                paid = nowPaid;
                lastChange = now;
            }
            longestStill = Math.max(longestStill, now - lastChange);
            if (now - lastReport >= 5_000_000_000L) {
                double interval = (now - lastReport) / 1e9;
                System.out.printf("BENCHMARK campaign: %5.0f s after approval, %,6d paid, %d failed (%,.0f/s in the"
                                + " last %.0f s; load average %.1f), %d batch jobs left, %d incidents%n",
                        seconds(since(paidFrom)), paid, failed, (paid - reportedPaid) / interval, interval,
                        loadAverage(), management.createJobQuery().processInstanceId(submitted.getProcessInstanceId())
                                .count(), runtime.createIncidentQuery().count());
                lastReport = now;
                reportedPaid = paid;
            }
            if (now - lastChange > STALL.toNanos() && !"COMPLETED".equals(status)) {
                break;
            }
        }
        Duration paying = since(paidFrom);
        sampler.stop();
        Counters endCounters = counters();
        long incidents = runtime.createIncidentQuery().count();
        long failedJobs = management.createJobQuery().withException().count();
        long failureLogs = history.createHistoricJobLogQuery().processDefinitionKey(WarmthCampaignProcess.PROCESS_ID)
                .failureLog().count();
        double rate = paid / seconds(paying);
        System.out.printf("%nBENCHMARK campaign: %s after %.1f s; %,d of %,d households paid (%,.1f households/s;"
                        + " first paid after %.1f s), %d failed lines, %d incidents, %d jobs with exceptions,"
                        + " %d failure log entries; longest stand-still %.1f s%n%n", status, seconds(paying), paid,
                HOUSEHOLDS, rate, firstPaid == null ? Double.NaN : seconds(firstPaid), failed, incidents, failedJobs,
                failureLogs, longestStill / 1e9);

        report(submitted.getProcessInstanceId(), startCounters, endCounters, paid, seconds(paying), sampler);

        assertThat(longestStill).as("the paid count stood still for %.0f s", longestStill / 1e9)
                .isLessThan(STALL.toNanos());
        assertThat(status).as("campaign within %s", TIMEOUT).isEqualTo("COMPLETED");
        assertThat(incidents).isZero();
        assertThat(failedJobs).isZero();
        assertThat(failureLogs).isZero();
        assertThat(failed).isZero();
        assertThat(paid).isEqualTo(HOUSEHOLDS);

        // exactly one grant and one ledger entry per household, and the fund's figures agree with the ledger
        assertThat(count("aid_grant where campaign_id = " + campaignId)).isEqualTo(HOUSEHOLDS);
        assertThat(jdbc.queryForObject("select count(distinct file_id) from aid_grant where campaign_id = ?",
                Long.class, campaignId)).isEqualTo(HOUSEHOLDS);
        assertThat(count("aid_grant where file_id between " + FIRST_ID + " and " + (FIRST_ID + HOUSEHOLDS - 1)))
                .isEqualTo(HOUSEHOLDS);
        String ofTheCampaign = " from aid_payment p join aid_grant g on g.id = p.grant_id where g.campaign_id = ?";
        assertThat(jdbc.queryForObject("select count(*)" + ofTheCampaign, Long.class, campaignId))
                .isEqualTo(HOUSEHOLDS);
        assertThat(jdbc.queryForObject("select count(distinct p.grant_id)" + ofTheCampaign, Long.class, campaignId))
                .isEqualTo(HOUSEHOLDS);
        assertThat(jdbc.queryForObject("select count(distinct p.file_id)" + ofTheCampaign, Long.class, campaignId))
                .isEqualTo(HOUSEHOLDS);
        assertThat(count("aid_payment where file_id between " + FIRST_ID + " and " + (FIRST_ID + HOUSEHOLDS - 1)))
                .isEqualTo(HOUSEHOLDS);
        BigDecimal ledger = jdbc.queryForObject("select sum(p.amount)" + ofTheCampaign, BigDecimal.class, campaignId);
        assertThat(ledger).isEqualByComparingTo(expectedTotal);
        Fund after = fundFigures.findById(fund.getId()).orElseThrow();
        assertThat(after.getPaid().subtract(before.getPaid())).isEqualByComparingTo(ledger);
        assertThat(after.getReserved()).isEqualByComparingTo(before.getReserved());
        assertThat(count("warmth_campaign_line where campaign_id = " + campaignId + " and status = 'PAID'"
                + " and grant_id is not null")).isEqualTo(HOUSEHOLDS);

        decisionsOfOneHousehold();

        System.out.printf("%nBENCHMARK campaign total: files %.1f s, preview %.2f s, submit %.2f s, approval %.2f s,"
                        + " payment %.1f s (%,.1f households/s), submit to completed %.1f s; %,d grants, %,d ledger"
                        + " entries, fund paid %s, %d incidents%n%n", seconds(writing), seconds(previewing),
                seconds(submitting), seconds(approving), seconds(paying), rate,
                seconds(submitting) + seconds(approving) + seconds(paying), count("aid_grant where campaign_id = "
                        + campaignId), jdbc.queryForObject("select count(*)" + ofTheCampaign, Long.class, campaignId),
                after.getPaid().subtract(before.getPaid()).toPlainString(), incidents);
    }

    /**
     * Minimal valid union-route files of one workplace: a filed application each, the file with a payee account and a
     * tier (three in five DEEP, 1,000 yuan; the others RELATIVE, 800 yuan), its head and, for two households in
     * three, a second member. Every fourth head is on the civil-affairs roster as receiving dibao.
     * @return what the standard pays the whole list
     */
    private BigDecimal insertHouseholds() {
        Map<String, Long> units = new HashMap<>();
        jdbc.query("select code, id from org_unit", rs -> {
            units.put(rs.getString(1), rs.getLong(2));
        });
        long branch = units.get(BRANCH);
        long workplace = units.get(WORKPLACE);
        long county = units.get("CU01");
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        int year = year();
        BigDecimal[] total = {BigDecimal.ZERO};
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            long memberId = FIRST_ID;
            for (long from = FIRST_ID; from < FIRST_ID + HOUSEHOLDS; from += 1000) {
                List<Object[]> applications = new ArrayList<>();
                List<Object[]> files = new ArrayList<>();
                List<Object[]> members = new ArrayList<>();
                List<Object[]> roster = new ArrayList<>();
                for (long id = from; id < Math.min(FIRST_ID + HOUSEHOLDS, from + 1000); id++) {
                    int n = (int) (id - FIRST_ID);
                    String tier = n % 5 < 3 ? "DEEP" : "RELATIVE";
                    total[0] = total[0].add(new BigDecimal(n % 5 < 3 ? "1000" : "800"));
                    String cause = n % 3 == 0 ? "ILLNESS" : "LOW_INCOME";
                    String head = "职工" + n;
                    String headHash = hash("head" + n);
                    applications.add(new Object[]{id, "SQ" + year + id, UUID.randomUUID().toString(), "worker3",
                            "branch1", workplace, "FILED", "UNION", branch, county, "230602", tier, cause, now, now,
                            now});
                    files.add(new Object[]{id, "JD" + year + String.format("%08d", id), id, "worker3", head, workplace,
                            branch, county, "230602", tier, cause, n % 2 == 0 ? "" : "SCHOOLING", false, "ACTIVE",
                            headHash, "6222" + String.format("%015d", id), "中国工商银行城关支行", now});
                    members.add(new Object[]{memberId++, id, head, "SELF", headHash, masked(n), headHash});
                    if (n % 3 != 2) {
                        String spouseHash = hash("spouse" + n);
                        members.add(new Object[]{memberId++, id, "家属" + n, n % 3 == 0 ? "SPOUSE" : "CHILD",
                                spouseHash, masked(n + 1), spouseHash});
                    }
                    if (n % ON_ROSTER_EVERY == 0) {
                        roster.add(new Object[]{headHash, "enc:" + headHash, masked(n), head, "230602", "DIBAO",
                                new BigDecimal("680.00"), Date.valueOf(LocalDate.of(2020, 1, 1)), n + 2});
                    }
                }
                jdbc.batchUpdate("insert into enrollment_application (id, application_number, request_token,"
                        + " applicant_username, filed_by_username, department_id, status, route, branch_union_id,"
                        + " county_union_id, region_code, tier, primary_cause, created_at, submitted_at, concluded_at,"
                        + " version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", applications);
                jdbc.batchUpdate("insert into household_file (id, file_number, application_id, head_username,"
                        + " head_name, unit_id, branch_union_id, county_union_id, region_code, tier, primary_cause,"
                        + " secondary_causes, receives_dibao, status, active_household_key, payee_account, payee_bank,"
                        + " filed_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                        files);
                jdbc.batchUpdate("insert into household_file_member (id, file_id, name, relation, id_number_hash,"
                        + " id_number_masked, active_person_key) values (?, ?, ?, ?, ?, ?, ?)", members);
                jdbc.batchUpdate("insert into civil_affairs_roster (id_number_hash, id_number_encrypted,"
                        + " id_number_masked, name, region_code, status, monthly_amount, valid_from, line_number,"
                        + " import_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", roster);
            }
        });
        assertThat(count("household_file where status = 'ACTIVE' and payee_account is not null and id between "
                + FIRST_ID + " and " + (FIRST_ID + HOUSEHOLDS - 1))).isEqualTo(HOUSEHOLDS);
        return total[0].setScale(2);
    }

    /**
     * What the three decisions each household's grant evaluates cost on their own (aidStandard for the standard's
     * version, aidCap and householdAidCap in the checks, each written to the history): a thousand households' worth in
     * one transaction, rolled back, so no commit is counted.
     */
    private void decisionsOfOneHousehold() {
        int times = 1000;
        Counters start = counters();
        long t0 = System.nanoTime();
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        tx.executeWithoutResult(status -> {
            for (int i = 0; i < times; i++) {
                String tier = i % 5 < 3 ? "DEEP" : "RELATIVE";
                rules.standard(AidKind.WARMTH_VISIT, tier, SchoolingStage.NONE).orElseThrow();
                rules.cap(AidKind.WARMTH_VISIT);
                rules.householdAnnualCap(tier);
            }
            status.setRollbackOnly();
        });
        double millis = since(t0).toNanos() / 1e6 / times;
        Counters end = counters();
        System.out.printf("%nBENCHMARK campaign decisions: the 3 decision evaluations of one household take %.1f ms"
                        + " (JVM CPU %.1f ms, mariadbd CPU %.1f ms; server-wide %.1f statements: %.1f selects, %.1f"
                        + " inserts; load average %.1f)%n%n", millis,
                (end.jvmCpuNanos - start.jvmCpuNanos) / 1e6 / times, (end.dbCpuTicks - start.dbCpuTicks) * 10.0 / times,
                end.delta(start, "Questions") / (double) times, end.delta(start, "Com_select") / (double) times,
                end.delta(start, "Com_insert") / (double) times, loadAverage());
    }

    private static boolean isBenchmarks(long fileId) {
        return fileId >= FIRST_ID && fileId < FIRST_ID + HOUSEHOLDS;
    }

    private Map<String, Long> lineCounts(Long campaignId) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("select status, count(*) from warmth_campaign_line where campaign_id = ? group by status",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, campaignId);
        return counts;
    }

    /** The batches one after the other, and the server's and this JVM's work per household. */
    private void report(String processInstanceId, Counters start, Counters end, long paid, double seconds,
                        Sampler sampler) {
        List<HistoricActivityInstance> batches = history.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).activityId(WarmthCampaignProcess.PAY_CAMPAIGN_BATCH).finished()
                .list().stream().sorted(Comparator.comparing(HistoricActivityInstance::getStartTime)).toList();
        if (!batches.isEmpty()) {
            long[] durations = batches.stream().mapToLong(b -> b.getDurationInMillis() == null ? 0
                    : b.getDurationInMillis()).sorted().toArray();
            int overlaps = 0;
            for (int i = 1; i < batches.size(); i++) {
                if (batches.get(i).getStartTime().before(batches.get(i - 1).getEndTime())) {
                    overlaps++;
                }
            }
            System.out.printf("BENCHMARK campaign batches: %d finished; duration min %.1f s, median %.1f s, max %.1f s;"
                            + " %d batches began before the previous one ended; threads %s%n", batches.size(),
                    durations[0] / 1000.0, durations[durations.length / 2] / 1000.0,
                    durations[durations.length - 1] / 1000.0, overlaps, sampler.threads.keySet());
        }
        double per = Math.max(paid, 1);
        System.out.printf("BENCHMARK campaign per household: JVM CPU %.1f ms, mariadbd CPU %.1f ms (%.2f and %.2f"
                        + " cores over the payment); server-wide: %.1f statements (%.1f selects, %.1f inserts, %.1f"
                        + " updates, %.1f deletes, %.1f commits), %,.0f rows read, %.1f fsyncs (other databases on the"
                        + " server count too)%n", (end.jvmCpuNanos - start.jvmCpuNanos) / 1e6 / per,
                (end.dbCpuTicks - start.dbCpuTicks) * 10.0 / per,
                (end.jvmCpuNanos - start.jvmCpuNanos) / 1e9 / seconds,
                (end.dbCpuTicks - start.dbCpuTicks) / 100.0 / seconds,
                end.delta(start, "Questions") / per, end.delta(start, "Com_select") / per,
                end.delta(start, "Com_insert") / per, end.delta(start, "Com_update") / per,
                end.delta(start, "Com_delete") / per, end.delta(start, "Com_commit") / per,
                end.delta(start, "Rows_read") / per, end.delta(start, "Innodb_data_fsyncs") / per);
        Map<String, Long> engineRows = new LinkedHashMap<>();
        for (String table : List.of("ACT_HI_DECINST", "ACT_HI_DEC_IN", "ACT_HI_DEC_OUT", "ACT_HI_ACTINST",
                "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_JOB_LOG", "aid_grant_event")) {
            engineRows.put(table, count(table));
        }
        System.out.printf("BENCHMARK campaign rows after the payment: %s%n", engineRows);
        sampler.print();
    }

    /**
     * Samples, every 50 ms, the job executor's threads that run {@code CampaignPayer}: where in the application's
     * code each is (the innermost frame of cn.hardshiprelief), and whether it waits on the database (reading its
     * socket) or works. A poor man's profiler, good enough to say where the time goes.
     */
    static final class Sampler implements Runnable {

        final Map<String, AtomicLong> samples = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> threads = new ConcurrentHashMap<>();
        final AtomicLong total = new AtomicLong();
        final AtomicLong idle = new AtomicLong();
        final AtomicBoolean running = new AtomicBoolean(true);
        private Thread thread;

        void start() {
            thread = new Thread(this, "campaign-benchmark-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        @Override
        public void run() {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long[] jobThreads = new long[0];
            long found = 0;
            while (running.get()) {
                if (System.nanoTime() - found > 1_000_000_000L) {
                    // the job executor's threads (their names, without stacks: cheap), looked up once a second
                    jobThreads = Stream.of(mx.getThreadInfo(mx.getAllThreadIds(), 0))
                            .filter(t -> t != null && t.getThreadName().startsWith("camundaTaskExecutor"))
                            .mapToLong(ThreadInfo::getThreadId).toArray();
                    found = System.nanoTime();
                }
                boolean busy = false;
                for (ThreadInfo info : mx.getThreadInfo(jobThreads, Integer.MAX_VALUE)) {
                    if (info == null) {
                        continue;
                    }
                    StackTraceElement[] stack = info.getStackTrace();
                    if (Stream.of(stack).noneMatch(f -> f.getClassName().equals(CampaignPayer.class.getName()))) {
                        continue;
                    }
                    busy = true;
                    threads.computeIfAbsent(info.getThreadName(), t -> new AtomicLong()).incrementAndGet();
                    samples.computeIfAbsent(where(stack), k -> new AtomicLong()).incrementAndGet();
                    total.incrementAndGet();
                }
                if (!busy) {
                    idle.incrementAndGet();
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        static String where(StackTraceElement[] stack) {
            String app = "?";
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().startsWith("cn.hardshiprelief.") && !frame.getClassName().contains("$$")) {
                    app = frame.getClassName().substring("cn.hardshiprelief.".length()).replaceAll("\\$.*", "")
                            + "." + frame.getMethodName().replaceAll("lambda\\$(\\w+)\\$\\d+", "$1");
                    break;
                }
            }
            boolean commit = false;
            boolean engineCall = false;
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().startsWith("cn.hardshiprelief.")) {
                    break;
                }
                commit |= frame.getMethodName().equals("processCommit");
                engineCall |= frame.getClassName().startsWith("org.camunda.bpm.engine.impl.interceptor");
            }
            StackTraceElement top = stack.length == 0 ? null : stack[0];
            boolean database = top != null && (top.getClassName().startsWith("sun.nio.ch")
                    || top.getClassName().startsWith("java.net") || top.getClassName().contains("SocketInputStream")
                    || top.getClassName().startsWith("com.mysql.cj.protocol") && top.getMethodName().contains("read"));
            return app + (commit ? " [commit]" : "") + (engineCall ? " [engine]" : "")
                    + (database ? " (waiting on the database)" : " (working)");
        }

        void print() {
            long all = Math.max(total.get(), 1);
            System.out.printf("BENCHMARK campaign samples of the paying thread(s): %,d paying, %,d with no thread"
                    + " paying (between batches: the batch job's own transaction, the multi-instance's bookkeeping,"
                    + " the next acquisition)%n", total.get(), idle.get());
            samples.entrySet().stream().sorted(Map.Entry.<String, AtomicLong>comparingByValue(
                            Comparator.comparingLong(AtomicLong::get)).reversed()).limit(25)
                    .forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue().get() / all, e.getKey()));
        }
    }

    /** This JVM's CPU time, mariadbd's (from /proc), and MariaDB's global status counters. */
    record Counters(long jvmCpuNanos, long dbCpuTicks, Map<String, Long> status) {
        long delta(Counters start, String name) {
            return status.getOrDefault(name, 0L) - start.status.getOrDefault(name, 0L);
        }
    }

    private Counters counters() {
        Map<String, Long> status = new HashMap<>();
        jdbc.query("show global status where Variable_name in ('Questions', 'Com_select', 'Com_insert', 'Com_update',"
                + " 'Com_delete', 'Com_commit', 'Rows_read', 'Innodb_data_fsyncs')", rs -> {
                    status.put(rs.getString(1), rs.getLong(2));
                });
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new Counters(jvm, mariadbTicks(), status);
    }

    /** utime + stime of the local mariadbd in clock ticks (1/100 s), or 0 where it cannot be read. */
    private static long mariadbTicks() {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    if (!Files.readString(proc.resolve("comm")).strip().equals("mariadbd")) {
                        continue;
                    }
                    String stat = Files.readString(proc.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (Exception e) {
                    // a process that ended meanwhile
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return 0;
    }

    private long count(String tableAndCondition) {
        return jdbc.queryForObject("select count(*) from " + tableAndCondition, Long.class);
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String masked(int n) {
        return "230602**********" + String.format("%02d", n % 100);
    }

    private static int year() {
        return Year.now(ZoneId.of("Asia/Shanghai")).getValue();
    }

    /** The machine's one-minute load average: the figures mean little when other builds share the two cores. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
