package cn.hardshiprelief.fund;

import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.support.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The funds page: a union's staff see their own union's funds, open one per year and source, and change a budget,
 * never below what has been paid; everyone else is turned away.
 */
@AppTest
class FundPagesTest {

    @Autowired MockMvc mvc;
    @Autowired AppUserDetailsService users;
    @Autowired FundRepository funds;
    @Autowired Directory directory;
    @Autowired JdbcTemplate jdbc;

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void aUnionsStaffSeeTheirOwnUnionsFundsAndNobodyElseDoes() throws Exception {
        String page = mvc.perform(get("/funds").with(as("union1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("示例机械有限公司工会 社会捐赠").contains("新建资金").doesNotContain("城关街道工会");
        String county = mvc.perform(get("/funds").with(as("chair1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(county).contains("示范县总工会 中央财政帮扶资金").doesNotContain("示例机械有限公司工会");
        String english = mvc.perform(get("/funds").param("lang", "en").with(as("branch1")))
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Open a fund").contains("Available (yuan)");

        for (String other : List.of("worker1", "director1", "admin")) {
            mvc.perform(get("/funds").with(as(other))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/funds").with(as("worker1")).with(csrf()).param("year", "2099")
                .param("source", "DONATIONS").param("name", "捐赠").param("budget", "100")).andExpect(status().isForbidden());
    }

    @Test
    void amountsReadWithThousandsSeparatorsInChineseAndInEnglish() throws Exception {
        int year = unusedYear("branch2", FundSource.LOCAL_FINANCE);
        mvc.perform(post("/funds").with(as("branch2")).with(csrf()).param("year", "" + year)
                .param("source", "LOCAL_FINANCE").param("name", year + " 地方财政").param("budget", "1234567.5"))
                .andExpect(status().is3xxRedirection());
        for (String lang : List.of("zh", "en")) {
            String page = mvc.perform(get("/funds").param("lang", lang).with(as("branch2")))
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).as("funds page in %s", lang)
                    .contains("<td class=\"num\" data-label=\"" + ("en".equals(lang) ? "Budget (yuan)" : "预算（元）")
                            + "\">1,234,567.50</td>")
                    .as("the budget field keeps the plain number it is typed in").contains("value=\"1234567.50\"");
        }
    }

    @Test
    void aFundIsOpenedOncePerYearAndSourceAndItsNameIsShownEscaped() throws Exception {
        int year = unusedYear("branch2", FundSource.DONATIONS);
        String name = year + " <b>社会捐赠</b>";

        String location = mvc.perform(post("/funds").with(as("branch2")).with(csrf()).param("year", "" + year)
                        .param("source", "DONATIONS").param("name", name).param("budget", "50000"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "funds.opened"))
                .andReturn().getResponse().getRedirectedUrl();
        Fund fund = funds.findById(Long.valueOf(location.substring("/funds/".length()))).orElseThrow();
        assertThat(fund.getUnion().getCode()).isEqualTo("CU01B02");
        assertThat(fund.getBudget()).isEqualByComparingTo("50000");
        String page = mvc.perform(get("/funds").with(as("branch2"))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(year + " &lt;b&gt;社会捐赠&lt;/b&gt;").doesNotContain("<b>社会捐赠");

        String again = mvc.perform(post("/funds").with(as("branch2")).with(csrf()).param("year", "" + year)
                        .param("source", "DONATIONS").param("name", "再建一次").param("budget", "1"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains(year + "年度该来源的资金已经建立");
        mvc.perform(post("/funds").with(as("branch2")).with(csrf()).param("year", "1999")
                .param("source", "DONATIONS").param("name", "太早").param("budget", "-5")).andExpect(status().isBadRequest());
        String unconvertible = mvc.perform(post("/funds").with(as("branch2")).with(csrf()).param("year", "" + year)
                        .param("name", "没有来源").param("budget", "abc"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(unconvertible).contains("请填写金额，例如 500000 或 12000.50。").contains("value=\"没有来源\"");
    }

    @Test
    void aBudgetIsNeverCutBelowWhatHasBeenPaid() throws Exception {
        int year = unusedYear("branch2", FundSource.UNION_FUNDS);
        Fund fund = funds.save(new Fund(directory.unit(directory.actor("branch2").orgUnitId()), year,
                FundSource.UNION_FUNDS, year + " 工会经费", new java.math.BigDecimal("10000")));
        jdbc.update("update aid_fund set paid = 2500 where id = ?", fund.getId());

        String refused = mvc.perform(post("/funds/{id}/budget", fund.getId()).with(as("branch2")).with(csrf())
                        .param("budget", "2000"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).containsPattern("预算不能低于已支付的 2,?500(\\.00)? 元");
        String english = mvc.perform(post("/funds/{id}/budget", fund.getId()).param("lang", "en").with(as("branch2"))
                        .with(csrf()).param("budget", "2000"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(english).containsPattern("The budget cannot be below the 2,?500(\\.00)? yuan already paid");
        assertThat(funds.findById(fund.getId()).orElseThrow().getBudget()).isEqualByComparingTo("10000");

        mvc.perform(post("/funds/{id}/budget", fund.getId()).with(as("branch2")).with(csrf()).param("budget", "2500"))
                .andExpect(redirectedUrl("/funds#fund-" + fund.getId()))
                .andExpect(flash().attribute("success", "funds.budgetChanged"));
        assertThat(funds.findById(fund.getId()).orElseThrow().getBudget()).isEqualByComparingTo("2500");

        mvc.perform(post("/funds/{id}/budget", fund.getId()).with(as("branch2")).with(csrf()).param("budget", "1.234"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/funds/{id}/budget", fund.getId()).with(as("branch1")).with(csrf()).param("budget", "99999"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/funds/{id}/budget", 99_999_999L).with(as("branch2")).with(csrf()).param("budget", "1"))
                .andExpect(status().isNotFound());
        assertThat(funds.findById(fund.getId()).orElseThrow().getBudget()).isEqualByComparingTo("2500");
    }

    /** A far year in which the user's union has no fund from this source yet, so each run opens its own. */
    private int unusedYear(String username, FundSource source) {
        Set<Integer> taken = funds.findByUnionIdOrderByYearDescSourceAsc(directory.actor(username).orgUnitId()).stream()
                .filter(f -> f.getSource() == source).map(Fund::getYear).collect(Collectors.toSet());
        int year = 2090;
        while (taken.contains(year)) {
            year++;
        }
        return year;
    }
}
