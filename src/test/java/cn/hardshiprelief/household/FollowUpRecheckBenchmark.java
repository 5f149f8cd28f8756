package cn.hardshiprelief.household;

import cn.hardshiprelief.support.MySqlDatabase;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.management.JobDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty thousand active household files on the production database (MySQL/MariaDB) whose six-monthly re-checks
 * fall due on the same day. The files are written with plain JDBC; {@code householdFollowUp} is started for each
 * through {@link FollowUpProcess#start} (as filing does, with the variables FollowUpEngine sets); then every
 * {@code recheckDue} timer is made due by setting {@code ACT_RU_JOB.DUEDATE_} to the current second, and the real
 * job executor turns them into {@code recheckHousehold} tasks. The tasks' reminder and escalation timers are not
 * due and must not run. Not part of {@code ./mvnw verify}; run with
 * {@code ./mvnw verify -Pbenchmark -Dtest=FollowUpRecheckBenchmark}; the size and the settings can be changed with
 * {@code -Dbenchmark.files}, {@code -Dbenchmark.start-threads}, {@code -Dbenchmark.starts-per-transaction},
 * {@code -Dbenchmark.job-threads}, {@code -Dbenchmark.job-queue}, {@code -Dbenchmark.jobs-per-acquisition} and
 * {@code -Dbenchmark.job-lock-millis}. Figures in docs/benchmarks.md.
 */
@ExtendWith(MySqlDatabase.class)
@SpringBootTest(properties = {
        MySqlDatabase.TEST_CRYPTO_KEY,
        "camunda.bpm.process-engine-name=followUpBenchmark",
        "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.job-execution.core-pool-size=${benchmark.job-threads:4}",
        "camunda.bpm.job-execution.max-pool-size=${benchmark.job-threads:4}",
        "camunda.bpm.job-execution.queue-capacity=${benchmark.job-queue:40}",
        "camunda.bpm.job-execution.max-jobs-per-acquisition=${benchmark.jobs-per-acquisition:20}",
        "camunda.bpm.job-execution.lock-time-in-millis=${benchmark.job-lock-millis:300000}",
        "camunda.bpm.job-execution.wait-time-in-millis=1000",
        "camunda.bpm.job-execution.max-wait=5000",
        "hardship.demo-data=true",
        "hardship.demo-households=false",
        "hardship.storage.dir=target/test-uploads-benchmark"})
@ActiveProfiles("mysql")
class FollowUpRecheckBenchmark {

    static final int FILES = Integer.getInteger("benchmark.files", 50_000);
    static final int START_THREADS = Integer.getInteger("benchmark.start-threads", 4);
    static final int STARTS_PER_TRANSACTION = Integer.getInteger("benchmark.starts-per-transaction", 50);

    /**
     * The bounds, from the measurements in docs/benchmarks.md (268-303 starts/s, 88-150 re-checks/s on two shared
     * cores): about a quarter of the start rate and a third of the slowest re-check rate.
     */
    static final double MIN_STARTS_PER_SECOND = 75;
    static final double MIN_JOBS_PER_SECOND = 30;

    static final long FIRST_ID = 1_000_001;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = MySqlDatabase.freshDatabase("hardship_followup_bench");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> MySqlDatabase.USER);
        registry.add("spring.datasource.password", () -> MySqlDatabase.PASSWORD);
    }

    @Autowired
    FollowUpProcess followUp;
    @Autowired
    HouseholdFileRepository files;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Value("${camunda.bpm.job-execution.max-pool-size}")
    int jobThreads;
    @Value("${camunda.bpm.job-execution.queue-capacity}")
    int jobQueue;

    @Test
    void rechecksOf50000FilesFallingDueOnTheSameDayBecomeTasksWithoutIncidents() throws Exception {
        var config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(config.getDatabaseType()).isEqualTo("mysql");
        assertThat(config.getJobExecutor().isActive()).isTrue();
        System.out.printf("%nBENCHMARK follow-up settings: %,d files; %d start threads, %d starts per transaction;"
                        + " job executor %d threads, queue %d, %d jobs per acquisition, wait %d ms, lock %d ms%n%n",
                FILES, START_THREADS, STARTS_PER_TRANSACTION, jobThreads, jobQueue,
                config.getJobExecutor().getMaxJobsPerAcquisition(), config.getJobExecutor().getWaitTimeInMillis(),
                config.getJobExecutor().getLockTimeInMillis());

        // 1. the files, written directly
        long t0 = System.nanoTime();
        List<Long> fileIds = insertActiveFiles();
        Duration filing = since(t0);
        assertThat(jdbc.queryForObject("select count(*) from household_file where status = 'ACTIVE'", Long.class))
                .isEqualTo(FILES);
        System.out.printf("%nBENCHMARK follow-up: %,d active files written with JDBC batches in %.1f s%n%n",
                FILES, seconds(filing));

        // 2. one follow-up per file, as filing starts it
        Duration starting = startFollowUps(fileIds);
        double startRate = FILES / seconds(starting);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(FollowUpProcess.PROCESS_ID).count())
                .isEqualTo(FILES);
        String recheckDue = jobDefinition("recheckDue").getId();
        assertThat(management.createJobQuery().jobDefinitionId(recheckDue).count()).isEqualTo(FILES);
        // six months out: nothing is due yet (other processes' jobs, such as the annual survey's timer, aside)
        assertThat(management.createJobQuery().processDefinitionKey(FollowUpProcess.PROCESS_ID)
                .duedateLowerThan(Date.from(Instant.now().plus(150, ChronoUnit.DAYS))).count()).isZero();
        System.out.printf("%nBENCHMARK follow-up: %,d householdFollowUp instances started in %.1f s (%,.0f instances/s)"
                + "%n%n", FILES, seconds(starting), startRate);
        assertThat(startRate).isGreaterThan(MIN_STARTS_PER_SECOND);

        // 3. the re-checks of all files fall due on the same day: now
        Instant due = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int madeDue = jdbc.update("update ACT_RU_JOB set DUEDATE_ = ?, REV_ = REV_ + 1 where JOB_DEF_ID_ = ?",
                Timestamp.from(due), recheckDue);
        assertThat(madeDue).isEqualTo(FILES);

        // 4. the job executor creates the re-check tasks
        long dueAt = System.nanoTime();
        Duration limit = Duration.ofMillis((long) (FILES / MIN_JOBS_PER_SECOND * 1000));
        Duration firstTask = null;
        long waiting = FILES;
        long lastReport = dueAt;
        long lastWaiting = FILES;
        while (waiting > 0 && since(dueAt).compareTo(limit) < 0) {
            Thread.sleep(1000);
            // the timers not yet fired (an indexed count): a timer leaves ACT_RU_JOB in the transaction that
            // creates its task, and stays there if it fails
            waiting = management.createJobQuery().jobDefinitionId(recheckDue).count();
            if (firstTask == null && waiting < FILES) {
                firstTask = since(dueAt);
            }
            if (System.nanoTime() - lastReport >= 15_000_000_000L) {
                double interval = (System.nanoTime() - lastReport) / 1e9;
                System.out.printf("BENCHMARK follow-up: %5.0f s after due, %,6d re-check tasks (%,.0f/s in the last %.0f s;"
                        + " load average %.1f)%n", seconds(since(dueAt)), FILES - waiting,
                        (lastWaiting - waiting) / interval, interval, loadAverage());
                lastReport = System.nanoTime();
                lastWaiting = waiting;
            }
        }
        Duration executing = since(dueAt);
        long open = tasks.createTaskQuery().taskDefinitionKey(FollowUpProcess.RECHECK_TASK).count();
        double jobRate = open / seconds(executing);
        long incidents = runtime.createIncidentQuery().count();
        long failedJobs = management.createJobQuery().withException().count();
        long failureLogs = history.createHistoricJobLogQuery().failureLog().count();
        System.out.printf("%nBENCHMARK follow-up: %,d of %,d re-check tasks created by the job executor in %.1f s"
                        + " (%,.0f jobs/s; first task after %.1f s); %d incidents, %d jobs with exceptions,"
                        + " %d failure log entries%n%n", open, FILES, seconds(executing), jobRate,
                firstTask == null ? Double.NaN : seconds(firstTask), incidents, failedJobs, failureLogs);

        assertThat(open).as("re-check tasks within %s", limit).isEqualTo(FILES);
        assertThat(incidents).isZero();
        assertThat(failedJobs).isZero();
        assertThat(failureLogs).isZero();

        // every re-check timer has fired, exactly once
        assertThat(management.createJobQuery().jobDefinitionId(recheckDue).count()).isZero();
        assertThat(history.createHistoricJobLogQuery().jobDefinitionId(recheckDue).successLog().count())
                .isEqualTo(FILES);
        // each task is offered to its branch union
        long offered = tasks.createTaskQuery().taskDefinitionKey(FollowUpProcess.RECHECK_TASK)
                .taskCandidateGroup("branchUnion_CU01B01").count()
                + tasks.createTaskQuery().taskDefinitionKey(FollowUpProcess.RECHECK_TASK)
                .taskCandidateGroup("branchUnion_CU01B02").count();
        assertThat(offered).isEqualTo(FILES);
        // the reminder and escalation timers wait 14 and 30 days from the task, and have not run
        String reminder = jobDefinition("recheckReminder").getId();
        String escalation = jobDefinition("recheckEscalation").getId();
        assertThat(management.createJobQuery().jobDefinitionId(reminder).count()).isEqualTo(FILES);
        assertThat(management.createJobQuery().jobDefinitionId(escalation).count()).isEqualTo(FILES);
        assertThat(management.createJobQuery().processDefinitionKey(FollowUpProcess.PROCESS_ID).count())
                .isEqualTo(2L * FILES);
        assertThat(management.createJobQuery().processDefinitionKey(FollowUpProcess.PROCESS_ID)
                .duedateLowerThan(Date.from(due.plus(13, ChronoUnit.DAYS))).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().activityId("recheckReminder").count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().activityId("recheckEscalation").count()).isZero();

        System.out.printf("%nBENCHMARK follow-up total: files %.1f s, starts %.1f s (%,.0f/s), re-checks %.1f s"
                        + " (%,.0f/s), %d incidents%n%n", seconds(filing), seconds(starting), startRate,
                seconds(executing), jobRate, incidents);
    }

    /** Minimal valid union-route rows: a filed application and its active file, alternating two branch unions. */
    private List<Long> insertActiveFiles() {
        Map<String, Long> units = new HashMap<>();
        jdbc.query("select code, id from org_unit", rs -> {
            units.put(rs.getString(1), rs.getLong(2));
        });
        Long county = units.get("CU01");
        long[][] branchAndWorkplace = {{units.get("CU01B01"), units.get("CU01B01W1")},
                {units.get("CU01B02"), units.get("CU01B02W1")}};
        String[] heads = {"worker3", "worker4"};
        String[] filedBy = {"branch1", "branch2"};
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        int year = Year.now().getValue();

        List<Long> ids = LongStream.range(FIRST_ID, FIRST_ID + FILES).boxed().toList();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            for (int from = 0; from < FILES; from += 1000) {
                List<Object[]> applications = new ArrayList<>();
                List<Object[]> householdFiles = new ArrayList<>();
                for (long id : ids.subList(from, Math.min(FILES, from + 1000))) {
                    int b = (int) (id % 2);
                    applications.add(new Object[]{id, "SQ" + year + id, UUID.randomUUID().toString(), heads[b],
                            filedBy[b], branchAndWorkplace[b][1], "FILED", "UNION", branchAndWorkplace[b][0], county,
                            "230602", "DEEP", "LOW_INCOME", now, now, now});
                    householdFiles.add(new Object[]{id, "JD" + year + String.format("%08d", id), id, heads[b],
                            "职工" + id, branchAndWorkplace[b][1], branchAndWorkplace[b][0], county, "230602", "DEEP",
                            "LOW_INCOME", "", false, "ACTIVE", String.format("%064d", id), now});
                }
                jdbc.batchUpdate("insert into enrollment_application (id, application_number, request_token,"
                        + " applicant_username, filed_by_username, department_id, status, route, branch_union_id,"
                        + " county_union_id, region_code, tier, primary_cause, created_at, submitted_at, concluded_at,"
                        + " version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", applications);
                jdbc.batchUpdate("insert into household_file (id, file_number, application_id, head_username,"
                        + " head_name, unit_id, branch_union_id, county_union_id, region_code, tier, primary_cause,"
                        + " secondary_causes, receives_dibao, status, active_household_key, filed_at, version)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", householdFiles);
            }
        });
        return ids;
    }

    /** Several threads; each transaction loads a batch of files and starts their follow-ups as filing would. */
    private Duration startFollowUps(List<Long> fileIds) throws Exception {
        TransactionTemplate tx = new TransactionTemplate(transactionManager);
        ExecutorService pool = Executors.newFixedThreadPool(START_THREADS);
        AtomicInteger started = new AtomicInteger();
        long t0 = System.nanoTime();
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (int from = 0; from < fileIds.size(); from += STARTS_PER_TRANSACTION) {
                List<Long> batch = fileIds.subList(from, Math.min(fileIds.size(), from + STARTS_PER_TRANSACTION));
                batches.add(pool.submit(() -> {
                    tx.executeWithoutResult(status -> files.findAllById(batch).forEach(followUp::start));
                    int done = started.addAndGet(batch.size());
                    if (done % 10_000 < batch.size()) {
                        System.out.printf("BENCHMARK follow-up: %5.0f s, %,6d instances started (load average %.1f)%n",
                                (System.nanoTime() - t0) / 1e9, done, loadAverage());
                    }
                }));
            }
            for (Future<?> batch : batches) {
                batch.get();
            }
        } finally {
            pool.shutdown();
        }
        return since(t0);
    }

    private JobDefinition jobDefinition(String activityId) {
        return management.createJobDefinitionQuery().processDefinitionKey(FollowUpProcess.PROCESS_ID)
                .activityIdIn(activityId).singleResult();
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
