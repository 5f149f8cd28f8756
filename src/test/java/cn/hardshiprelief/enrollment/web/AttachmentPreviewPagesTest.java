package cn.hardshiprelief.enrollment.web;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.enrollment.Evidence;
import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.EarlierStories;
import cn.hardshiprelief.support.Enrollments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A reviewer sees the evidence without downloading it: an image as a thumbnail, a PDF with a preview in a new tab,
 * both from the download's own address, so served inline with their type and refused to whoever may not see the case.
 */
@AppTest
class AttachmentPreviewPagesTest {

    @Autowired MockMvc mvc;
    @Autowired AppUserDetailsService users;
    @Autowired Enrollments enrollments;
    @Autowired EarlierStories earlierStories;

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @BeforeEach
    void workerFreeToApply() {
        earlierStories.closeHouseholdsOf("worker1");
    }

    @Test
    void theReviewPageShowsAPhotoAsAThumbnailAndAPdfWithAPreviewBothInline() throws Exception {
        MvcResult posted = mvc.perform(ApplicationFormPost.complete("张伟")
                        .file(Enrollments.png("otherFiles", "住房照片.png"))
                        .postTo("/applications").with(as("worker1")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        Long id = Long.valueOf(posted.getResponse().getRedirectedUrl().replaceAll("\\D+", ""));
        EnrollmentApplication application = enrollments.reload(id);
        Evidence photo = evidence(application, "image/png");
        Evidence pdf = evidence(application, "application/pdf");
        String photoUrl = "/applications/" + id + "/evidence/" + photo.getId();
        String pdfUrl = "/applications/" + id + "/evidence/" + pdf.getId();

        String review = mvc.perform(get("/tasks/" + enrollments.openTaskId(id)).with(as("head1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(review).contains("<img src=\"" + photoUrl + "\" alt=\"住房照片.png\" loading=\"lazy\">")
                .containsPattern("class=\"preview\" href=\"" + pdfUrl + "\" target=\"_blank\" rel=\"noopener\">预览 PDF<")
                .doesNotContain("<img src=\"" + pdfUrl);

        MvcResult image = mvc.perform(get(photoUrl).with(as("head1"))).andExpect(status().isOk()).andReturn();
        assertThat(image.getResponse().getContentType()).isEqualTo("image/png");
        assertThat(image.getResponse().getHeader("Content-Disposition")).startsWith("inline;");
        assertThat(image.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(image.getResponse().getContentAsByteArray()).isEqualTo(Enrollments.PNG);
        MvcResult document = mvc.perform(get(pdfUrl).with(as("head1"))).andExpect(status().isOk()).andReturn();
        assertThat(document.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(document.getResponse().getHeader("Content-Disposition")).startsWith("inline;");
    }

    @Test
    void thePreviewIsRefusedOutsideTheCasesOrganisationAndAnEvidenceOfAnotherCaseIsNotFound() throws Exception {
        EnrollmentApplication application = enrollments.reload(enrollments.submittedBy("worker1").getId());
        Evidence evidence = application.getEvidence().get(0);
        String url = "/applications/" + application.getId() + "/evidence/" + evidence.getId();

        for (String outsider : new String[] {"head2", "branch1", "worker2"}) {
            mvc.perform(get(url).with(as(outsider))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/applications/" + application.getId() + "/evidence/" + 9_999_999L).with(as("head1")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/applications/" + 9_999_999L + "/evidence/" + evidence.getId()).with(as("head1")))
                .andExpect(status().isNotFound());
        mvc.perform(get(url).with(as("head1"))).andExpect(status().isOk());
    }

    private static Evidence evidence(EnrollmentApplication application, String contentType) {
        return application.getEvidence().stream().filter(e -> e.getContentType().equals(contentType)).findFirst()
                .orElseThrow();
    }
}
