import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives enterprise enrollment chains through /api for two-nodes.sh (run as a single-file program:
 * {@code java src/test/bench/ChainDriver.java BASE_URL THREADS SECONDS FIRST_WORKER LAST_WORKER OUT_FILE}).
 *
 * <p>Each chain: union1 files an application on behalf of one bench worker (bw0001…, created by the script in
 * C01D01 or C01D02) with its 生活困难证明 as a small PDF (multipart) and an Idempotency-Key, then the department head, director1, hr1 and office1 each list their
 * tasks and approve it. Every call carries a bearer token from POST /api/tokens. A call that fails (a node killed
 * under it: HAProxy answers 502/503, or the connection drops) is never counted as done: the submission is sent again
 * with the same key (409 names the first application), a decision is looked up again (the task is gone if it had
 * committed, and the application's history says so). Writes one line per finished chain to OUT_FILE:
 * application id, epoch millis. {@code java ChainDriver.java --json N} prints bench worker N's application.
 */
public class ChainDriver {

    static final String[] STEPS = {"reviewByDepartmentHead", "reviewByDirector", "reviewByHr", "approveByGeneralOffice"};
    static final Pattern TASK = Pattern.compile("\\{\"taskId\":\"([^\"]+)\",\"step\":\"([^\"]+)\"[^{}]*?\"applicationId\":(\\d+)");
    static final Pattern APPLICATION_ID = Pattern.compile("\"(?:id|applicationId)\":(\\d+)");
    static final Pattern TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");
    static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    final String base;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final Map<String, String> tokens = new ConcurrentHashMap<>();
    final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    final LongAdder calls = new LongAdder();

    ChainDriver(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--json")) { // the application of one bench worker, for the script's upload check
            int worker = Integer.parseInt(args[1]);
            System.out.println(applicationJson(String.format("bw%04d", worker), worker));
            return;
        }
        ChainDriver driver = new ChainDriver(args[0]);
        int threads = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        int first = Integer.parseInt(args[3]);
        int last = Integer.parseInt(args[4]);
        Path out = Path.of(args[5]);
        for (String user : List.of("union1", "head1", "head2", "director1", "hr1", "office1")) {
            driver.tokens.put(user, driver.token(user));
        }
        AtomicInteger next = new AtomicInteger(first);
        ConcurrentLinkedQueue<String> done = new ConcurrentLinkedQueue<>();
        long deadline = System.currentTimeMillis() + seconds * 1000;
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                int worker;
                while (System.currentTimeMillis() < deadline && (worker = next.getAndIncrement()) <= last) {
                    try {
                        long id = driver.chain(worker);
                        done.add(id + "," + System.currentTimeMillis());
                    } catch (Exception e) {
                        driver.failures.computeIfAbsent("chain abandoned: " + e, k -> new LongAdder()).increment();
                    }
                }
            });
            thread.start();
            workers.add(thread);
        }
        for (Thread thread : workers) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        Files.write(out, done);
        System.out.printf("chains=%d seconds=%.1f chains_per_s=%.3f calls=%d%n", done.size(), elapsed,
                done.size() / elapsed, driver.calls.sum());
        driver.failures.forEach((what, count) -> System.out.printf("failed call: %s x%d%n", what, count.sum()));
    }

    long chain(int worker) throws Exception {
        String username = String.format("bw%04d", worker);
        String head = worker % 2 == 0 ? "head1" : "head2";
        long id = submit(username, worker);
        String[] deciders = {head, "director1", "hr1", "office1"};
        for (int step = 0; step < STEPS.length; step++) {
            decide(deciders[step], STEPS[step], id);
        }
        return id;
    }

    long submit(String applicant, int worker) throws Exception {
        String body = multipart(applicationJson(applicant, worker), applicant);
        for (int attempt = 0; attempt < 60; attempt++) {
            HttpResponse<String> response = call("union1", "POST", "/api/applications", body, "bench-" + applicant);
            if (response != null && (response.statusCode() == 201 || response.statusCode() == 409)) {
                Matcher id = APPLICATION_ID.matcher(response.body());
                if (id.find()) {
                    return Long.parseLong(id.group(1));
                }
            }
            pause(response);
        }
        throw new IllegalStateException("could not submit for " + applicant);
    }

    void decide(String user, String step, long applicationId) throws Exception {
        for (int attempt = 0; attempt < 120; attempt++) {
            HttpResponse<String> list = call(user, "GET", "/api/tasks", null, null);
            if (list != null && list.statusCode() == 200) {
                Matcher task = TASK.matcher(list.body());
                String taskId = null;
                while (task.find()) {
                    if (task.group(2).equals(step) && Long.parseLong(task.group(3)) == applicationId) {
                        taskId = task.group(1);
                    }
                }
                if (taskId != null) {
                    HttpResponse<String> decided = call(user, "POST", "/api/tasks/" + taskId + "/decision",
                            "{\"decision\":\"approve\",\"comment\":\"情况属实\"}", null);
                    if (decided != null && decided.statusCode() == 200) {
                        return;
                    }
                } else if (stepDone(step, applicationId)) {
                    return; // an earlier attempt committed although its answer was lost
                }
            }
            pause(list);
        }
        throw new IllegalStateException("step " + step + " of application " + applicationId + " not done");
    }

    boolean stepDone(String step, long applicationId) throws Exception {
        HttpResponse<String> application = call("union1", "GET", "/api/applications/" + applicationId, null, null);
        return application != null && application.statusCode() == 200
                && application.body().contains("\"step\":\"" + step + "\",\"outcome\":\"APPROVED\"");
    }

    HttpResponse<String> call(String user, String method, String path, String json, String idempotencyKey) {
        calls.increment();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + tokens.get(user)).header("Accept", "application/json");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", json.startsWith("--" + BOUNDARY)
                    ? "multipart/form-data; boundary=" + BOUNDARY : "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400 && response.statusCode() != 409) {
                String what = method + " " + path.replaceAll("[0-9a-f-]{8,}|\\d+", "{id}") + " -> " + response.statusCode();
                if (!failures.containsKey(what)) {
                    System.err.println(what + ": " + response.body());
                }
                failures.computeIfAbsent(what, k -> new LongAdder()).increment();
            }
            return response;
        } catch (IOException e) {
            failures.computeIfAbsent(method + " " + path.replaceAll("[0-9a-f-]{8,}|\\d+", "{id}") + " -> "
                    + e.getClass().getSimpleName(), k -> new LongAdder()).increment();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String token(String user) throws Exception {
        for (int attempt = 0; attempt < 30; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/tokens"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (user + ":demo123").getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                Matcher token = TOKEN.matcher(response.body());
                if (response.statusCode() == 201 && token.find()) {
                    return token.group(1);
                }
            } catch (IOException e) {
                // the load balancer or a node is not up yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("no token for " + user);
    }

    static void pause(HttpResponse<String> response) throws InterruptedException {
        Thread.sleep(response == null || response.statusCode() >= 500 ? 500 : 100);
    }

    static final String BOUNDARY = "chain-driver-boundary";

    /** The application as the JSON part, and the 生活困难证明 every submission needs as a small PDF. */
    static String multipart(String applicationJson, String applicant) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"application\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + applicationJson + "\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"hardshipCertificateFiles\"; "
                + "filename=\"certificate-" + applicant + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
                + "%PDF-1.4\n% hardship certificate of " + applicant + "\n%%EOF\n\r\n"
                + "--" + BOUNDARY + "--\r\n";
    }

    /** The applicant (income 1,200) and a child at school, rented, low income: a deep-hardship household. */
    static String applicationJson(String applicant, int worker) {
        LocalDate selfBorn = LocalDate.of(1975, 1, 1).plusDays(worker % 3650);
        LocalDate childBorn = LocalDate.of(2010, 9, 1).plusDays(worker % 1000);
        return "{\"applicantUsername\":\"" + applicant + "\",\"hireDate\":\"2015-03-01\",\"housingType\":\"RENTED\","
                + "\"primaryCause\":\"LOW_INCOME\",\"account\":\"爱人失业，孩子上学，收入难以维持生活。\",\"members\":["
                + member("职工" + applicant, "SELF", idNumber(selfBorn, worker), selfBorn, "EMPLOYED", "NONE", "1200.00")
                + "," + member("子女" + applicant, "CHILD", idNumber(childBorn, worker + 5000), childBorn, "STUDENT",
                "JUNIOR_MIDDLE", "0") + "]}";
    }

    static String member(String name, String relation, String idNumber, LocalDate born, String employment,
                         String schooling, String income) {
        return "{\"name\":\"" + name + "\",\"relation\":\"" + relation + "\",\"idNumber\":\"" + idNumber
                + "\",\"birthDate\":\"" + born + "\",\"health\":\"HEALTHY\",\"disability\":\"NONE\",\"employment\":\""
                + employment + "\",\"schooling\":\"" + schooling + "\",\"monthlyIncome\":\"" + income + "\"}";
    }

    /** A valid GB 11643 number, unique per (birth date, sequence). */
    static String idNumber(LocalDate born, int sequence) {
        String base = "1101" + String.format("%02d", 1 + sequence / 1000 % 99) + born.toString().replace("-", "")
                + String.format("%03d", sequence % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (base.charAt(i) - '0') * WEIGHTS[i];
        }
        return base + "10X98765432".charAt(sum % 11);
    }
}
