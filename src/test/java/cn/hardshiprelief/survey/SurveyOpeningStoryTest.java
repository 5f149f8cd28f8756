package cn.hardshiprelief.survey;

import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.support.AppTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Opening this year's survey by hand: when its date has passed without one (here: the start timer already
 * waits for next year, as after an installation in December), an administrator opens it from /surveys; a
 * second click opens nothing and says so; before the date, or for anyone else, nothing opens at all.
 */
@AppTest
class SurveyOpeningStoryTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired ProcessEngine engine;
    @Autowired MockMvc mvc;
    @Autowired AppUserDetailsService users;
    @Autowired SurveyRepository surveys;
    @Autowired BranchUnionSurveyRepository parts;

    private final int thisYear = Year.now(CHINA).getValue();
    private Date scheduled;

    private Job startTimer() {
        return engine.getManagementService().createJobQuery().processDefinitionKey(AnnualSurveyProcess.PROCESS_ID)
                .timers().singleResult();
    }

    /** The start timer waits for 1 October of next year: this year's date has passed. */
    @BeforeEach
    void thisYearsDateHasPassedWithoutASurvey() {
        BpmnAwareTests.init(engine);
        removeTheSurveys();
        scheduled = startTimer().getDuedate();
        dueOn(LocalDate.of(thisYear + 1, 10, 1));
    }

    @AfterEach
    void removeTheSurveysAndRestoreTheTimer() {
        removeTheSurveys();
        engine.getManagementService().setJobDuedate(startTimer().getId(), scheduled);
    }

    private void removeTheSurveys() {
        var runtime = engine.getRuntimeService();
        runtime.createProcessInstanceQuery().processDefinitionKey(AnnualSurveyProcess.PROCESS_ID).list()
                .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test over"));
        parts.deleteAll();
        surveys.deleteAll();
    }

    private void dueOn(LocalDate day) {
        engine.getManagementService().setJobDuedate(startTimer().getId(),
                Date.from(day.atStartOfDay(CHINA).toInstant()));
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private List<ProcessInstance> surveyInstances() {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(AnnualSurveyProcess.PROCESS_ID).list();
    }

    @Test
    void theAdministratorOpensThisYearsSurveyAndEveryBranchUnionGetsItsTask() throws Exception {
        String page = mvc.perform(get("/surveys").with(as("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"openThisYear\"", "开启 " + thisYear + " 年度摸底");
        Date timerBefore = startTimer().getDuedate();

        mvc.perform(post("/surveys/this-year").with(as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/surveys?year=" + thisYear))
                .andExpect(flash().attribute("success", "survey.openByHand.opened"));

        assertThat(surveyInstances()).hasSize(1);
        ProcessInstance survey = surveyInstances().get(0);
        assertThat(survey).hasPassed(AnnualSurveyProcess.OPEN_SURVEY).isWaitingAt(AnnualSurveyProcess.SURVEY_TASK);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(survey.getId()).count())
                .isEqualTo(parts.findBySurveyId(surveys.findByYear(thisYear).orElseThrow().getId()).size())
                .isGreaterThanOrEqualTo(3);
        assertThat(surveys.findByYear(thisYear).orElseThrow().getOpenedBy()).isEqualTo("admin");
        assertThat(startTimer().getDuedate()).as("the yearly timer stays as it was").isEqualTo(timerBefore);

        String after = mvc.perform(get("/surveys").param("year", String.valueOf(thisYear)).with(as("county1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(after).contains("由 系统管理员 手工开启").doesNotContain("id=\"openThisYear\"");
    }

    @Test
    void aSecondClickOpensNothingAndSaysSo() throws Exception {
        mvc.perform(post("/surveys/this-year").with(as("admin")).with(csrf()))
                .andExpect(flash().attribute("success", "survey.openByHand.opened"));

        mvc.perform(post("/surveys/this-year").with(as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/surveys?year=" + thisYear))
                .andExpect(flash().attribute("warning", "survey.openByHand.alreadyOpen"));

        assertThat(surveyInstances()).hasSize(1);
        assertThat(surveys.findAll()).hasSize(1);
        assertThat(mvc.perform(get("/surveys").with(as("admin"))).andReturn().getResponse().getContentAsString())
                .doesNotContain("id=\"openThisYear\"");
    }

    @Test
    void beforeThisYearsDateNothingOpensAndTheDateIsNamed() throws Exception {
        LocalDate later = LocalDate.now(CHINA).plusDays(1);
        if (later.getYear() != thisYear) {
            return; // 31 December: no later day this year to schedule the timer on
        }
        dueOn(later);

        String refused = mvc.perform(post("/surveys/this-year").with(as("admin")).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(refused).contains("将于 " + later + " 自动开启");
        assertThat(surveyInstances()).isEmpty();
        assertThat(surveys.findByYear(thisYear)).isEmpty();
    }

    @Test
    void onlyAnAdministratorOpensASurveyByHandAndOnlyWithTheFormsToken() throws Exception {
        for (String other : List.of("county1", "branch1", "union1", "worker1")) {
            mvc.perform(post("/surveys/this-year").with(as(other)).with(csrf())).andExpect(status().isForbidden());
        }
        mvc.perform(post("/surveys/this-year").with(as("admin"))).andExpect(status().isForbidden());
        assertThat(surveyInstances()).isEmpty();
        assertThat(mvc.perform(get("/surveys").with(as("county1"))).andReturn().getResponse().getContentAsString())
                .doesNotContain("id=\"openThisYear\"");
    }

    @Test
    void theButtonSpeaksEnglishOnRequest() throws Exception {
        assertThat(mvc.perform(get("/surveys").param("lang", "en").with(as("admin"))).andReturn().getResponse()
                .getContentAsString()).contains("Open the " + thisYear + " survey");
    }
}
