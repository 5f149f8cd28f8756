package cn.hardshiprelief.enrollment.web;

import cn.hardshiprelief.support.EarlierStories;
import org.junit.jupiter.api.BeforeEach;
import cn.hardshiprelief.enrollment.ApplicationQueries;
import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.TestIdNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The JSON API under /api: HTTP Basic on every call, problem details for every refusal. */
@AppTest
class EnrollmentApiTest {

    @Autowired
    EarlierStories earlierStories;

    /** A worker has one household in progress or on file; earlier tests of the shared context leave theirs. */
    @BeforeEach
    void workersFreeToApply() {
        earlierStories.closeHouseholdsOf("worker1");
        earlierStories.closeHouseholdsOf("worker2");
    }

    private static final LocalDate SELF_BORN = LocalDate.of(1978, 5, 12);

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Enrollments enrollments;
    @Autowired
    ApplicationQueries queries;
    @Autowired
    Directory directory;

    private static MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(username, "demo123"));
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private int applicationsOf(String username) {
        return queries.mine(directory.actor(username)).size();
    }

    /** The application form as JSON: the applicant (income 1800) and a child at school, rented, low income. */
    private static Map<String, Object> applicationJson(String selfIdNumber) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("hireDate", "2015-03-01");
        form.put("housingType", "RENTED");
        form.put("primaryCause", "LOW_INCOME");
        form.put("account", "爱人失业，孩子上学，收入难以维持生活。");
        List<Map<String, Object>> members = new ArrayList<>();
        members.add(member("张伟", "SELF", selfIdNumber, SELF_BORN, "EMPLOYED", "NONE", "1800.00"));
        LocalDate childBorn = LocalDate.of(2010, 9, 1);
        members.add(member("张小明", "CHILD", TestIdNumbers.born(childBorn), childBorn, "STUDENT", "JUNIOR_MIDDLE", "0"));
        form.put("members", members);
        return form;
    }

    private static Map<String, Object> member(String name, String relation, String idNumber, LocalDate born,
                                              String employment, String schooling, String income) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("relation", relation);
        m.put("idNumber", idNumber);
        m.put("birthDate", born.toString());
        m.put("health", "HEALTHY");
        m.put("disability", "NONE");
        m.put("employment", employment);
        m.put("schooling", schooling);
        m.put("monthlyIncome", income);
        return m;
    }

    private MockHttpServletRequestBuilder multipartSubmission(Map<String, Object> form, String idempotencyKey)
            throws Exception {
        return multipart("/api/applications")
                .file(new MockMultipartFile("application", "", MediaType.APPLICATION_JSON_VALUE,
                        json.writeValueAsBytes(form)))
                .file(Enrollments.pdf("生活困难证明.pdf"))
                .header("Idempotency-Key", idempotencyKey);
    }

    private MockHttpServletRequestBuilder decision(String taskId, String body) {
        return post("/api/tasks/" + taskId + "/decision").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void withoutCredentialsOrWithAWrongPasswordTheApiAnswers401() throws Exception {
        mvc.perform(get("/api/applications")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/applications").with(httpBasic("worker1", "wrong")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/applications").with(httpBasic("nobody", "demo123")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aMultipartSubmissionIsCreatedInReviewAndTheSameIdempotencyKeyCreatesNothingMore() throws Exception {
        int before = applicationsOf("worker1");
        String selfId = TestIdNumbers.born(SELF_BORN);
        String key = UUID.randomUUID().toString();

        ResultActions created = mvc.perform(as("worker1", multipartSubmission(applicationJson(selfId), key)))
                .andExpect(status().isCreated());
        JsonNode application = body(created);
        assertThat(application.path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(application.path("applicationNumber").asText()).matches("SQ\\d{10}");
        assertThat(application.path("applicant").asText()).isEqualTo("worker1");
        assertThat(application.path("perCapitaIncome").decimalValue()).isEqualByComparingTo("900.00");
        assertThat(application.path("members").get(0).path("idNumberMasked").asText())
                .isEqualTo(selfId.substring(0, 3) + "***********" + selfId.substring(14));
        assertThat(application.path("evidence").get(0).path("type").asText()).isEqualTo("HARDSHIP_CERTIFICATE");
        assertThat(application.path("evidence").get(0).path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(application.toString()).doesNotContain(selfId);

        JsonNode again = body(mvc.perform(as("worker1", multipartSubmission(applicationJson(selfId), key)))
                .andExpect(status().isConflict()));
        assertThat(again.path("applicationId").asLong()).isEqualTo(application.path("id").asLong());
        assertThat(again.path("code").asText()).isEqualTo("application.alreadySubmitted");
        assertThat(applicationsOf("worker1")).isEqualTo(before + 1);
    }

    @Test
    void anInvalidIdentityNumberIsA400NamingTheField() throws Exception {
        int before = applicationsOf("worker1");
        String valid = TestIdNumbers.born(SELF_BORN);
        String wrongCheckDigit = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');

        JsonNode problem = body(mvc.perform(as("worker1", post("/api/applications")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsBytes(applicationJson(wrongCheckDigit)))))
                .andExpect(status().isBadRequest()));

        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("errors").path("members[0].idNumber").asText()).isEqualTo("身份证号码校验位不正确，请核对");
        assertThat(applicationsOf("worker1")).isEqualTo(before);
    }

    @Test
    void aSubmissionWithoutTheHardshipCertificateIsA400ListingWhatIsMissing() throws Exception {
        int before = applicationsOf("worker1");

        JsonNode problem = body(mvc.perform(as("worker1", post("/api/applications")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsBytes(applicationJson(TestIdNumbers.born(SELF_BORN))))))
                .andExpect(status().isBadRequest()));

        assertThat(problem.path("code").asText()).isEqualTo("application.incomplete");
        assertThat(problem.path("missing")).extracting(JsonNode::asText)
                .containsExactly("请上传居委会（村委会）出具的《生活困难证明》");
        assertThat(applicationsOf("worker1")).isEqualTo(before);
    }

    @Test
    void reviewersListDecideAndAreRefusedThroughTheApi() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        String taskId = enrollments.openTaskId(application.getId());

        JsonNode head1Tasks = body(mvc.perform(as("head1", get("/api/tasks"))).andExpect(status().isOk()));
        assertThat(head1Tasks.findValues("taskId")).extracting(JsonNode::asText).contains(taskId);
        JsonNode head2Tasks = body(mvc.perform(as("head2", get("/api/tasks"))).andExpect(status().isOk()));
        assertThat(head2Tasks.findValues("taskId")).extracting(JsonNode::asText).doesNotContain(taskId);
        assertThat(head2Tasks.findValues("department")).extracting(JsonNode::asText).allMatch("财务部"::equals);

        JsonNode noComment = body(mvc.perform(as("head1", decision(taskId, "{\"decision\":\"return\"}")))
                .andExpect(status().isBadRequest()));
        assertThat(noComment.path("errors").path("comment").asText()).isEqualTo("不予通过或退回修改时必须填写意见说明");
        mvc.perform(as("head2", decision(taskId, "{\"decision\":\"approve\"}"))).andExpect(status().isForbidden());
        assertThat(enrollments.openTaskId(application.getId())).isEqualTo(taskId);

        JsonNode approved = body(mvc.perform(as("head1", decision(taskId,
                "{\"decision\":\"approve\",\"comment\":\"情况属实\"}"))).andExpect(status().isOk()));
        JsonNode last = approved.path("timeline").get(approved.path("timeline").size() - 1);
        assertThat(last.path("step").asText()).isEqualTo("reviewByDepartmentHead");
        assertThat(last.path("outcome").asText()).isEqualTo("APPROVED");
        assertThat(last.path("actorName").asText()).isEqualTo("王强");
        assertThat(last.path("comment").asText()).isEqualTo("情况属实");

        JsonNode twice = body(mvc.perform(as("head1", decision(taskId, "{\"decision\":\"approve\"}")))
                .andExpect(status().isConflict()));
        assertThat(twice.path("code").asText()).isEqualTo("task.alreadyDecided");
        assertThat(twice.path("detail").asText()).startsWith("该任务已由 王强 于");
        mvc.perform(as("head1", decision("no-such-task", "{\"decision\":\"approve\"}")))
                .andExpect(status().isNotFound());
    }

    @Test
    void anApplicationIsRefusedToOtherWorkersAndUnknownIdsAreNotFound() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker1");

        JsonNode forbidden = body(mvc.perform(as("worker2", get("/api/applications/" + application.getId())))
                .andExpect(status().isForbidden()));
        assertThat(forbidden.path("code").asText()).isEqualTo("application.forbidden");
        assertThat(forbidden.toString()).doesNotContain("张小明");
        mvc.perform(as("worker2", get("/api/applications/" + Long.MAX_VALUE))).andExpect(status().isNotFound());
        mvc.perform(as("worker1", get("/api/applications/" + application.getId()))).andExpect(status().isOk());
    }

    @Test
    void theOpenApiDescriptionIsServed() throws Exception {
        JsonNode docs = body(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()));

        assertThat(docs.path("paths").has("/api/applications")).isTrue();
        assertThat(docs.path("paths").has("/api/tasks/{taskId}/decision")).isTrue();
        assertThat(docs.path("components").path("securitySchemes").path("basicAuth").path("scheme").asText())
                .isEqualTo("basic");
    }
}
