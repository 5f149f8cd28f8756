package cn.hardshiprelief.household;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Enrollments;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The follow-up pages: who may re-check, change reports, bad incomes refused with the reason. */
@AppTest
class FollowUpPagesTest {

    @Autowired MockMvc mvc;
    @Autowired AppUserDetailsService users;
    @Autowired Enrollments enrollments;
    @Autowired ProcessEngine engine;
    @Autowired HouseholdFileRepository files;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private HouseholdFile filed() {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        for (String reviewer : List.of("head1", "director1", "hr1", "office1")) {
            enrollments.decide(reviewer, application.getId(), "approve", null);
        }
        var timer = engine.getManagementService().createJobQuery().processInstanceId(application.getProcessInstanceId())
                .timers().singleResult();
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(6, ChronoUnit.DAYS)));
        engine.getManagementService().executeJob(timer.getId());
        ClockUtil.reset();
        return files.findByApplicationId(application.getId()).orElseThrow();
    }

    @Test
    void aReCheckIsOnlyForTheFilesOwnUnionAndRefusesAFutureMonth() throws Exception {
        HouseholdFile file = filed();
        mvc.perform(get("/households/{id}/recheck", file.getId()).with(as("branch2"))).andExpect(status().isForbidden());
        mvc.perform(get("/households/{id}/recheck", file.getId()).with(as("worker2"))).andExpect(status().isForbidden());
        mvc.perform(post("/households/{id}/changes", file.getId()).with(as("worker1")).with(csrf()).param("reason", " "))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/households/{id}/changes", file.getId()).with(as("worker1")).with(csrf())
                .param("reason", "孩子考上大学，学费增加")).andExpect(status().is3xxRedirection());

        String page = mvc.perform(get("/households/{id}/recheck", file.getId()).with(as("union1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("完成复核");
        String future = YearMonth.now().plusMonths(2).toString();
        String refused = mvc.perform(post("/households/{id}/recheck", file.getId()).with(as("union1")).with(csrf())
                        .param("incomes[0].month", future).param("incomes[0].householdIncome", "3000")
                        .param("incomes[0].memberCount", "2").param("visitDate", "2026-01-10").param("findings", "走访"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains(future + " 尚未结束");
        String inbox = mvc.perform(get("/tasks").with(as("union1"))).andReturn().getResponse().getContentAsString();
        assertThat(inbox).contains(file.getFileNumber()).contains("/households/" + file.getId() + "/recheck");
        mvc.perform(get("/households/{id}/recheck", 9_999_999L).with(as("union1"))).andExpect(status().isNotFound());
    }

    @Test
    void aReCheckRowNumberNoPageSendsIsRefusedWithAMessage() throws Exception {
        HouseholdFile file = filed();
        mvc.perform(post("/households/{id}/changes", file.getId()).with(as("worker1")).with(csrf())
                .param("reason", "爱人失业")).andExpect(status().is3xxRedirection());

        String page = mvc.perform(post("/households/{id}/recheck", file.getId()).with(as("union1")).with(csrf())
                        .param("incomes[5000].month", "2026-01").param("visitDate", "2026-01-10").param("findings", "走访"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("表单中的行号无效");
    }

    @Test
    void reCheckFindingsAreKeptUpToTheirColumnAndALongerTextIsShownAgain() throws Exception {
        HouseholdFile file = filed();
        mvc.perform(post("/households/{id}/changes", file.getId()).with(as("worker1")).with(csrf())
                .param("reason", "爱人失业")).andExpect(status().is3xxRedirection());
        String month = YearMonth.now().minusMonths(1).toString();
        String tooLong = "入户走访".repeat(501);

        String refused = mvc.perform(post("/households/{id}/recheck", file.getId()).with(as("union1")).with(csrf())
                        .param("incomes[0].month", month).param("incomes[0].householdIncome", "3000")
                        .param("incomes[0].memberCount", "2").param("visitDate", "2026-01-10").param("findings", tooLong))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains(tooLong);

        mvc.perform(post("/households/{id}/recheck", file.getId()).with(as("union1")).with(csrf())
                        .param("incomes[0].month", month).param("incomes[0].householdIncome", "3000")
                        .param("incomes[0].memberCount", "2").param("visitDate", "2026-01-10")
                        .param("findings", "入户走访".repeat(500)))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aPageNumberBeyondTheRegisterIsAnEmptyPageNotAFailure() throws Exception {
        mvc.perform(get("/households").param("page", "999999999").with(as("union1"))).andExpect(status().isOk());
        mvc.perform(get("/households").param("page", "-5").with(as("union1"))).andExpect(status().isOk());
    }

    @Test
    void aRefusedChangeReportShowsTheHouseholdsPageAgainWithWhyAndWhatWasTyped() throws Exception {
        HouseholdFile file = filed();
        String tooLong = "孩子考上大学".repeat(200);

        String page = mvc.perform(post("/households/{id}/changes", file.getId()).with(as("worker1")).with(csrf())
                        .param("reason", tooLong))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("请写明情况变化（不超过 1000 字）").contains(tooLong).contains(file.getFileNumber());
    }

    @Test
    void theFilesHistoryNamesTheTierAndThePersonInTheReadersLanguageAndTheHeaderNamesWhoIsLoggedIn() throws Exception {
        HouseholdFile file = filed();
        String tier = file.getTier().name();

        String chinese = mvc.perform(get("/households/{id}", file.getId()).with(as("union1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String english = mvc.perform(get("/households/{id}", file.getId()).param("lang", "en").with(as("union1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(chinese).contains("建档", "系统", "周丽").doesNotContain("：" + tier).doesNotContain(">" + tier + "<");
        assertThat(english).contains("Filed", "System").doesNotContain(">" + tier + "<");
    }
}
