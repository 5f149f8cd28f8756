package cn.hardshiprelief.aid.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.household.HouseholdFileRepository;
import cn.hardshiprelief.support.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 发放账户 on the household's page: its caseworkers and the worker record where its aid is paid (campaigns
 * pay there); anyone else is refused, and an account that is not 12 to 30 digits is refused with the reason.
 */
@AppTest
class PayeePagesTest {

    @Autowired MockMvc mvc;
    @Autowired AidPageSteps steps;
    @Autowired HouseholdFileRepository files;

    @Test
    void theCompanyUnionRecordsThePayeeAccountAndThePageShowsItMasked() throws Exception {
        HouseholdFile file = steps.filedByCompany();

        mvc.perform(post("/households/{id}/payee", file.getId()).with(steps.as("union1")).with(csrf())
                        .param("payeeAccount", "6217000011112222333").param("payeeBank", "中国建设银行示范县支行"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/households/" + file.getId()));

        assertThat(files.findById(file.getId()).orElseThrow().getPayeeAccount()).isEqualTo("6217000011112222333");
        String page = mvc.perform(get("/households/{id}", file.getId()).with(steps.as("union1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("***************2333").contains("中国建设银行示范县支行")
                .doesNotContain("6217000011112222333");
    }

    @Test
    void anotherBranchUnionMayNotAndAnAccountOfLettersIsRefusedWithTheReason() throws Exception {
        HouseholdFile file = steps.filedByCompany();

        mvc.perform(post("/households/{id}/payee", file.getId()).with(steps.as("branch2")).with(csrf())
                        .param("payeeAccount", "6217000011112222333").param("payeeBank", "中国建设银行"))
                .andExpect(status().isForbidden());
        String refused = mvc.perform(post("/households/{id}/payee", file.getId()).with(steps.as("union1")).with(csrf())
                        .param("payeeAccount", "6217abc").param("payeeBank", "中国建设银行"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).as("the household's page again, with the reason and what was typed")
                .contains("收款账号须为 12 至 30 位数字").contains(file.getFileNumber())
                .contains("value=\"6217abc\"").contains("value=\"中国建设银行\"");
        mvc.perform(post("/households/{id}/payee", 999_999L).with(steps.as("union1")).with(csrf())
                        .param("payeeAccount", "6217000011112222333").param("payeeBank", "中国建设银行"))
                .andExpect(status().isNotFound());
        assertThat(files.findById(file.getId()).orElseThrow().getPayeeAccount()).isNotEqualTo("6217000011112222333");
    }
}
