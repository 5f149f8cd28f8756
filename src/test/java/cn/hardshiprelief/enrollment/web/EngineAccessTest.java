package cn.hardshiprelief.enrollment.web;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.support.Enrollments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camunda's own doors: /engine-rest (HTTP Basic, then the engine's authorizations) and the
 * Cockpit webapp (form login session, administrators only).
 * <p>
 * Unlike the other web tests this one needs a real server, so it does not use {@code @AppTest}:
 * MockMvc only reaches Spring MVC's DispatcherServlet, while /engine-rest is Camunda's Jersey
 * servlet and the webapps are served by Camunda's servlet filters. It costs a second Spring context
 * (a few seconds once the JVM is warm), with its own H2 database, so it sees only its own data.
 * Both contexts name their engine "default"; Camunda's REST layer looks the engine up by that name
 * and finds the one started last, which is this one while its tests run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EngineAccessTest {

    @LocalServerPort
    int port;
    @Autowired
    Enrollments enrollments;
    @Autowired
    ObjectMapper json;

    private final HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(HttpClient client, String path, String basicUser) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json");
        if (basicUser != null) {
            String credentials = basicUser + ":demo123";
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private JsonNode engineTasksAs(String username) throws Exception {
        HttpResponse<String> response = get(anonymous, "/engine-rest/task", username);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** Logs in through the login page, as a browser does: its session cookie goes with every later request. */
    private HttpClient loggedIn(String username) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = browser.send(HttpRequest.newBuilder(uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as("the login page carries a CSRF token").isTrue();
        String form = "username=" + username + "&password=demo123&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return browser;
    }

    @Test
    void engineRestWithoutCredentialsIsUnauthorized() throws Exception {
        assertThat(get(anonymous, "/engine-rest/task", null).statusCode()).isEqualTo(401);
        assertThat(get(anonymous, "/engine-rest/process-definition", null).statusCode()).isEqualTo(401);
    }

    @Test
    void engineRestShowsATaskToItsCandidateGroupAndToNobodyElse() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        String taskId = enrollments.openTaskId(application.getId());

        JsonNode head1 = engineTasksAs("head1");
        assertThat(head1.findValues("id")).extracting(JsonNode::asText).contains(taskId);

        JsonNode worker2 = engineTasksAs("worker2");
        assertThat(worker2.findValues("id")).extracting(JsonNode::asText).doesNotContain(taskId);
        // the engine's authorizations show a worker only tasks assigned to them (none, unless one was returned)
        assertThat(worker2.findValues("assignee")).extracting(JsonNode::asText).allMatch("worker2"::equals);
        assertThat(engineTasksAs("head2").findValues("id")).extracting(JsonNode::asText).doesNotContain(taskId);
    }

    @Test
    void cockpitIsForbiddenToAWorkerAndOpenToTheAdministrator() throws Exception {
        HttpClient worker = loggedIn("worker1");
        for (String path : new String[]{"/camunda/app/cockpit/", "/camunda/app/cockpit/default/"}) {
            HttpResponse<String> refused = get(worker, path, null);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.body()).contains("您无权访问此页面");
        }

        HttpClient admin = loggedIn("admin");
        HttpResponse<String> entry = get(admin, "/camunda/app/cockpit/", null);
        assertThat(entry.statusCode()).isEqualTo(302);
        assertThat(entry.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/camunda/app/cockpit/default/"));
        HttpResponse<String> cockpit = get(admin, "/camunda/app/cockpit/default/", null);
        assertThat(cockpit.statusCode()).isEqualTo(200);
        assertThat(cockpit.body()).containsIgnoringCase("cockpit");
        // opening the webapp signed the administrator in to Camunda, which grants them Cockpit
        JsonNode camundaUser = json.readTree(get(admin, "/camunda/api/admin/auth/user/default", null).body());
        assertThat(camundaUser.path("userId").asText()).isEqualTo("admin");
        assertThat(camundaUser.path("authorizedApps")).extracting(JsonNode::asText).contains("cockpit", "admin");
    }
}
