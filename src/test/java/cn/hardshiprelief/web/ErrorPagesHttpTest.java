package cn.hardshiprelief.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statuses that never reach our controllers (unknown path, wrong method, malformed request,
 * failure) answer with our page in the user's language, over real HTTP where the container's
 * error path runs. Shares its context with the other HTTP tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.process-engine-name=httpTests")
@ActiveProfiles("test")
class ErrorPagesHttpTest {

    @LocalServerPort
    int port;

    @Test
    void anUnknownPathIsOurNotFoundPageInChinese() throws Exception {
        HttpResponse<String> page = send(loggedIn("worker1"), "GET", "/no-such-page");

        assertThat(page.statusCode()).isEqualTo(404);
        assertOurPage(page).contains("您要找的页面或记录不存在");
    }

    @Test
    void aMethodAPageDoesNotTakeIsOurPageSayingSoInChineseOrEnglish() throws Exception {
        HttpClient browser = loggedIn("worker1");
        String token = csrfTokenOf(send(browser, "GET", "/applications/new").body());

        HttpResponse<String> chinese = postForm(browser, "/tasks", "_csrf=" + token);
        assertThat(chinese.statusCode()).isEqualTo(405);
        assertOurPage(chinese).contains("此页面不接受这种提交方式");

        HttpResponse<String> english = postForm(browser, "/confirmed?lang=en", "_csrf=" + token);
        assertThat(english.statusCode()).isEqualTo(405);
        assertOurPage(english).contains("This page does not take that kind of request");
    }

    @Test
    void aPostWithAStaleCsrfTokenIsOurForbiddenPageNotAMethodError() throws Exception {
        HttpResponse<String> page = postForm(loggedIn("worker1"), "/applications", "_csrf=stale&action=save");

        assertThat(page.statusCode()).isEqualTo(403);
        assertOurPage(page).contains("您无权访问此页面");
    }

    @Test
    void aRequestTheFirewallRejectsIsOurBadRequestPage() throws Exception {
        HttpResponse<String> page = send(loggedIn("worker1"), "GET", "/applications;jsessionid=x/..;/new");

        assertThat(page.statusCode()).isEqualTo(400);
        assertOurPage(page).contains("请求有误");
    }

    @Test
    void aUrlTheContainerCannotDecodeIsOurPageNotTomcatsReport() throws Exception {
        String answer = raw("GET /applications/%zz HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400").contains("请求有误").contains("Bad request")
                .doesNotContain("Apache Tomcat").doesNotContain("HTTP Status 400");
    }

    private static org.assertj.core.api.AbstractStringAssert<?> assertOurPage(HttpResponse<String> page) {
        return assertThat(page.body()).contains("<html").contains("class=\"problem\"")
                .doesNotContain("Apache Tomcat").doesNotContain("Whitelabel").doesNotContain("\"timestamp\"");
    }

    private HttpClient loggedIn(String username) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(send(browser, "GET", "/login").body());
        assertThat(csrf.find()).isTrue();
        String form = "username=" + username + "&password=demo123&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        browser.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return browser;
    }

    private static String csrfTokenOf(String page) {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        return URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> postForm(HttpClient browser, String path, String form)
            throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As a browser asks for a page: HTML accepted. */
    private HttpResponse<String> send(HttpClient browser, String method, String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/xhtml+xml")
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request line the HTTP client would refuse to send. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
