package cn.hardshiprelief.enrollment.web;

import cn.hardshiprelief.support.EarlierStories;
import org.junit.jupiter.api.BeforeEach;
import cn.hardshiprelief.enrollment.ApplicationQueries;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.TestIdNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application form over real HTTP: the container parses the multipart body (part count, part
 * headers, file size) before any of our code runs, which MockMvc skips. Shares its context with
 * the other HTTP tests (same engine name and properties).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.process-engine-name=httpTests")
@ActiveProfiles("test")
class ApplicationFormHttpTest {

    @Autowired
    EarlierStories earlierStories;

    /** A worker has one household in progress or on file; earlier tests of the shared context leave theirs. */
    @BeforeEach
    void workersFreeToApply() {
        earlierStories.closeHouseholdsOf("worker2");
    }

    private static final Pattern HIDDEN_INPUT = Pattern.compile(
            "<input type=\"hidden\"[^>]*? name=\"([^\"]+)\"[^>]*? value=\"([^\"]*)\"");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationQueries queries;
    @Autowired
    Directory directory;

    @ParameterizedTest(name = "{0} members")
    @ValueSource(ints = {5, 20})
    void aLargeHouseholdIsSubmittedThroughTheRealFormWithItsUploads(int members) throws Exception {
        HttpClient browser = loggedIn("worker2");
        Multipart body = formAsTheBrowserSendsIt(browser, members);
        for (String type : List.of("hardshipCertificateFiles", "medicalBillsFiles", "otherFiles")) {
            for (int i = 0; i < 3; i++) {
                body.file(type, type + i + ".pdf", Enrollments.PDF);
            }
        }

        HttpResponse<String> response = post(browser, "/applications", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        Long id = Long.valueOf(location.replaceAll(".*/applications/(\\d+)$", "$1"));
        assertThat(queries.formOf(directory.actor("worker2"), id).getMembers()).hasSize(members);
        assertThat(queries.view(directory.actor("worker2"), id).getEvidence()).hasSize(9);
    }

    @Test
    void aRequestWithMorePartsThanAnyApplicationNeedsGetsOurPageSayingSoInChinese() throws Exception {
        HttpClient browser = loggedIn("worker2");
        Multipart body = formAsTheBrowserSendsIt(browser, 2);
        for (int i = 0; i < 1000; i++) {
            body.field("secondaryCauses", "ILLNESS");
        }

        HttpResponse<String> response = post(browser, "/applications", body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("<html").contains("表单内容过多")
                .doesNotContain("Apache Tomcat").doesNotContain("HTTP Status");
    }

    @Test
    void theSameRefusalIsInEnglishOnRequest() throws Exception {
        HttpClient browser = loggedIn("worker2");
        Multipart body = formAsTheBrowserSendsIt(browser, 2);
        for (int i = 0; i < 1000; i++) {
            body.field("secondaryCauses", "ILLNESS");
        }

        HttpResponse<String> response = post(browser, "/applications?lang=en", body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("The form has too many fields or files");
    }

    @Test
    void anUploadOfFiftyFiveMegabytesGetsOurPageWith413AndSavesNothing() throws Exception {
        HttpClient browser = loggedIn("worker2");
        int before = queries.mine(directory.actor("worker2")).size();
        Multipart body = formAsTheBrowserSendsIt(browser, 2);
        body.file("hardshipCertificateFiles", "scan.pdf", Arrays.copyOf(Enrollments.PDF, 55 * 1024 * 1024));

        HttpResponse<String> response = post(browser, "/applications", body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("上传的文件过大").doesNotContain("Apache Tomcat");
        assertThat(queries.mine(directory.actor("worker2"))).hasSize(before);
    }

    /**
     * What a browser sends from the new-application page: its hidden inputs (CSRF token, request
     * token, the checkboxes' markers), every member's nine fields, the other fields and the submit
     * button.
     */
    private Multipart formAsTheBrowserSendsIt(HttpClient browser, int members) throws Exception {
        String page = get(browser, "/applications/new").body();
        Multipart body = new Multipart();
        Matcher hidden = HIDDEN_INPUT.matcher(page);
        while (hidden.find()) {
            body.field(hidden.group(1), hidden.group(2));
        }
        for (int i = 0; i < members; i++) {
            LocalDate born = i == 0 ? LocalDate.of(1980, 3, 4) : LocalDate.of(2005, 1, 1).plusDays(i * 40L);
            String m = "members[" + i + "].";
            body.field(m + "name", i == 0 ? "李娜" : "家人" + i)
                    .field(m + "relation", i == 0 ? "SELF" : "CHILD")
                    .field(m + "idNumber", TestIdNumbers.born(born))
                    .field(m + "birthDate", born.toString())
                    .field(m + "health", "HEALTHY").field(m + "disability", "NONE")
                    .field(m + "employment", i == 0 ? "EMPLOYED" : "STUDENT")
                    .field(m + "schooling", i == 0 ? "NONE" : "SENIOR_MIDDLE")
                    .field(m + "monthlyIncome", i == 0 ? "1500.00" : "0");
        }
        return body.field("hireDate", "2015-03-01").field("housingType", "RENTED").field("housingArea", "").field("housingNote", "")
                .field("primaryCause", "LOW_INCOME").field("medicalCostsHalfYear", "").field("oneOffCosts", "")
                .field("account", "一家" + members + "口，只有我一人有收入。")
                .file("disabilityCertificateFiles", "", new byte[0])
                .field("action", "submit");
    }

    private HttpClient loggedIn(String username) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(browser, "/login").body());
        assertThat(csrf.find()).isTrue();
        String form = "username=" + username + "&password=demo123&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return browser;
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient browser, String path, Multipart body)
            throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + body.boundary)
                .header("Accept", "text/html,application/xhtml+xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A multipart/form-data body written by hand, part by part, as a browser writes it. */
    private static final class Multipart {

        final String boundary = "----HardshipRelief" + UUID.randomUUID().toString().replace("-", "");
        private final List<byte[]> parts = new ArrayList<>();

        Multipart field(String name, String value) {
            parts.add(("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value)
                    .getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Multipart file(String name, String filename, byte[] content) {
            String type = filename.isEmpty() ? "application/octet-stream" : "application/pdf";
            byte[] head = ("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] part = Arrays.copyOf(head, head.length + content.length);
            System.arraycopy(content, 0, part, head.length, content.length);
            parts.add(part);
            return this;
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] part : parts) {
                out.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(part);
                out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        }
    }
}
