package cn.hardshiprelief.aid.web;

import cn.hardshiprelief.aid.AidKind;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.support.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static cn.hardshiprelief.aid.web.AidPageSteps.grantIdOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An aid grant's page draws its map: waiting for the branch union's approval, then on to payment. */
@AppTest
class AidGrantMapPagesTest {

    @Autowired MockMvc mvc;
    @Autowired AidPageSteps steps;

    private String page(Long id, String username) throws Exception {
        return mvc.perform(get("/aid/{id}", id).with(steps.as(username))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    @Test
    void aGrantsMapShowsTheApprovalItWaitsForAndAfterApprovalThePaymentWithTheApproverByName() throws Exception {
        HouseholdFile file = steps.filedByCompany();
        Long id = grantIdOf(mvc.perform(steps.requestForm(file, "union1", AidKind.EMERGENCY_AID, "1500", "突发疾病"))
                .andExpect(status().is3xxRedirection()).andReturn());

        String waiting = page(id, "union1");
        assertThat(waiting).contains("id=\"process-map\"", "<title id=\"pm-title\">")
                .contains("class=\"pm-shape current user-task\" data-element=\"approveByBranchUnion\" data-state=\"CURRENT\"")
                .contains("class=\"pm-shape not-reached user-task\" data-element=\"approveByCountyUnion\"")
                .contains("<span class=\"map-current-step\">基层工会审批</span>");

        mvc.perform(post("/aid/{id}/decision", id).param("approved", "true").param("comment", "同意")
                .with(csrf()).with(steps.as("union2"))).andExpect(status().is3xxRedirection());

        String approved = page(id, "worker1");
        assertThat(approved)
                .contains("class=\"pm-shape passed user-task\" data-element=\"approveByBranchUnion\"")
                .contains("class=\"pm-shape current service-task\" data-element=\"disburseGrant\"")
                .containsPattern("data-step=\"approveByBranchUnion\">\\s*<strong>基层工会审批</strong>\\s*<span>钱进</span>");
    }

    @Test
    void anOutsiderGetsNoMapAndAnUnknownGrantIsNotFound() throws Exception {
        HouseholdFile file = steps.filedByCompany();
        Long id = grantIdOf(mvc.perform(steps.requestForm(file, "union1", AidKind.EMERGENCY_AID, "800", "突发疾病"))
                .andExpect(status().is3xxRedirection()).andReturn());

        mvc.perform(get("/aid/{id}", id).with(steps.as("worker2"))).andExpect(status().isForbidden())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString()).doesNotContain("process-map"));
        mvc.perform(get("/aid/{id}", 99_999_999L).with(steps.as("union1"))).andExpect(status().isNotFound());
    }
}
