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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import cn.hardshiprelief.organization.Directory;

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
    @Autowired cn.hardshiprelief.household.Rechecks recheck;
    @Autowired IncomeRecordRepository incomes;
    @Autowired RecheckRepository rechecks;
    @Autowired Directory directory;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    /**
     * The re-check as union1's browser posts it: the members and costs as the page prefills them, then
     * {@code fields} (pairs of name and value) — the income rows, the visit.
     */
    private MockHttpServletRequestBuilder recheckPost(HouseholdFile file, String... fields) {
        MockHttpServletRequestBuilder post = post("/households/{id}/recheck", file.getId()).with(as("union1")).with(csrf());
        RecheckForm prefilled = recheck.newRecheckForm(directory.actor("union1"), file.getId());
        for (int i = 0; i < prefilled.getMembers().size(); i++) {
            MemberFactsEntry member = prefilled.getMembers().get(i);
            post.param("members[" + i + "].memberId", member.getMemberId().toString())
                    .param("members[" + i + "].health", member.getHealth().name())
                    .param("members[" + i + "].disability", member.getDisability().name())
                    .param("members[" + i + "].schooling", member.getSchooling().name());
        }
        post.param("recheckRecorded", "true") // the step's Camunda Form, ticked on the page
                .param("medicalCostsHalfYear", prefilled.getMedicalCostsHalfYear().toPlainString())
                .param("oneOffCosts", prefilled.getOneOffCosts().toPlainString())
                .param("earners", prefilled.getEarners().toString());
        for (int i = 0; i + 1 < fields.length; i += 2) {
            post.param(fields[i], fields[i + 1]);
        }
        return post;
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
    void aReCheckIsOnlyForTheFilesOwnUnionAndRefusesAFutureMonthAndTheRunningOne() throws Exception {
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
        String refused = mvc.perform(recheckPost(file, "incomes[0].month", future, "incomes[0].householdIncome", "3000",
                        "incomes[0].memberCount", "2", "visitDate", "2026-01-10", "findings", "走访"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains(future + " 还没有到，不能登记该月收入");
        String running = YearMonth.now().toString();
        String thisMonth = mvc.perform(recheckPost(file, "incomes[0].month", running, "incomes[0].householdIncome", "3000",
                        "incomes[0].memberCount", "2", "visitDate", "2026-01-10", "findings", "走访"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(thisMonth).contains(running + " 是本月，尚未结束，不能登记本月收入").contains("value=\"3000\"");
        mvc.perform(post("/households/{id}/recheck", file.getId()).with(as("branch2")).with(csrf())
                        .param("visitDate", "2026-01-10").param("findings", "走访"))
                .andExpect(status().isForbidden());
        assertThat(incomes.findByFileIdOrderByIncomeMonthDesc(file.getId())).isEmpty();
        assertThat(rechecks.findByFileIdOrderByRecordedAtDesc(file.getId())).isEmpty();
        String inbox = cn.hardshiprelief.support.InboxPages.all(mvc, as("union1"));
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

        mvc.perform(recheckPost(file, "incomes[0].month", month, "incomes[0].householdIncome", "3000",
                        "incomes[0].memberCount", "2", "visitDate", "2026-01-10", "findings", "入户走访".repeat(500)))
                .andExpect(status().is3xxRedirection());
    }

    /**
     * The page lists each whole month since the last recorded one; a listed month needs its income (0 when there
     * was none). A month left with nothing typed is refused on its own row — never dropped — and the form comes
     * back with every row as typed; a row whose month was cleared is left out.
     */
    @Test
    void aListedMonthWithoutItsIncomeIsRefusedOnItsRowAndEveryRowComesBackAsTyped() throws Exception {
        HouseholdFile file = filed();
        mvc.perform(post("/households/{id}/changes", file.getId()).with(as("worker1")).with(csrf())
                .param("reason", "爱人失业")).andExpect(status().is3xxRedirection());
        YearMonth last = YearMonth.now().minusMonths(1);
        String page = mvc.perform(get("/households/{id}/recheck", file.getId()).with(as("union1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        for (int i = 6; i >= 1; i--) {
            assertThat(page).contains("value=\"" + YearMonth.now().minusMonths(i) + "\"");
        }
        assertThat(page).contains("没有收入填 0").contains("name=\"incomes[5].memberCount\" value=\"2\"")
                .doesNotContain("name=\"incomes[6].month\"");

        String refused = mvc.perform(recheckPost(file,
                        "incomes[0].month", last.minusMonths(2).toString(), "incomes[0].householdIncome", "2100",
                        "incomes[0].memberCount", "2",
                        "incomes[1].month", last.minusMonths(1).toString(), "incomes[1].householdIncome", "",
                        "incomes[1].memberCount", "2",
                        "incomes[2].month", last.toString(), "incomes[2].householdIncome", "0",
                        "incomes[2].memberCount", "2",
                        "visitDate", "2026-01-10", "findings", "入户走访，爱人仍在找工作"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(refused).contains("请填写 " + last.minusMonths(1) + " 的家庭收入，没有收入填 0")
                .contains("value=\"" + last.minusMonths(2) + "\"").contains("value=\"2100\"")
                .contains("value=\"" + last.minusMonths(1) + "\"").contains("value=\"" + last + "\"")
                .contains("name=\"incomes[2].householdIncome\" value=\"0\"").contains("入户走访，爱人仍在找工作");
        assertThat(incomes.findByFileIdOrderByIncomeMonthDesc(file.getId())).isEmpty();
        assertThat(rechecks.findByFileIdOrderByRecordedAtDesc(file.getId())).isEmpty();

        mvc.perform(recheckPost(file,
                        "incomes[0].month", last.minusMonths(2).toString(), "incomes[0].householdIncome", "2100",
                        "incomes[0].memberCount", "2",
                        "incomes[1].month", "", "incomes[1].householdIncome", "", "incomes[1].memberCount", "2",
                        "incomes[2].month", last.toString(), "incomes[2].householdIncome", "0",
                        "incomes[2].memberCount", "2",
                        "visitDate", "2026-01-10", "findings", "入户走访，爱人仍在找工作"))
                .andExpect(status().is3xxRedirection());
        assertThat(incomes.findByFileIdOrderByIncomeMonthDesc(file.getId())).extracting(IncomeRecord::month)
                .containsExactly(last, last.minusMonths(2));
    }

    @Test
    void anIncomeWithoutItsMonthIsRefusedInTheReadersLanguage() throws Exception {
        HouseholdFile file = filed();
        mvc.perform(post("/households/{id}/changes", file.getId()).with(as("worker1")).with(csrf())
                .param("reason", "爱人失业")).andExpect(status().is3xxRedirection());

        String english = mvc.perform(recheckPost(file, "incomes[0].month", "", "incomes[0].householdIncome", "1800",
                        "incomes[0].memberCount", "2", "visitDate", "2026-01-10", "findings", "visit", "lang", "en"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(english).contains("Enter the month of this row").contains("value=\"1800\"").doesNotContain("??");
    }

    @Test
    void theReCheckPageShowsEachMemberAndTheCostsAsTheFileHasThem() throws Exception {
        HouseholdFile file = filed();
        mvc.perform(post("/households/{id}/changes", file.getId()).with(as("worker1")).with(csrf())
                .param("reason", "孩子住院")).andExpect(status().is3xxRedirection());

        String page = mvc.perform(get("/households/{id}/recheck", file.getId()).with(as("union1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String english = mvc.perform(get("/households/{id}/recheck", file.getId()).param("lang", "en").with(as("union1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("家庭成员情况", "张小明", "费用与供养", "有固定收入的人数")
                .contains("name=\"members[1].schooling\"").contains("<option value=\"JUNIOR_MIDDLE\" selected=\"selected\"")
                .contains("name=\"medicalCostsHalfYear\"").contains("name=\"earners\" value=\"1\"");
        assertThat(english).contains("Household members", "Costs and dependants").doesNotContain("??");
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
