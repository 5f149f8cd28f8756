package cn.hardshiprelief.security;

import cn.hardshiprelief.aid.AidGrant;
import cn.hardshiprelief.aid.AidKind;
import cn.hardshiprelief.disbursement.GrantsToPay;
import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.fund.FundSource;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.Households;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attacks of issue 9, replayed as an ordinary login would send them through Camunda's own surfaces
 * ({@code /engine-rest} with HTTP Basic, Tasklist's API with the session): forged process variables, foreign
 * record ids, a skipped step, self-assignment, deciding one's own case, reading the directory and probing
 * passwords. Each is refused and leaves the case as it was; the honest completion still works.
 * Shares the context (and engine {@code httpTests}) of {@link CamundaWebappsHttpTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.process-engine-name=httpTests")
@ActiveProfiles("test")
class EngineSurfaceAttackTest {

    private static final String REST = "/engine-rest/engine/httpTests";
    private static final String TASKLIST_API = "/camunda/api/engine/engine/httpTests";

    @LocalServerPort
    int port;
    @Autowired
    Enrollments enrollments;
    @Autowired
    Households households;
    @Autowired
    GrantsToPay grants;
    @Autowired
    ProcessEngine engine;
    @Autowired
    cn.hardshiprelief.support.People people;
    @Autowired
    cn.hardshiprelief.workbench.TaskOperations operations;
    @Autowired
    cn.hardshiprelief.organization.Directory directory;

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    // --- aid: approval level and record ids are the server's

    @Test
    void aBranchUnionCannotDeclareAThreeThousandYuanGrantItsOwnToApproveAlone() throws Exception {
        AidGrant grant = emergencyGrant("3000");
        Task task = openTask(grant.getProcessInstanceId());
        assertThat(variable(grant, "approvalLevel")).isEqualTo("COUNTY_UNION");

        HttpResponse<String> forged = complete("union2", task.getId(), Map.of("approved", true, "comment", "同意",
                "approvalLevel", "BRANCH_UNION"));

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("approvalLevel");
        assertThat(openTask(grant.getProcessInstanceId()).getId()).isEqualTo(task.getId());
        assertThat(variable(grant, "approvalLevel")).isEqualTo("COUNTY_UNION");

        HttpResponse<String> honest = complete("union2", task.getId(), Map.of("approved", true, "comment", "同意上报"));
        assertThat(honest.statusCode()).isEqualTo(204);
        assertThat(openTask(grant.getProcessInstanceId()).getTaskDefinitionKey()).isEqualTo("approveByCountyUnion");
    }

    @Test
    void aCompletionNamingAnotherGrantIsRefusedAndBothGrantsStayAsTheyWere() throws Exception {
        AidGrant mine = emergencyGrant("800");
        AidGrant other = emergencyGrant("900");
        Task task = openTask(mine.getProcessInstanceId());

        HttpResponse<String> forged = complete("union2", task.getId(), Map.of("approved", false, "comment", "不同意",
                "grantId", other.getId()));

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(grants.reload(other).getStatus()).isEqualTo(grants.reload(mine).getStatus());
        assertThat(openTask(mine.getProcessInstanceId()).getId()).isEqualTo(task.getId());
        assertThat(openTask(other.getProcessInstanceId()).getTaskDefinitionKey()).isEqualTo("approveByBranchUnion");
    }

    @Test
    void whoeverRequestedAidCannotApproveItOnAnySurface() throws Exception {
        AidGrant grant = emergencyGrant("600"); // requested by union1
        Task task = openTask(grant.getProcessInstanceId());

        HttpResponse<String> own = complete("union1", task.getId(), Map.of("approved", true, "comment", "同意"));
        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(own.body()).contains("不相容职责");
        HttpResponse<String> claim = post("union1", REST + "/task/" + task.getId() + "/claim", Map.of("userId", "union1"));
        assertThat(claim.statusCode()).isEqualTo(403);
        assertThat(openTask(grant.getProcessInstanceId()).getAssignee()).isNull();
    }

    @Test
    void aBranchUnionOfOnePersonSendsTheGrantItRequestedUpToTheCountyUnionAndSaysSo() {
        HouseholdFile file = households.filedOnTheUnionRoute("worker3", "branch1");
        AidGrant grant = grants.requested("branch1", file, AidKind.EMERGENCY_AID, "500",
                grants.fundOf("branch1", FundSource.UNION_FUNDS), "6222020200112233445");
        Task task = openTask(grant.getProcessInstanceId());

        assertThat(task.getTaskDefinitionKey()).isEqualTo("approveByBranchUnion");
        assertThat(candidateGroups(task)).contains("branchUnion_CU01B01", "countyUnion_CU01");
        assertThat(task.getDescription()).contains("不相容职责", "县总工会");
    }

    // --- enrollment: ids, decisions and the step to resume at are the server's

    @Test
    void aReviewerCannotDecideAnotherApplicationThroughHisOwnTask() throws Exception {
        EnrollmentApplication mine = enrollments.submittedBy("worker1");
        EnrollmentApplication other = enrollments.submittedBy("worker2");
        String task = enrollments.openTaskId(mine.getId());

        HttpResponse<String> forged = complete("head1", task, Map.of("decision", "reject", "comment", "不符合",
                "applicationId", other.getId()));

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(enrollments.openStep(mine.getId())).isEqualTo("reviewByDepartmentHead");
        assertThat(enrollments.openStep(other.getId())).isEqualTo("reviewByDepartmentHead");
        assertThat(enrollments.reload(other.getId()).getStatus()).isEqualTo(enrollments.reload(mine.getId()).getStatus());
    }

    @Test
    void theApplicantCannotSkipTheReviewersByNamingTheStepToResumeAt() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        enrollments.decide("head1", application.getId(), "approve", "同意");
        enrollments.decide("director1", application.getId(), "return", "请补充收入证明");
        String correction = enrollments.openTaskId(application.getId());

        HttpResponse<String> forged = complete("worker1", correction, Map.of("correctionNote", "已补充",
                "reviewFrom", "approveByGeneralOffice"));

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(enrollments.openStep(application.getId())).isEqualTo("correctApplication");
        enrollments.resubmit("worker1", application.getId(), "已补充");
        assertThat(enrollments.openStep(application.getId())).isEqualTo("reviewByDirector");
    }

    @Test
    void aReviewerCannotHandHisTaskToTheApplicantOrToSomeoneOutsideTheStep() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        String task = enrollments.openTaskId(application.getId());

        HttpResponse<String> toApplicant = post("head1", REST + "/task/" + task + "/assignee", Map.of("userId", "worker1"));
        HttpResponse<String> toOutsider = post("head1", REST + "/task/" + task + "/assignee", Map.of("userId", "head2"));
        HttpResponse<String> delegated = post("head1", REST + "/task/" + task + "/delegate", Map.of("userId", "worker1"));

        assertThat(toApplicant.statusCode()).isEqualTo(403);
        assertThat(toOutsider.statusCode()).isEqualTo(403);
        assertThat(delegated.statusCode()).isEqualTo(403);
        Task unchanged = engine.getTaskService().createTaskQuery().taskId(task).singleResult();
        assertThat(unchanged.getAssignee()).isNull();
        assertThat(unchanged.getOwner()).isNull();
    }

    @Test
    void transferringOrDelegatingIsTheWorkbenchsWithAReasonNeverTheEnginesSurfaces() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy(people.newWorkerOf("C01D01"));
        String task = enrollments.openTaskId(application.getId());
        String colleague = people.withRoles("head1rest", "C01D01", "departmentHead_C01D01");
        try {
            HttpResponse<String> assigned = post("head1", REST + "/task/" + task + "/assignee", Map.of("userId", colleague));
            HttpResponse<String> delegated = post("head1", REST + "/task/" + task + "/delegate", Map.of("userId", colleague));
            assertThat(assigned.statusCode()).isEqualTo(403);
            assertThat(delegated.statusCode()).isEqualTo(403);
            assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();

            // delegated on the workbench: the delegate hands it back with an opinion only, never with the decision
            operations.delegate(directory.actor("head1"), task, colleague, "请核实收入");
            HttpResponse<String> decidedByDelegate = post(colleague, REST + "/task/" + task + "/resolve",
                    variables(Map.of("decision", "approve", "comment", "同意")));
            assertThat(decidedByDelegate.statusCode()).isEqualTo(403);
            assertThat(decidedByDelegate.body()).contains("委派办结");
            HttpResponse<String> handedBack = post(colleague, REST + "/task/" + task + "/resolve", Map.of());
            assertThat(handedBack.statusCode()).isEqualTo(204);
            Task back = engine.getTaskService().createTaskQuery().taskId(task).singleResult();
            assertThat(back.getAssignee()).isEqualTo("head1");
            assertThat(enrollments.openStep(application.getId())).isEqualTo("reviewByDepartmentHead");
        } finally {
            people.removeAll();
        }
    }

    @Test
    void nobodyButTheServerWritesProcessVariables() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        String task = enrollments.openTaskId(application.getId());

        HttpResponse<String> put = send("head1", "PUT", REST + "/task/" + task + "/variables/decision",
                Map.of("value", "approve", "type", "String"));
        HttpResponse<String> modify = post("head1", REST + "/task/" + task + "/variables",
                Map.of("modifications", Map.of("applicationId", Map.of("value", 1, "type", "Long"))));

        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(modify.statusCode()).isEqualTo(403);
        assertThat(engine.getTaskService().getVariable(task, "decision")).isNull();
        assertThat(engine.getTaskService().getVariable(task, "applicationId")).isEqualTo(application.getId());
    }

    @Test
    void tasklistsOwnApiRefusesAFormSubmissionWithForgedFields() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        String task = enrollments.openTaskId(application.getId());
        Browser head1 = Browser.loggedIn(this, "head1");

        HttpResponse<String> forged = head1.post(TASKLIST_API + "/task/" + task + "/submit-form",
                variables(Map.of("decision", "approve", "comment", "同意", "reviewFrom", "approveByGeneralOffice")));

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(enrollments.openStep(application.getId())).isEqualTo("reviewByDepartmentHead");

        HttpResponse<String> honest = head1.post(TASKLIST_API + "/task/" + task + "/submit-form",
                variables(Map.of("decision", "approve", "comment", "同意")));
        assertThat(honest.statusCode()).isEqualTo(204);
        assertThat(enrollments.openStep(application.getId())).isEqualTo("reviewByDirector");
    }

    @Test
    void aStepsCandidatesMayWorkOnItButOnlyAdministratorsMayReassignItInTheEngineItself() {
        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getDefaultUserPermissionNameForTask()).isEqualTo("TASK_WORK");
    }

    // --- the directory is for administrators

    @Test
    void onlyAdministratorsReadTheDirectoryOrCheckPasswords() throws Exception {
        for (String path : List.of(REST + "/user", REST + "/group", "/engine-rest/user", "/engine-rest/group/hr_C01")) {
            assertThat(get("worker1", path).statusCode()).as(path).isEqualTo(403);
        }
        HttpResponse<String> probe = post("worker1", "/engine-rest/identity/verify",
                Map.of("username", "admin", "password", "demo123"));
        assertThat(probe.statusCode()).isEqualTo(403);
        assertThat(probe.body()).doesNotContain("authenticated");

        assertThat(get("admin", REST + "/user").statusCode()).isEqualTo(200);
        assertThat(get("admin", REST + "/user").body()).contains("worker1");
    }

    @Test
    void tasklistSeesOnlyItsOwnUsersProfileAndGroups() throws Exception {
        Browser head1 = Browser.loggedIn(this, "head1");
        assertThat(head1.get(TASKLIST_API + "/user/head1/profile").statusCode()).isEqualTo(200);
        assertThat(head1.get(TASKLIST_API + "/identity/groups?userId=head1").statusCode()).isEqualTo(200);
        assertThat(head1.get(TASKLIST_API + "/user/admin/profile").statusCode()).isEqualTo(403);
        assertThat(head1.get(TASKLIST_API + "/identity/groups?userId=admin").statusCode()).isEqualTo(403);
        assertThat(head1.get(TASKLIST_API + "/user").statusCode()).isEqualTo(403);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("SESSION="))
                .singleElement().satisfies(cookie -> assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void aFormSentWithoutItsCsrfTokenIsRefusedOnOur403Page() throws Exception {
        Browser worker = Browser.loggedIn(this, "worker1");
        HttpResponse<String> logout = worker.client().send(HttpRequest.newBuilder(uri("/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).isEqualTo(403);
        assertThat(logout.body()).contains("您无权访问此页面");
    }

    @Test
    void theWebappsOwnPasswordLoginIsClosed() throws Exception {
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/httpTests/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=demo123")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isIn(302, 403);
        assertThat(login.body()).doesNotContain("\"userId\":\"admin\"");
    }

    // --- helpers

    private AidGrant emergencyGrant(String amount) {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        return grants.requested("union1", file, AidKind.EMERGENCY_AID, amount,
                grants.fundOf("union1", FundSource.UNION_FUNDS), "6222020200112233445");
    }

    private Task openTask(String processInstanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }

    private List<String> candidateGroups(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
    }

    private Object variable(AidGrant grant, String name) {
        return engine.getRuntimeService().getVariable(grant.getProcessInstanceId(), name);
    }

    private Map<String, Object> variables(Map<String, Object> values) {
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return Map.of("variables", variables);
    }

    private HttpResponse<String> complete(String user, String taskId, Map<String, Object> values) throws Exception {
        return post(user, REST + "/task/" + taskId + "/complete", variables(values));
    }

    private HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String user, String path, Object body) throws IOException, InterruptedException {
        return send(user, "POST", path, body);
    }

    private HttpResponse<String> send(String user, String method, String path, Object body)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo123").getBytes(StandardCharsets.UTF_8));
    }

    /** A logged-in browser session: the form login, then the webapps' API with their CSRF header. */
    record Browser(EngineSurfaceAttackTest test, HttpClient client, CookieManager cookies) {

        static Browser loggedIn(EngineSurfaceAttackTest test, String username) throws IOException, InterruptedException {
            CookieManager cookies = new CookieManager();
            HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
            String loginPage = client.send(HttpRequest.newBuilder(test.uri("/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
            assertThat(csrf.find()).isTrue();
            String form = "username=" + username + "&password=demo123&_csrf="
                    + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(test.uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
            Browser browser = new Browser(test, client, cookies);
            assertThat(browser.get("/camunda/app/tasklist/httpTests/").statusCode()).isEqualTo(200);
            return browser;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
            return client.send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(test.json.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(test.uri(path));
            cookies.getCookieStore().getCookies().stream().filter(c -> "XSRF-TOKEN".equals(c.getName()))
                    .map(HttpCookie::getValue).findFirst().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
            return request;
        }
    }
}
