package cn.hardshiprelief.security;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
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
 * Any node serves any user: the HTTP session lives in the database (Spring Session JDBC, table SPRING_SESSION), not
 * in one Tomcat. "Another node" here is what a second node has of a session: a session repository of its own on the
 * same database, with nothing in memory. A login made here is read there; a session written there is served here,
 * our pages and Tasklist alike; and a session taken out of the database is gone here too. Over real HTTP, with the
 * same context as {@link CamundaWebappsHttpTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.process-engine-name=httpTests")
@ActiveProfiles("test")
class SessionsSharedByNodesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    AppUserDetailsService users;

    @Test
    void aLoginHereIsASessionInTheDatabaseThatAnotherNodeReads() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String sessionId = logIn(browser, "head1");

        assertThat(jdbc.queryForObject("select PRINCIPAL_NAME from SPRING_SESSION where SESSION_ID = ?", String.class,
                sessionId)).isEqualTo("head1");
        Session seenElsewhere = otherNode().findById(sessionId);
        assertThat(seenElsewhere).isNotNull();
        SecurityContext context = seenElsewhere.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(context.getAuthentication().getName()).isEqualTo("head1");
        assertThat(context.getAuthentication().getPrincipal()).isInstanceOf(AppPrincipal.class);
    }

    @Test
    void aSessionWrittenByAnotherNodeServesOurPagesAndTasklistHere() throws Exception {
        SessionRepository<Session> otherNode = otherNode();
        Session session = otherNode.createSession();
        UserDetails head1 = users.loadUserByUsername("head1");
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
                UsernamePasswordAuthenticationToken.authenticated(head1, null, head1.getAuthorities())));
        otherNode.save(session);

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String cookie = "SESSION=" + Base64.getEncoder().encodeToString(session.getId().getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> home = get(browser, "/tasks", cookie);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("王强");
        assertThat(get(browser, "/camunda/app/tasklist/httpTests/", cookie).statusCode()).isEqualTo(200);
        HttpResponse<String> tasklistUser = get(browser, "/camunda/api/admin/auth/user/httpTests", cookie);
        assertThat(tasklistUser.statusCode()).isEqualTo(200);
        assertThat(tasklistUser.body()).contains("\"userId\":\"head1\"");
        // Tasklist's own sign-in (Camunda's Authentications, attribute authenticatedUser) went to the shared row too
        Object webappSignIn = otherNode.findById(session.getId()).getAttribute("authenticatedUser");
        assertThat(webappSignIn).isInstanceOf(Authentications.class);
        assertThat(((Authentications) webappSignIn).getAuthentications())
                .extracting(Authentication::getName).containsExactly("head1");
    }

    @Test
    void aSessionTakenOutOfTheDatabaseIsGoneHereToo() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String sessionId = logIn(browser, "head1");
        assertThat(get(browser, "/tasks", null).statusCode()).isEqualTo(200);

        otherNode().deleteById(sessionId);

        HttpResponse<String> after = get(browser, "/tasks", null);
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    /** A session repository as a second node has it: its own instance on the same database. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private SessionRepository<Session> otherNode() {
        return (SessionRepository) new JdbcIndexedSessionRepository(jdbc, new TransactionTemplate(transactions));
    }

    /** Logs in through the form and returns the session id the cookie carries. */
    private String logIn(HttpClient browser, String username) throws IOException, InterruptedException {
        String loginPage = get(browser, "/login", null).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).isTrue();
        String form = "username=" + username + "&password=demo123&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        HttpCookie cookie = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies()
                .stream().filter(c -> c.getName().equals("SESSION")).findFirst().orElseThrow();
        return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(HttpClient client, String path, String cookie)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
