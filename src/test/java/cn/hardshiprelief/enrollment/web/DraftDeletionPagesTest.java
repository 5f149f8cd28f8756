package cn.hardshiprelief.enrollment.web;

import cn.hardshiprelief.enrollment.ApplicationStatus;
import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.storage.StorageProperties;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.EarlierStories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static cn.hardshiprelief.enrollment.web.ApplicationFormPost.applicationIdIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Deleting a draft: its author asks, is asked to confirm on a page of its own, and the draft goes with its
 * members and uploads. Nobody else deletes it, and a submitted application is never deleted.
 */
@AppTest
class DraftDeletionPagesTest {

    @Autowired MockMvc mvc;
    @Autowired AppUserDetailsService users;
    @Autowired EarlierStories earlierStories;
    @Autowired StorageProperties storage;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    @org.junit.jupiter.api.AfterEach
    void workersFreeToApply() {
        earlierStories.closeHouseholdsOf("worker1");
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    /** worker1 saves the complete form as a draft, with its hardship certificate uploaded. */
    private Long draftOfWorker1() throws Exception {
        var result = mvc.perform(ApplicationFormPost.complete("张伟").with("action", "save").postTo("/applications")
                .with(as("worker1")).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        return applicationIdIn(result.getResponse().getRedirectedUrl());
    }

    private boolean exists(Long id) {
        return jdbc.queryForObject("select count(*) from enrollment_application where id = ?", Integer.class, id) == 1;
    }

    private Set<String> storedFiles() {
        Path dir = storage.dir();
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theAuthorConfirmsAndTheDraftGoesWithItsMembersAndUploads() throws Exception {
        Set<String> before = storedFiles();
        Long draft = draftOfWorker1();
        assertThat(storedFiles()).hasSize(before.size() + 1);

        String list = mvc.perform(get("/applications").with(as("worker1"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("/applications/" + draft + "/delete");
        String confirm = mvc.perform(get("/applications/{id}/delete", draft).with(as("worker1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(confirm).contains("确定删除", "家庭成员 2 人", "已上传的材料 1 份", "确认删除",
                "action=\"/applications/" + draft + "/delete\"", "name=\"_csrf\"");

        mvc.perform(post("/applications/{id}/delete", draft).with(as("worker1")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/applications"))
                .andExpect(flash().attribute("success", "application.draftDeleted"));

        assertThat(exists(draft)).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from household_member where application_id = ?", Integer.class,
                draft)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from evidence where application_id = ?", Integer.class, draft))
                .isZero();
        assertThat(storedFiles()).isEqualTo(before);
        mvc.perform(get("/applications/{id}", draft).with(as("worker1"))).andExpect(status().isNotFound());
    }

    @Test
    void theConfirmationPageIsInEnglishOnRequest() throws Exception {
        Long draft = draftOfWorker1();
        String confirm = mvc.perform(get("/applications/{id}/delete", draft).param("lang", "en").with(as("worker1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(confirm).contains("Delete this draft application", "2 household member(s)", "cannot be undone");
    }

    @Test
    void withoutTheCsrfTokenNothingIsDeleted() throws Exception {
        Long draft = draftOfWorker1();
        mvc.perform(post("/applications/{id}/delete", draft).with(as("worker1"))).andExpect(status().isForbidden());
        assertThat(exists(draft)).isTrue();
    }

    @Test
    void nobodyButItsAuthorDeletesADraftNorAsksToAndAnUnknownOneIsNotFound() throws Exception {
        Long draft = draftOfWorker1();
        for (String other : new String[]{"worker2", "head1", "union1", "admin"}) {
            mvc.perform(post("/applications/{id}/delete", draft).with(as(other)).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/applications/{id}/delete", draft).with(as(other))).andExpect(status().isForbidden());
        }
        assertThat(exists(draft)).isTrue();
        mvc.perform(post("/applications/{id}/delete", 999_999_999L).with(as("worker1")).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aSubmittedApplicationIsNeverDeletedAndTheListOffersNoDeletion() throws Exception {
        Long draft = draftOfWorker1();
        mvc.perform(ApplicationFormPost.complete("张伟").postTo("/applications/" + draft).with(as("worker1")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select status from enrollment_application where id = ?", String.class, draft))
                .isEqualTo(ApplicationStatus.IN_REVIEW.name());

        String refused = mvc.perform(post("/applications/{id}/delete", draft).with(as("worker1")).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("只有草稿可以删除");
        mvc.perform(get("/applications/{id}/delete", draft).with(as("worker1"))).andExpect(status().isConflict());
        assertThat(exists(draft)).isTrue();
        assertThat(mvc.perform(get("/applications").with(as("worker1"))).andReturn().getResponse().getContentAsString())
                .doesNotContain("/applications/" + draft + "/delete");
    }

    @Test
    void unionStaffDeleteADraftTheyStartedForAWorker() throws Exception {
        var result = mvc.perform(ApplicationFormPost.complete("张伟").with("action", "save")
                        .with("applicantUsername", "worker1").postTo("/applications").with(as("union1")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        Long draft = applicationIdIn(result.getResponse().getRedirectedUrl());

        mvc.perform(post("/applications/{id}/delete", draft).with(as("worker1")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/applications/{id}/delete", draft).with(as("union1")).with(csrf()))
                .andExpect(redirectedUrl("/applications"));
        assertThat(exists(draft)).isFalse();
    }
}
