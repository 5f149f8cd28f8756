package cn.hardshiprelief.enrollment.web;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.storage.PendingUploads;
import cn.hardshiprelief.storage.StorageProperties;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.EarlierStories;
import cn.hardshiprelief.support.Enrollments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Files chosen on an application form that comes back with an error are kept: stored as pending uploads, shown as
 * 已上传：name (移除), claimed as evidence when the form is sent again, taken off on 移除, and swept when nobody claims
 * them; nobody else can claim them.
 */
@AppTest
class KeptUploadsPagesTest {

    private static final Pattern KEPT = Pattern.compile("name=\"keptUploads\" value=\"(\\d+)\"");

    @Autowired MockMvc mvc;
    @Autowired AppUserDetailsService users;
    @Autowired Enrollments enrollments;
    @Autowired EarlierStories earlierStories;
    @Autowired PendingUploads pendingUploads;
    @Autowired StorageProperties storage;
    @Autowired JdbcTemplate jdbc;

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @BeforeEach
    void workerFreeToApply() {
        earlierStories.closeHouseholdsOf("worker1");
    }

    @Test
    void aFileChosenOnARefusedFormIsShownAsUploadedAndBecomesEvidenceWhenTheFormIsSentAgain() throws Exception {
        ApplicationFormPost form = ApplicationFormPost.complete("张伟");
        String refused = mvc.perform(form.with("members[0].idNumber", "110105194912310021")
                        .postTo("/applications").with(as("worker1")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Long kept = keptId(refused);
        assertThat(refused).contains("已上传：生活困难证明.pdf").contains("value=\"discardUpload:" + kept + "\"")
                .contains("已选择的附件已保存，无需重新选择");
        Path file = storedFileOf(kept);
        assertThat(file).exists();

        var sent = mvc.perform(form.withoutFiles().with("members[0].idNumber", ApplicationFormPost.complete("张伟").selfIdNumber())
                        .with("keptUploads", kept.toString())
                        .postTo("/applications").with(as("worker1")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        EnrollmentApplication application = enrollments.reload(ApplicationFormPost.applicationIdIn(
                sent.getResponse().getRedirectedUrl()));
        assertThat(application.getEvidence()).singleElement().satisfies(e -> {
            assertThat(e.getOriginalName()).isEqualTo("生活困难证明.pdf");
            assertThat(storage.dir().resolve(e.getStorageKey().substring(0, 2)).resolve(e.getStorageKey()))
                    .isEqualTo(file).exists();
        });
        assertThat(pendingCount(kept)).as("claimed, no longer pending").isZero();
    }

    @Test
    void aKeptFileIsTakenOffWithItsRemoveButtonAndNobodyElseCanClaimIt() throws Exception {
        ApplicationFormPost form = ApplicationFormPost.complete("张伟").with("action", "addMember");
        String shown = mvc.perform(form.postTo("/applications").with(as("worker1")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Long kept = keptId(shown);
        Path file = storedFileOf(kept);

        assertThat(pendingUploads.named("worker2", form.get("requestToken"), java.util.List.of(kept)))
                .as("another person sending the id gets nothing").isEmpty();

        String after = mvc.perform(form.withoutFiles().with("keptUploads", kept.toString())
                        .with("action", "discardUpload:" + kept).postTo("/applications").with(as("worker1")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(after).doesNotContain("已上传：生活困难证明.pdf").doesNotContain("name=\"keptUploads\"");
        assertThat(pendingCount(kept)).isZero();
        assertThat(file).doesNotExist();
    }

    @Test
    void anUploadNobodyClaimsIsSweptWithItsFile() throws Exception {
        String shown = mvc.perform(ApplicationFormPost.complete("张伟").with("action", "addMember")
                        .postTo("/applications").with(as("worker1")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Long kept = keptId(shown);
        Path file = storedFileOf(kept);
        jdbc.update("update pending_upload set uploaded_at = ? where id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(2))), kept);

        pendingUploads.sweep(); // the hourly sweep itself may have come first: what counts is what is left

        assertThat(pendingCount(kept)).isZero();
        assertThat(file).doesNotExist();
    }

    private static Long keptId(String html) {
        Matcher kept = KEPT.matcher(html);
        assertThat(kept.find()).as("the form carries the kept upload").isTrue();
        return Long.valueOf(kept.group(1));
    }

    private Path storedFileOf(Long pendingId) {
        String key = jdbc.queryForObject("select storage_key from pending_upload where id = ?", String.class, pendingId);
        return storage.dir().resolve(key.substring(0, 2)).resolve(key);
    }

    private int pendingCount(Long id) {
        return jdbc.queryForObject("select count(*) from pending_upload where id = ?", Integer.class, id);
    }
}
