package cn.hardshiprelief.aid.web;

import cn.hardshiprelief.aid.AidKind;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.PdfPages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static cn.hardshiprelief.aid.web.AidPageSteps.grantIdOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An aid grant's 审批单 as a print page and as PDF: the aid, its amount and fund, the payee account masked, each
 * approval with its opinion, who and when; only for the grant's readers.
 */
@AppTest
class AidSheetPagesTest {

    @Autowired MockMvc mvc;
    @Autowired AidPageSteps steps;

    /** An emergency grant of 1,500 yuan for worker1's household, approved by union2 with an opinion. */
    private Long approvedGrant() throws Exception {
        HouseholdFile file = steps.filedByCompany();
        Long id = grantIdOf(mvc.perform(steps.requestForm(file, "union1", AidKind.EMERGENCY_AID, "1500", "家中失火"))
                .andExpect(status().is3xxRedirection()).andReturn());
        mvc.perform(post("/aid/{id}/decision", id).param("approved", "true").param("comment", "情况属实，同意救助")
                .with(csrf()).with(steps.as("union2"))).andExpect(status().is3xxRedirection());
        return id;
    }

    @Test
    void thePrintPageShowsTheAidTheMaskedAccountAndTheApprovalWithItsOpinion() throws Exception {
        Long id = approvedGrant();
        String number = steps.grant(id).getGrantNumber();

        String sheet = mvc.perform(get("/aid/{id}/sheet", id).with(steps.as("union1"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(sheet).contains("<h1 id=\"sheet-title\">困难职工救助审批单</h1>", number, "张伟", "临时救助",
                        "1,500.00", "家中失火", AidPageSteps.BANK, "****" + AidPageSteps.ACCOUNT.substring(AidPageSteps.ACCOUNT.length() - 4))
                .doesNotContain(AidPageSteps.ACCOUNT)
                .containsPattern("data-step=\"approveByBranchUnion\">\\s*<td>基层工会审批</td>\\s*<td>审批同意</td>"
                        + "\\s*<td>情况属实，同意救助</td>\\s*<td>钱进</td>\\s*<td>\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}</td>");
        assertThat(mvc.perform(get("/aid/{id}", id).with(steps.as("union1"))).andReturn().getResponse()
                .getContentAsString()).contains("href=\"/aid/" + id + "/sheet\"");
    }

    @Test
    void thePdfDrawsTheChineseSheetWithTheBundledFont() throws Exception {
        Long id = approvedGrant();

        byte[] pdf = mvc.perform(get("/aid/{id}/sheet.pdf", id).with(steps.as("worker1"))).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF)).andReturn().getResponse()
                .getContentAsByteArray();

        PdfPages pages = PdfPages.of(pdf);
        assertThat(pages.text()).contains("困难职工救助审批单", steps.grant(id).getGrantNumber(), "张伟", "临时救助",
                "基层工会审批", "情况属实，同意救助", "钱进").doesNotContain(AidPageSteps.ACCOUNT);
        assertThat(pages.fontNames()).allMatch(name -> name.contains("NotoSansSC"));
        assertThat(pages.darkPixelsInTitleArea()).isGreaterThan(400);
    }

    @Test
    void anOutsiderGetsNeitherSheetAndAnUnknownGrantHasNone() throws Exception {
        Long id = approvedGrant();

        for (String url : new String[]{"/aid/{id}/sheet", "/aid/{id}/sheet.pdf"}) {
            mvc.perform(get(url, id).with(steps.as("worker2"))).andExpect(status().isForbidden());
            mvc.perform(get(url, 99_999_999L).with(steps.as("union1"))).andExpect(status().isNotFound());
        }
    }
}
