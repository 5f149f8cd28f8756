package cn.hardshiprelief.enrollment.web;

import cn.hardshiprelief.support.EarlierStories;
import org.junit.jupiter.api.BeforeEach;
import cn.hardshiprelief.enrollment.ApplicationQueries;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.support.AppTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;

import static cn.hardshiprelief.enrollment.web.ApplicationFormPost.fieldBlock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Input no browser of ours sends but anyone can: each is refused with a message (the form shown
 * again with what was typed, or a problem in the API's language), nothing saved, never a 500.
 */
@AppTest
class ApplicationBadInputTest {

    @Autowired
    EarlierStories earlierStories;

    /** A worker has one household in progress or on file; earlier tests of the shared context leave theirs. */
    @BeforeEach
    void workersFreeToApply() {
        earlierStories.closeHouseholdsOf("worker2");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    AppUserDetailsService users;
    @Autowired
    ApplicationQueries queries;
    @Autowired
    Directory directory;

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private int applicationsOf(String username) {
        return queries.mine(directory.actor(username)).size();
    }

    private String apiProblem(String json, int expectedStatus) throws Exception {
        return mvc.perform(post("/api/applications").contentType(MediaType.APPLICATION_JSON).content(json)
                        .with(httpBasic("worker2", "demo123")))
                .andExpect(status().is(expectedStatus)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void anEmptyJsonApplicationIsA400ListingWhatIsMissing() throws Exception {
        int before = applicationsOf("worker2");

        String problem = apiProblem("{}", 400);

        assertThat(problem).contains("\"code\":\"application.incomplete\"").contains("请至少填写一名家庭成员");
        assertThat(applicationsOf("worker2")).isEqualTo(before);
    }

    @Test
    void aNullMemberInTheJsonIsA400OnThatMember() throws Exception {
        String problem = apiProblem("{\"members\":[null]}", 400);

        assertThat(problem).contains("\"members[0]\"").contains("请填写这一名家庭成员");
    }

    @Test
    void aDraftWithANullMemberIsA400Too() throws Exception {
        mvc.perform(post("/api/applications?draft=true").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"members\":[null,null]}").with(httpBasic("worker2", "demo123")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void submittingWithoutAnyMemberShowsTheFormAgainSayingAMemberIsNeeded() throws Exception {
        int before = applicationsOf("worker2");

        String html = mvc.perform(post("/applications").with(as("worker2")).with(csrf())
                        .param("requestToken", "no-members-" + System.nanoTime()).param("action", "submit")
                        .param("account", "家里困难，尚未填写成员"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("请至少填写一名家庭成员").contains("家里困难，尚未填写成员");
        assertThat(applicationsOf("worker2")).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"members[100000].name", "members[-1].name", "members[x].name", "members[2147483648].name"})
    void aRowNumberOutOfRangeIsRefusedWithAMessage(String field) throws Exception {
        int before = applicationsOf("worker2");

        String html = mvc.perform(ApplicationFormPost.complete("李娜").with(field, "某人").postTo("/applications")
                        .with(as("worker2")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("表单中的行号无效");
        assertThat(applicationsOf("worker2")).isEqualTo(before);
    }

    @Test
    void aNulCharacterInANameIsRefusedOnThatFieldKeepingTheRest() throws Exception {
        int before = applicationsOf("worker2");

        String html = mvc.perform(ApplicationFormPost.complete("李娜").with("members[1].name", "张\u0000小明")
                        .with("account", "孩子上学，开支大").postTo("/applications").with(as("worker2")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(fieldBlock(html, "members[1].name")).contains("不能含有控制字符");
        assertThat(html).contains("孩子上学，开支大");
        assertThat(applicationsOf("worker2")).isEqualTo(before);
    }
}
