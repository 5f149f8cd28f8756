package cn.hardshiprelief.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Households;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Monthly incomes on the household's page: the latest recorded month's per-capita income (saying which month,
 * and the months its average comes from) instead of the application's figure; a recorded month corrected by a
 * caseworker with a reason, the correction kept and shown (who, when, before and after, why); refusals shown
 * on the page with what was typed and nothing changed; the running month refused rather than ignored.
 */
@AppTest
class IncomeCorrectionPagesTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired AppUserDetailsService users;
    @Autowired Households households;
    @Autowired cn.hardshiprelief.household.Rechecks rechecks;
    @Autowired cn.hardshiprelief.household.ChangeReports changes;
    @Autowired Directory directory;
    @Autowired IncomeRecordRepository incomes;
    @Autowired IncomeCorrectionRepository corrections;

    @Test
    void theHouseholdsPageShowsTheLatestRecordedMonthAndAfterACorrectionItsNewFigureWithTheCorrection()
            throws Exception {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        assertThat(page(file, "union1")).contains("申请时填报的数字，尚未登记月收入").contains("尚未登记月收入：复核时逐月登记")
                .as("the members' facts on file").contains("<td>初中</td>", "<td>健康</td>");

        recheckedWithSixMonthsOf(file, "1800");
        YearMonth last = YearMonth.now(CHINA).minusMonths(1);
        assertThat(page(file, "union1")).contains(last + " 的人均月收入（家庭收入 1,800.00 元 / 2 人）")
                .contains("已登记的近 6 个月（" + last.minusMonths(5) + " 至 " + last + "）人均平均 900.00 元");

        IncomeRecord latest = monthOf(file, last);
        mvc.perform(correction(file, latest, "union1", "2400.50", "2", "工资条核对：当月另有加班费 600.50 元"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", "income.corrected"));

        String shown = page(file, "union1");
        assertThat(shown).contains(last + " 的人均月收入（家庭收入 2,400.50 元 / 2 人）")
                .contains("1,800.00 元 / 2 人 → 2,400.50 元 / 2 人").contains("工资条核对：当月另有加班费 600.50 元")
                .contains("周丽").contains("收入更正");
        assertThat(page(file, "worker1")).as("the household sees its own corrections, without the form")
                .contains("1,800.00 元 / 2 人 → 2,400.50 元 / 2 人").doesNotContain("/correction\"");
        String english = mvc.perform(get("/households/{id}", file.getId()).param("lang", "en").with(as("union1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("per head in " + last, "1,800.00 yuan / 2 people → 2,400.50 yuan / 2 people")
                .doesNotContain("??");
        assertThat(incomes.findById(latest.getId()).orElseThrow().getHouseholdIncome()).isEqualByComparingTo("2400.50");
        assertThat(corrections.findByFileIdOrderByCorrectedAtDescIdDesc(file.getId())).singleElement().satisfies(c -> {
            assertThat(c.getOldHouseholdIncome()).isEqualByComparingTo("1800.00");
            assertThat(c.getNewHouseholdIncome()).isEqualByComparingTo("2400.50");
            assertThat(c.getCorrectedBy()).isEqualTo("union1");
        });
    }

    @Test
    void aRefusedCorrectionShowsThePageAgainWithWhyAndWhatWasTypedAndChangesNothing() throws Exception {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        recheckedWithSixMonthsOf(file, "1800");
        IncomeRecord month = monthOf(file, YearMonth.now(CHINA).minusMonths(2));

        String noReason = mvc.perform(correction(file, month, "union1", "1900", "2", " "))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(noReason).contains("请写明更正原因（不超过 500 字）").contains("value=\"1900\"").contains("<details open");
        String notANumber = mvc.perform(correction(file, month, "union1", "一千九", "2", "核对工资条"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(notANumber).contains("请填写更正后的家庭收入").contains("value=\"一千九\"").contains("核对工资条");
        String same = mvc.perform(correction(file, month, "union1", "1800.00", "2", "核对工资条"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(same).contains(month.month() + " 的收入和人口与登记的相同，无需更正");
        String tooMany = mvc.perform(correction(file, month, "union1", "1900", "21", "核对工资条").param("lang", "en"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(tooMany).contains("Household size must be 1 to 20");

        mvc.perform(correction(file, month, "branch2", "1900", "2", "核对工资条")).andExpect(status().isForbidden());
        mvc.perform(correction(file, month, "worker1", "1900", "2", "核对工资条")).andExpect(status().isForbidden());
        HouseholdFile other = households.filedOnTheUnionRoute("worker3", "branch1");
        mvc.perform(correction(other, month, "branch1", "1900", "2", "核对工资条")).andExpect(status().isNotFound());

        assertThat(incomes.findById(month.getId()).orElseThrow().getHouseholdIncome()).isEqualByComparingTo("1800.00");
        assertThat(corrections.findByFileIdOrderByCorrectedAtDescIdDesc(file.getId())).isEmpty();
    }

    @Test
    void aFileOffTheRegisterIsReadOnly() throws Exception {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        recheckedWithSixMonthsOf(file, "1800");
        IncomeRecord month = monthOf(file, YearMonth.now(CHINA).minusMonths(1));
        changes.cancel(directory.actor("county1"), file.getId(), CancelReason.MOVED_AWAY, "迁往外省");

        mvc.perform(correction(file, month, "union1", "1900", "2", "核对工资条")).andExpect(status().isConflict());
        assertThat(page(file, "union1")).doesNotContain("/correction\"");
    }

    @Test
    void theRunningMonthIsRefusedWithAMessageInsteadOfBeingRecordedAndIgnored() {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        YearMonth running = YearMonth.now(CHINA);

        assertThatThrownBy(() -> rechecks.recordIncome(directory.actor("union1"), file.getId(), running,
                new BigDecimal("1800"), 2))
                .isInstanceOf(BusinessException.class)
                .satisfies(e -> assertThat(((BusinessException) e).getMessageKey()).isEqualTo("income.currentMonth"))
                .satisfies(e -> assertThat(((BusinessException) e).getArgs()).containsExactly(running.toString()));
        assertThat(incomes.findByFileIdOrderByIncomeMonthDesc(file.getId())).isEmpty();
    }

    // --- steps

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private String page(HouseholdFile file, String username) throws Exception {
        return mvc.perform(get("/households/{id}", file.getId()).with(as(username))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private MockHttpServletRequestBuilder correction(HouseholdFile file, IncomeRecord record, String username,
                                                     String householdIncome, String memberCount, String reason) {
        return post("/households/{id}/incomes/{recordId}/correction", file.getId(), record.getId())
                .with(as(username)).with(csrf())
                .param("householdIncome", householdIncome).param("memberCount", memberCount).param("reason", reason);
    }

    /** A change report and the re-check it brings, recording the last six months at this household income. */
    private void recheckedWithSixMonthsOf(HouseholdFile file, String householdIncome) {
        changes.reportChange(directory.actor("worker1"), file.getId(), "爱人失业");
        RecheckForm form = rechecks.newRecheckForm(directory.actor("union1"), file.getId());
        form.getIncomes().forEach(row -> row.setHouseholdIncome(new BigDecimal(householdIncome)));
        form.setCausesRemaining(true);
        form.setVisitDate(LocalDate.now(CHINA).minusDays(1));
        form.setFindings("入户走访，核实收入");
        rechecks.recordRecheck(directory.actor("union1"), file.getId(), form);
    }

    private IncomeRecord monthOf(HouseholdFile file, YearMonth month) {
        return incomes.findByFileIdOrderByIncomeMonthDesc(file.getId()).stream().filter(r -> r.month().equals(month))
                .findFirst().orElseThrow();
    }
}
