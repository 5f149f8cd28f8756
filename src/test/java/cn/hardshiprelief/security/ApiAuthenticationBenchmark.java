package cn.hardshiprelief.security;

import cn.hardshiprelief.support.MySqlDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a call to the integration API costs with HTTP Basic (the password checked with BCrypt on every request)
 * against a bearer token (one indexed lookup of its SHA-256), on MySQL/MariaDB over real HTTP: {@code GET
 * /api/tasks} as head1, one client thread, after a warm-up. It reports requests per second and the process's CPU
 * time per request, and asserts every answer was 200. Not part of {@code ./mvnw verify}; run with
 * {@code ./mvnw verify -Pbenchmark -Dtest=ApiAuthenticationBenchmark} ({@code -Dbenchmark.requests} changes the
 * count). Figures in docs/benchmarks.md.
 */
@ExtendWith(MySqlDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        MySqlDatabase.TEST_CRYPTO_KEY,
        "camunda.bpm.process-engine-name=apiAuthenticationBenchmark",
        "hardship.demo-data=true",
        "hardship.demo-households=false",
        "hardship.storage.dir=target/test-uploads-benchmark"})
@ActiveProfiles("mysql")
class ApiAuthenticationBenchmark {

    static final int REQUESTS = Integer.getInteger("benchmark.requests", 500);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = MySqlDatabase.freshDatabase("hardship_api_auth_bench");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> MySqlDatabase.USER);
        registry.add("spring.datasource.password", () -> MySqlDatabase.PASSWORD);
    }

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aBearerTokenCostsLessThanThePasswordOnEveryRequest() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString("head1:demo123".getBytes(StandardCharsets.UTF_8));
        String issued = client.send(request("POST", "/api/tokens", basic), HttpResponse.BodyHandlers.ofString()).body();
        String bearer = "Bearer " + new ObjectMapper().readTree(issued).path("accessToken").asText();

        run(basic, REQUESTS / 5);   // warm-up: classes, caches, connections
        run(bearer, REQUESTS / 5);
        Figures withPassword = run(basic, REQUESTS);
        Figures withToken = run(bearer, REQUESTS);

        System.out.printf("%nAPI authentication, GET /api/tasks as head1, %d requests each, one client thread:%n", REQUESTS);
        System.out.printf("  HTTP Basic (BCrypt each request): %7.1f requests/s, %6.2f ms CPU per request%n",
                withPassword.perSecond(), withPassword.cpuMillisPerRequest());
        System.out.printf("  Bearer token (SHA-256 lookup):    %7.1f requests/s, %6.2f ms CPU per request%n%n",
                withToken.perSecond(), withToken.cpuMillisPerRequest());
    }

    record Figures(int requests, long nanos, long cpuNanos) {
        double perSecond() {
            return requests / (nanos / 1e9);
        }

        double cpuMillisPerRequest() {
            return cpuNanos / 1e6 / requests;
        }
    }

    private Figures run(String authorization, int count) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = client.send(request("GET", "/api/tasks", authorization),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
        return new Figures(count, System.nanoTime() - start, os.getProcessCpuTime() - cpuBefore);
    }

    private HttpRequest request(String method, String path, String authorization) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization).header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
}
