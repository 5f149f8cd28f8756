package cn.hardshiprelief.campaign;

import cn.hardshiprelief.fund.Fund;
import cn.hardshiprelief.fund.FundSource;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.support.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A warmth campaign's page draws its map: the list waits for the county union; another branch union sees nothing. */
@AppTest
class CampaignMapPagesTest {

    @Autowired MockMvc mvc;
    @Autowired AppUserDetailsService users;
    @Autowired CampaignHouseholds households;

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void theCampaignsMapShowsTheListWaitingForTheCountyUnionAndOnlyItsReadersSeeIt() throws Exception {
        HouseholdFile household = households.withPayee(households.filedInTheCityBranch());
        Fund fund = households.fund("branch1", FundSource.UNION_FUNDS);
        CampaignForm form = households.onlyThese("branch1", Holiday.MAY_DAY, "五一送温暖", fund, List.of(household));
        var request = post("/campaigns").with(csrf()).with(as("branch1"))
                .param("holiday", form.holiday().name()).param("title", form.title())
                .param("fundId", form.fundId().toString());
        form.excluded().forEach(id -> request.param("excludedFileIds", id.toString()));
        String location = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();

        String page = mvc.perform(get(location).with(as("county1"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("id=\"process-map\"", "<title id=\"pm-title\">“送温暖慰问活动”办理进度图</title>")
                .contains("class=\"pm-shape current user-task\" data-element=\"approveCampaignList\" data-state=\"CURRENT\"")
                .contains("class=\"pm-shape passed start-event\" data-element=\"campaignListSubmitted\"")
                .contains("class=\"pm-flow passed\" data-flow=\"listSubmittedForApproval\"")
                .contains("<span class=\"map-current-step\">审批慰问名单</span>")
                .contains("data-step=\"approveCampaignList\"");

        mvc.perform(get(location).with(as("branch2"))).andExpect(status().isForbidden())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString()).doesNotContain("process-map"));
        mvc.perform(get("/campaigns/{id}", 99_999_999L).with(as("branch1"))).andExpect(status().isNotFound());
    }
}
