package cn.hardshiprelief.enrollment.web;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.enrollment.HouseholdMember;
import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.PdfPages;
import cn.hardshiprelief.vocabulary.Relation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The 困难职工登记审批表 of an application, as a print page and as PDF: the worker, the household with identity
 * numbers masked, the causes and incomes, each review step's opinion with who and when; only for the application's
 * readers. The PDF's Chinese is drawn with the font that comes with the build, not as boxes.
 */
@AppTest
class ApplicationSheetPagesTest {

    @Autowired MockMvc mvc;
    @Autowired AppUserDetailsService users;
    @Autowired Enrollments enrollments;

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    /** worker1's application, approved by the department head with an opinion, waiting for the director. */
    private EnrollmentApplication reviewedOnce() {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        enrollments.decide("head1", application.getId(), "approve", "情况属实，同意上报");
        return enrollments.reload(application.getId());
    }

    private static String maskedIdOfHead(EnrollmentApplication application) {
        return application.getMembers().stream().filter(m -> m.getRelation() == Relation.SELF)
                .map(HouseholdMember::getIdNumberMasked).findFirst().orElseThrow();
    }

    @Test
    void thePrintPageListsTheHouseholdCausesIncomesAndEachReviewersOpinionWithIdentityNumbersMasked() throws Exception {
        EnrollmentApplication application = reviewedOnce();
        String plainId = enrollments.plainIdNumberOfHead(application.getId());

        String sheet = mvc.perform(get("/applications/{id}/sheet", application.getId()).with(as("worker1")))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString();

        assertThat(sheet).contains("<h1 id=\"sheet-title\">困难职工登记审批表</h1>", application.getApplicationNumber(),
                        "张伟", "张小明", maskedIdOfHead(application), "收入低", "900.00", "1,800.00")
                .contains("@page { size: A4;", "@media print { .toolbar { display: none; } }")
                .contains("href=\"/applications/" + application.getId() + "/sheet.pdf\"")
                .doesNotContain(plainId);
        assertThat(sheet).containsPattern("data-step=\"reviewByDepartmentHead\">\\s*<td>部门负责人审核</td>\\s*<td>同意</td>"
                + "\\s*<td>情况属实，同意上报</td>\\s*<td>王强</td>\\s*<td>\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}</td>");
        assertThat(mvc.perform(get("/applications/{id}", application.getId()).with(as("worker1"))).andReturn()
                .getResponse().getContentAsString()).contains("href=\"/applications/" + application.getId() + "/sheet\"");
    }

    @Test
    void thePdfDrawsTheChineseTitleAndTheReviewWithTheBundledFontAndMasksIdentityNumbers() throws Exception {
        EnrollmentApplication application = reviewedOnce();
        String plainId = enrollments.plainIdNumberOfHead(application.getId());

        byte[] pdf = mvc.perform(get("/applications/{id}/sheet.pdf", application.getId()).with(as("head1")))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline;")))
                .andReturn().getResponse().getContentAsByteArray();

        PdfPages pages = PdfPages.of(pdf);
        assertThat(pages.text()).contains("困难职工登记审批表", application.getApplicationNumber(), "张伟", "张小明",
                maskedIdOfHead(application), "部门负责人审核", "情况属实，同意上报", "王强", "家庭成员", "审核审批意见")
                .doesNotContain(plainId).doesNotContain("#####");
        assertThat(pages.fontNames()).isNotEmpty().allMatch(name -> name.contains("NotoSansSC"));
        assertThat(pages.darkPixelsInTitleArea()).as("the title's glyphs are drawn").isGreaterThan(400);
        assertThat(pages.darkPixelsInTitleArea()).as("and not as filled boxes").isLessThan(pages.titleAreaSize() / 4);
    }

    @Test
    void theEnglishPdfIsInEnglishWithTheApplicantsChineseNamesDrawn() throws Exception {
        EnrollmentApplication application = reviewedOnce();

        byte[] pdf = mvc.perform(get("/applications/{id}/sheet.pdf", application.getId()).param("lang", "en")
                        .with(as("worker1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        assertThat(PdfPages.of(pdf).text()).contains("Hardship worker registration and approval sheet",
                "Review and approval opinions", "Approved", "张伟", "情况属实，同意上报").doesNotContain("困难职工登记审批表");
    }

    @Test
    void onlyTheApplicationsReadersGetItsSheetAndAnUnknownApplicationHasNone() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker1");

        for (String url : new String[]{"/applications/{id}/sheet", "/applications/{id}/sheet.pdf"}) {
            mvc.perform(get(url, application.getId()).with(as("worker2"))).andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
            mvc.perform(get(url, application.getId()).with(as("head2"))).andExpect(status().isForbidden());
            mvc.perform(get(url, 99_999_999L).with(as("worker1"))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/applications/{id}/sheet.pdf", application.getId()).with(as("director1")))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF));
    }
}
