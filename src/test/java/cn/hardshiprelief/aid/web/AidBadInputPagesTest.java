package cn.hardshiprelief.aid.web;

import cn.hardshiprelief.aid.AidGrant;
import cn.hardshiprelief.aid.AidKind;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.support.AppTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static cn.hardshiprelief.aid.web.AidPageSteps.grantIdOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Texts as long as their column and no longer: an approver's comment and a referral's outcome
 * hold 1,000 characters; a longer one is refused on the page with what was typed, never a 500
 * (the engine's text variables end at 4,000). A value of the wrong type is a bad request.
 */
@AppTest
class AidBadInputPagesTest {

    @Autowired MockMvc mvc;
    @Autowired AidPageSteps steps;
    @Autowired ProcessEngine engine;

    private Long requested(HouseholdFile file, AidKind kind, String basis) throws Exception {
        return grantIdOf(mvc.perform(steps.requestForm(file, "union1", kind, basis, "申请救助"))
                .andExpect(status().is3xxRedirection()).andReturn());
    }

    private Long referral(HouseholdFile file) throws Exception {
        return grantIdOf(mvc.perform(steps.requestForm(file, "union1", AidKind.LEGAL_AID, null, "拖欠工资",
                        "fundId", "", "payeeAccount", "", "payeeBank", ""))
                .andExpect(status().is3xxRedirection()).andReturn());
    }

    private String openStep(Long grantId) {
        AidGrant grant = steps.grant(grantId);
        var tasks = engine.getTaskService().createTaskQuery().processInstanceId(grant.getProcessInstanceId()).list();
        return tasks.isEmpty() ? null : tasks.get(0).getTaskDefinitionKey();
    }

    @Test
    void aCommentOfMoreThanAThousandCharactersIsRefusedKeepingWhatWasTyped() throws Exception {
        Long id = requested(steps.filedByCompany(), AidKind.EMERGENCY_AID, "400");
        String comment = "经核实情况属实".repeat(600);

        String page = mvc.perform(post("/aid/{id}/decision", id).param("approved", "true").param("comment", comment)
                        .with(csrf()).with(steps.as("union2")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("最多 1000 字").contains(comment).containsPattern("value=\"true\"[^>]*checked=\"checked\"");
        assertThat(openStep(id)).isEqualTo("approveByBranchUnion");
    }

    @Test
    void aCommentOfExactlyAThousandCharactersIsRecordedInFull() throws Exception {
        Long id = requested(steps.filedByCompany(), AidKind.EMERGENCY_AID, "400");
        String comment = "同意".repeat(500);

        mvc.perform(post("/aid/{id}/decision", id).param("approved", "true").param("comment", comment)
                .with(csrf()).with(steps.as("union2"))).andExpect(status().is3xxRedirection());

        assertThat(openStep(id)).isNotEqualTo("approveByBranchUnion");
    }

    @Test
    void aReferralOutcomeOfMoreThanAThousandCharactersIsRefusedKeepingWhatWasTyped() throws Exception {
        Long id = referral(steps.filedByCompany());
        mvc.perform(post("/aid/{id}/decision", id).param("approved", "true").param("comment", "转介法律援助中心")
                .with(csrf()).with(steps.as("union2"))).andExpect(status().is3xxRedirection());
        String outcome = "工资已追回".repeat(250);

        String page = mvc.perform(post("/aid/{id}/outcome", id).param("referralOutcome", outcome)
                        .with(csrf()).with(steps.as("union1")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("最多 1000 字").contains(outcome);
        assertThat(openStep(id)).isNotNull();
    }

    @Test
    void aDecisionThatIsNeitherYesNorNoIsRefusedByTheStepsForm() throws Exception {
        Long id = requested(steps.filedByCompany(), AidKind.EMERGENCY_AID, "400");

        String page = mvc.perform(post("/aid/{id}/decision", id).param("approved", "maybe").param("comment", "再议")
                        .with(csrf()).with(steps.as("union2")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("请选择列出的选项之一", "再议");
        assertThat(openStep(id)).isEqualTo("approveByBranchUnion");
    }

    @Test
    void aBankBatchDayThatIsNoDateIsABadRequest() throws Exception {
        Long fundId = steps.fundOf("union1").getId();

        mvc.perform(post("/funds/{id}/bank-batches", fundId).param("day", "abc").with(csrf()).with(steps.as("union1")))
                .andExpect(status().isBadRequest());
    }
}
