package cn.hardshiprelief.enrollment.web;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.EarlierStories;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.task.CompletionRefusedException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One form source: a manager adds a required field to the review form in the Modeler and deploys it with
 * the process. Our review page shows the field, checks it like the form says, and passes it on; the engine
 * guard (Tasklist, /engine-rest) asks for it too. Nothing in the application is changed for it.
 */
@AppTest
class FormFromDeploymentTest {

    private static final String ADDED_FIELD = "visitReference";

    @Autowired
    MockMvc mvc;
    @Autowired
    AppUserDetailsService users;
    @Autowired
    Enrollments enrollments;
    @Autowired
    EarlierStories earlierStories;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ObjectMapper json;

    private String deploymentId;

    /** Deploys hardshipEnrollment with its forms as shipped, the review form with one more required field. */
    @BeforeEach
    void aManagerAddsAFieldToTheReviewForm() throws Exception {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        DeploymentBuilder deployment = repositoryService.createDeployment().name("review form with a visit reference")
                .addClasspathResource("processes/hardshipEnrollment.bpmn");
        for (Resource form : resolver.getResources("classpath*:forms/*.form")) {
            try (InputStream in = form.getInputStream()) {
                ObjectNode definition = (ObjectNode) json.readTree(in);
                if ("reviewApplication".equals(definition.path("id").asText())) {
                    ObjectNode field = ((ArrayNode) definition.path("components")).addObject();
                    field.put("type", "textfield").put("key", ADDED_FIELD).put("label", "走访记录编号")
                            .put("id", "Field_visitReference");
                    field.putObject("validate").put("required", true).put("maxLength", 20);
                }
                deployment.addString("forms/" + form.getFilename(), json.writeValueAsString(definition));
            }
        }
        deploymentId = deployment.deploy().getId();
    }

    @AfterEach
    void theManagerTakesItBack() {
        earlierStories.closeHouseholdsOf("worker1");
        repositoryService.deleteDeployment(deploymentId, true);
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void theAddedFieldIsRenderedCheckedAndPassedOnByOurReviewPage() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        String taskId = enrollments.openTaskId(application.getId());

        String page = mvc.perform(get("/tasks/" + taskId).with(as("head1"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("走访记录编号", "name=\"" + ADDED_FIELD + "\"", "maxlength=\"20\"",
                "name=\"decision\" value=\"approve\"");

        String refused = mvc.perform(post("/tasks/" + taskId).with(as("head1")).with(csrf())
                        .param("decision", "approve").param("comment", "属实"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("此项为必填项", "属实");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

        mvc.perform(post("/tasks/" + taskId).with(as("head1")).with(csrf()).param("decision", "approve")
                        .param("comment", "属实").param(ADDED_FIELD, "ZF-2026-001"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/tasks"));
        assertThat(historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(application.getProcessInstanceId()).variableName(ADDED_FIELD).singleResult()
                .getValue()).isEqualTo("ZF-2026-001");
    }

    @Test
    void tasklistAndTheEngineRestAskForTheAddedFieldToo() {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        String taskId = enrollments.openTaskId(application.getId());

        identityService.setAuthentication("head1", List.of("departmentHead_C01D01"));
        try {
            assertThatThrownBy(() -> taskService.complete(taskId, Map.of("decision", "approve")))
                    .isInstanceOf(CompletionRefusedException.class).hasMessageContaining("走访记录编号");
            assertThatThrownBy(() -> taskService.complete(taskId,
                    Map.of("decision", "approve", ADDED_FIELD, "a reference longer than twenty")))
                    .isInstanceOf(CompletionRefusedException.class);
            taskService.complete(taskId, Map.of("decision", "approve", ADDED_FIELD, "ZF-2026-002"));
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(taskService.createTaskQuery().processInstanceId(application.getProcessInstanceId())
                .taskDefinitionKey("reviewByDirector").count()).isEqualTo(1);
    }
}
