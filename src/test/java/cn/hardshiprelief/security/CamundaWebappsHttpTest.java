package cn.hardshiprelief.security;

import cn.hardshiprelief.support.Enrollments;
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
 * Camunda's webapps and REST API behind the application's login, over real HTTP (they are servlets
 * of their own, out of MockMvc's reach). The engine has its own name here so that it cannot be
 * confused with the engine of the other test contexts in this JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.process-engine-name=httpTests")
@ActiveProfiles("test")
class CamundaWebappsHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    Enrollments enrollments;

    private final HttpClient anonymous = HttpClient.newHttpClient();

    @Test
    void theEngineRestApiAnswersNobodyWithoutCredentials() throws Exception {
        assertThat(get(anonymous, "/engine-rest/engine/httpTests/task", null).statusCode()).isEqualTo(401);
        assertThat(get(anonymous, "/engine-rest/engine/httpTests/task", basic("head1", "wrong")).statusCode()).isEqualTo(401);
    }

    @Test
    void theEngineRestApiShowsEachPersonOnlyTheTasksOfTheirGroups() throws Exception {
        String taskId = enrollments.openTaskId(enrollments.submittedBy("worker1").getId());

        HttpResponse<String> head1 = get(anonymous, "/engine-rest/engine/httpTests/task", basic("head1", "demo123"));
        assertThat(head1.statusCode()).isEqualTo(200);
        assertThat(head1.body()).contains(taskId);

        HttpResponse<String> head2 = get(anonymous, "/engine-rest/engine/httpTests/task", basic("head2", "demo123"));
        assertThat(head2.statusCode()).isEqualTo(200);
        assertThat(head2.body()).doesNotContain(taskId);

        HttpResponse<String> deployments = get(anonymous, "/engine-rest/engine/httpTests/deployment", basic("worker2", "demo123"));
        assertThat(deployments.body()).isEqualTo("[]");
    }

    @Test
    void tasklistOpensForAReviewerWithTheApplicationsLogin() throws Exception {
        HttpClient browser = loggedIn("head1");
        // as in a browser: the page first (the webapp signs the session in), then its API calls
        assertThat(get(browser, "/camunda/app/tasklist/httpTests/", null).statusCode()).isEqualTo(200);
        HttpResponse<String> user = get(browser, "/camunda/api/admin/auth/user/httpTests", null);
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body()).contains("\"userId\":\"head1\"").contains("tasklist").doesNotContain("cockpit");
        assertThat(get(browser, "/camunda/app/cockpit/httpTests/", null).statusCode()).isEqualTo(403);
    }

    @Test
    void cockpitAndAdminOpenForTheAdministrator() throws Exception {
        HttpClient browser = loggedIn("admin");
        assertThat(get(browser, "/camunda/app/cockpit/httpTests/", null).statusCode()).isEqualTo(200);
        HttpResponse<String> user = get(browser, "/camunda/api/admin/auth/user/httpTests", null);
        assertThat(user.body()).contains("cockpit").contains("admin").contains("tasklist");
    }

    @Test
    void theWebappsAreClosedToAnonymousVisitors() throws Exception {
        HttpResponse<String> page = get(anonymous, "/camunda/app/tasklist/httpTests/", null);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    private HttpClient loggedIn(String username) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String loginPage = get(browser, "/login", null).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).isTrue();
        String form = "username=" + username + "&password=demo123&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
    }

    private HttpResponse<String> get(HttpClient client, String path, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
