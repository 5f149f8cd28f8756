package cn.hardshiprelief.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An integration authenticates once: POST /api/tokens with its password (HTTP Basic), then the bearer token on
 * /api and /engine-rest, over real HTTP. The token is the person's, with their rights, until it expires or is
 * revoked; a token cannot mint another. Shares the context (engine {@code httpTests}) of the other HTTP tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.process-engine-name=httpTests")
@ActiveProfiles("test")
class ApiTokenHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aTokenIssuedAgainstThePasswordOpensTheApiAndTheEngineRestAsItsHolder() throws Exception {
        HttpResponse<String> issued = send("POST", "/api/tokens", basic("head1", "demo123"));
        assertThat(issued.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(issued.body());
        String token = body.path("accessToken").asText();
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        assertThat(body.path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(Instant.parse(body.path("expiresAt").asText())).isAfter(Instant.now().plusSeconds(3600));
        assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash = ?", Long.class, token))
                .as("only the token's hash is kept").isZero();

        assertThat(send("GET", "/api/tasks", "Bearer " + token).statusCode()).isEqualTo(200);
        HttpResponse<String> engineTasks = send("GET", "/engine-rest/engine/httpTests/task?maxResults=1", "Bearer " + token);
        assertThat(engineTasks.statusCode()).isEqualTo(200);
        assertThat(send("GET", "/engine-rest/engine/httpTests/user", "Bearer " + token).statusCode())
                .as("the holder's rights: the directory stays the administrators'").isEqualTo(403);
        assertThat(send("POST", "/api/tokens", "Bearer " + token).statusCode())
                .as("a token cannot mint another").isEqualTo(403);
    }

    @Test
    void anUnknownExpiredOrRevokedTokenIsRefused() throws Exception {
        assertThat(send("GET", "/api/tasks", "Bearer not-a-token").statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/tokens", basic("head1", "wrong-password")).statusCode()).isEqualTo(401);

        String expiring = token("director1");
        jdbc.update("update api_token set expires_at = ? where token_hash = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(1)), ApiTokens.hash(expiring));
        HttpResponse<String> expired = send("GET", "/api/tasks", "Bearer " + expiring);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");

        String revoked = token("hr1");
        assertThat(send("GET", "/api/tasks", "Bearer " + revoked).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/api/tokens/current", "Bearer " + revoked).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/tasks", "Bearer " + revoked).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/engine-rest/engine/httpTests/task", "Bearer " + revoked).statusCode()).isEqualTo(401);
    }

    private String token(String user) throws Exception {
        return json.readTree(send("POST", "/api/tokens", basic(user, "demo123")).body()).path("accessToken").asText();
    }

    private HttpResponse<String> send(String method, String path, String authorization)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", authorization).header("Accept", "application/json")
                        .method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
