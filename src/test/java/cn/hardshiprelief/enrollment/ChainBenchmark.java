package cn.hardshiprelief.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hardshiprelief.organization.AppUser;
import cn.hardshiprelief.organization.AppUserRepository;
import cn.hardshiprelief.organization.DemoData;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.MySqlDatabase;
import cn.hardshiprelief.support.TestIdNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An approval chain in the application against the same chain in a bare Camunda engine, on the same MariaDB server
 * in one run (issue 13's measure). The control is a standalone engine (full history, no job executor) with the
 * enterprise chain's four user tasks and a service task; each chain starts an instance, then each approver lists
 * the tasks offered to their group and completes this instance's one. The application runs the real thing over
 * HTTP: a worker submits an application through {@code POST /api/applications}; 部门负责人, 分管领导, 人力资源部 and
 * 综合办公室 each list {@code GET /api/tasks} and decide {@code POST /api/tasks/{id}/decision}; every client holds a
 * bearer token. Reported per run: chains per second, CPU milliseconds per chain of this JVM and of the database
 * server, and the ratio app / bare. Not part of {@code ./mvnw verify}:
 * {@code ./mvnw verify -Pbenchmark -Dtest=ChainBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbenchmark.chains=N}, default 120 per run, at 2 and 4 client threads). Figures in docs/benchmarks.md.
 */
@ExtendWith(MySqlDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        MySqlDatabase.TEST_CRYPTO_KEY,
        "camunda.bpm.process-engine-name=chainBenchmark",
        "hardship.demo-data=true",
        "hardship.demo-households=false",
        "hardship.storage.dir=target/test-uploads-chain-benchmark",
        "logging.level.root=WARN"})
@ActiveProfiles("mysql")
class ChainBenchmark {

    static final int CHAINS = Integer.getInteger("benchmark.chains", 120);
    static final List<Integer> THREADS = List.of(2, 4);
    static final List<String> APPROVERS = List.of("head2", "director1", "hr1", "office1");
    static final List<String> BARE_GROUPS = List.of("departmentHead", "director", "hr", "generalOffice");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = MySqlDatabase.freshDatabase("hardship_chain_bench");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> MySqlDatabase.USER);
        registry.add("spring.datasource.password", () -> MySqlDatabase.PASSWORD);
    }

    @LocalServerPort
    int port;

    @Autowired
    AppUserRepository users;

    @Autowired
    TransactionTemplate transactions;

    private static ProcessEngine bare;
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger nextWorker = new AtomicInteger();
    private List<String> workers;

    @AfterAll
    static void closeTheBareEngine() {
        if (bare != null) {
            bare.close();
        }
    }

    @Test
    void theApplicationsChainAgainstTheBareEngines() throws Exception {
        bare = bareEngine();
        workers = workers(CHAINS * (THREADS.size() + 1) + 10);
        for (String user : APPROVERS) {
            tokens.put(user, token(user));
        }
        for (String user : workers) {   // each worker signs in once, before the clock runs
            tokens.put(user, token(user));
        }

        runBare(2, CHAINS / 4);          // warm-up: classes, JIT, connections
        runApp(2, CHAINS / 4);
        List<String> lines = new ArrayList<>();
        for (int threads : THREADS) {
            Figures bareRun = runBare(threads, CHAINS);
            Figures appRun = runApp(threads, CHAINS);
            lines.add(String.format("| %d | %.1f | %.0f | %.0f | %.1f | %.0f | %.0f | %.2f |", threads,
                    bareRun.perSecond(), bareRun.cpuMillisPerChain(), bareRun.dbCpuMillisPerChain(),
                    appRun.perSecond(), appRun.cpuMillisPerChain(), appRun.dbCpuMillisPerChain(),
                    appRun.perSecond() / bareRun.perSecond()));
        }
        System.out.printf("%nApproval chains (submit + 4 approvals), %d chains per run, MariaDB:%n", CHAINS);
        System.out.println("| client threads | bare chains/s | bare JVM CPU ms/chain | bare DB CPU ms/chain "
                + "| app chains/s | app JVM CPU ms/chain | app DB CPU ms/chain | app / bare |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        lines.forEach(System.out::println);
        System.out.println();
    }

    // --- the bare engine

    private ProcessEngine bareEngine() {
        String url = MySqlDatabase.freshDatabase("hardship_chain_bare");
        // the application's pool settings (application-mysql.yml): read committed, 20 connections
        com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(MySqlDatabase.USER);
        pool.setPassword(MySqlDatabase.PASSWORD);
        pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        pool.setMaximumPoolSize(20);
        ProcessEngine engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setDataSource(pool)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false)
                .setProcessEngineName("bareChainControl")
                .buildProcessEngine();
        BpmnModelInstance chain = Bpmn.createExecutableProcess("bareChain").camundaHistoryTimeToLive(3650)
                .startEvent()
                .userTask("reviewByDepartmentHead").camundaCandidateGroups("departmentHead")
                .userTask("reviewByDirector").camundaCandidateGroups("director")
                .userTask("reviewByHr").camundaCandidateGroups("hr")
                .userTask("approveByGeneralOffice").camundaCandidateGroups("generalOffice")
                .serviceTask("confirmHardshipWorker").camundaExpression("${execution.setVariable('confirmed', true)}")
                .endEvent()
                .done();
        engine.getRepositoryService().createDeployment().addModelInstance("bareChain.bpmn", chain).deploy();
        return engine;
    }

    private Figures runBare(int threads, int chains) throws Exception {
        return measure(threads, chains, () -> {
            String key = UUID.randomUUID().toString();
            String instance = bare.getRuntimeService().startProcessInstanceByKey("bareChain", key,
                    Map.of("applicationId", 1L, "decision", "none")).getId();
            for (String group : BARE_GROUPS) {
                Task mine = bare.getTaskService().createTaskQuery().taskCandidateGroup(group)
                        .orderByTaskCreateTime().desc().listPage(0, 50).stream()
                        .filter(t -> t.getProcessInstanceId().equals(instance)).findFirst()
                        .orElseGet(() -> bare.getTaskService().createTaskQuery().processInstanceId(instance)
                                .singleResult());
                bare.getTaskService().claim(mine.getId(), group + "User");
                bare.getTaskService().complete(mine.getId(), Map.of("decision", "approve", "comment", "同意"));
            }
        });
    }

    // --- the application over HTTP

    private Figures runApp(int threads, int chains) throws Exception {
        return measure(threads, chains, () -> {
            String worker = workers.get(nextWorker.getAndIncrement());
            JsonNode application = submit(worker, tokens.get(worker));
            long id = application.path("id").asLong();
            for (String approver : APPROVERS) {
                String taskId = taskOf(approver, id);
                HttpResponse<String> decided = client.send(HttpRequest.newBuilder(uri("/api/tasks/" + taskId + "/decision"))
                        .header("Authorization", "Bearer " + tokens.get(approver))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"decision\":\"approve\",\"comment\":\"同意\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(decided.statusCode()).as("%s decides %s: %s", approver, id, decided.body()).isEqualTo(200);
            }
        });
    }

    private String taskOf(String approver, long applicationId) throws Exception {
        HttpResponse<String> listed = client.send(HttpRequest.newBuilder(uri("/api/tasks"))
                .header("Authorization", "Bearer " + tokens.get(approver)).header("Accept", "application/json")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(listed.statusCode()).as("%s lists: %s", approver, listed.body()).isEqualTo(200);
        for (JsonNode task : tasksIn(json.readTree(listed.body()))) {
            if (task.path("applicationId").asLong() == applicationId) {
                return task.path("taskId").asText();
            }
        }
        throw new AssertionError(approver + " has no task for application " + applicationId + ": " + listed.body());
    }

    /** The list itself, whether the API answers a plain array or a page object holding one. */
    private static Iterable<JsonNode> tasksIn(JsonNode body) {
        if (body.isArray()) {
            return body;
        }
        for (JsonNode field : body) {
            if (field.isArray()) {
                return field;
            }
        }
        return List.of();
    }

    private JsonNode submit(String worker, String token) throws Exception {
        String boundary = "----chain" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "application", null, "application/json", json.writeValueAsBytes(form(worker)));
        part(body, boundary, "hardshipCertificateFiles", "证明.pdf", "application/pdf", Enrollments.PDF);
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = client.send(HttpRequest.newBuilder(uri("/api/applications"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as("%s submits: %s", worker, created.body()).isEqualTo(201);
        return json.readTree(created.body());
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String filename,
                             String type, byte[] content) throws Exception {
        String header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\nContent-Type: " + type + "\r\n\r\n";
        body.write(header.getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> form(String worker) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("hireDate", "2015-03-01");
        form.put("housingType", "RENTED");
        form.put("primaryCause", "LOW_INCOME");
        form.put("account", "爱人失业，孩子上学，收入难以维持生活。");
        LocalDate born = LocalDate.of(1980, 1, 1).plusDays(Math.abs(worker.hashCode() % 3000));
        form.put("members", List.of(Map.of("name", "职工" + worker.substring(worker.length() - 3), "relation", "SELF",
                "idNumber", TestIdNumbers.born(born), "birthDate", born.toString(), "health", "HEALTHY",
                "disability", "NONE", "employment", "EMPLOYED", "schooling", "NONE", "monthlyIncome", "1800.00")));
        return form;
    }

    private String token(String username) throws Exception {
        String basic = Base64.getEncoder().encodeToString((username + ":" + DemoData.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> issued = client.send(HttpRequest.newBuilder(uri("/api/tokens"))
                .header("Authorization", "Basic " + basic).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(issued.statusCode()).as("token for %s: %s", username, issued.body()).isEqualTo(201);
        return json.readTree(issued.body()).path("accessToken").asText();
    }

    /** Workers in 部门负责人 head2's department, like worker2, each applying once; one password hash for all. */
    private List<String> workers(int count) {
        return transactions.execute(status -> {
            AppUser template = users.findById("worker2").orElseThrow();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = String.format("chainworker%04d", i);
                AppUser user = new AppUser(name, "链路职工" + i, template.getPasswordHash(), template.getOrgUnit());
                template.getGroups().forEach(user::joinGroup);
                users.save(user);
                names.add(name);
            }
            return names;
        });
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    // --- measuring

    interface Chain {
        void run() throws Exception;
    }

    record Figures(int chains, long nanos, long cpuNanos, long dbCpuNanos) {
        double perSecond() {
            return chains / (nanos / 1e9);
        }

        double cpuMillisPerChain() {
            return cpuNanos / 1e6 / chains;
        }

        double dbCpuMillisPerChain() {
            return dbCpuNanos < 0 ? Double.NaN : dbCpuNanos / 1e6 / chains;
        }
    }

    private Figures measure(int threads, int chains, Chain chain) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long dbBefore = databaseCpuNanos();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < chains; i++) {
                done.add(pool.submit(() -> {
                    chain.run();
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        long nanos = System.nanoTime() - start;
        long dbAfter = databaseCpuNanos();
        return new Figures(chains, nanos, os.getProcessCpuTime() - cpuBefore,
                dbBefore < 0 || dbAfter < 0 ? -1 : dbAfter - dbBefore);
    }

    /** CPU time of the local MariaDB server from /proc, or -1 when it is not a local process. */
    private static long databaseCpuNanos() {
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                Path comm = proc.resolve("comm");
                if (proc.getFileName().toString().chars().allMatch(Character::isDigit) && Files.exists(comm)
                        && Files.readString(comm).strip().matches("mariadbd|mysqld")) {
                    String[] stat = Files.readString(proc.resolve("stat")).split("\\) ", 2)[1].split(" ");
                    long ticks = Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                    return ticks * 10_000_000L; // USER_HZ 100
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
