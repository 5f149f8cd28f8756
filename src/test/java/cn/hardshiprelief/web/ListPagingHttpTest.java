package cn.hardshiprelief.web;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Enrollments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Lists answer a page at a time, whatever surface: the API's task list and "my applications" with {@code page} and
 * {@code size} (size cut to 50, a Link to the next page, 400 for a page that is no page), the inbox page with its
 * page links. A list that went back to "everything at once" fails here.
 */
@AppTest
class ListPagingHttpTest {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    Enrollments enrollments;
    @Autowired
    AppUserDetailsService users;

    private MockHttpServletResponse api(String username, String url) throws Exception {
        return mvc.perform(get(url).with(httpBasic(username, "demo123"))).andReturn().getResponse();
    }

    @Test
    void theApiTaskListComesInPagesEachLinkingToTheNextUntilTheLast() throws Exception {
        EnrollmentApplication first = enrollments.submittedBy("worker1");
        EnrollmentApplication second = enrollments.submittedBy("worker2");
        enrollments.decide("head1", first.getId(), "approve", "同意");
        enrollments.decide("head2", second.getId(), "approve", "同意");

        List<Long> listed = new ArrayList<>();
        String url = "/api/tasks?size=1";
        int pages = 0;
        while (url != null) {
            MockHttpServletResponse response = api("director1", url);
            assertThat(response.getStatus()).isEqualTo(200);
            JsonNode page = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
            assertThat(page.size()).as("one task a page at size 1").isLessThanOrEqualTo(1);
            page.forEach(task -> listed.add(task.path("applicationId").asLong()));
            String link = response.getHeader("Link");
            Matcher next = link == null ? null : NEXT.matcher(link);
            url = next != null && next.find() ? next.group(1) : null;
            if (url != null) {
                assertThat(url).isEqualTo("/api/tasks?page=" + (pages + 1) + "&size=1");
            }
            pages++;
        }
        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(listed).contains(first.getId(), second.getId()).doesNotHaveDuplicates();
    }

    @Test
    void aPageOfTheApiHoldsAtMostFiftyAndAPageThatIsNoPageIs400() throws Exception {
        enrollments.submittedBy("worker2");

        MockHttpServletResponse huge = api("head2", "/api/tasks?size=100000");
        assertThat(huge.getStatus()).isEqualTo(200);
        assertThat(json.readTree(huge.getContentAsString(StandardCharsets.UTF_8)).size()).isBetween(1, 50);

        for (String bad : List.of("page=-1", "page=abc", "size=0", "size=-5", "size=many")) {
            assertThat(api("head2", "/api/tasks?" + bad).getStatus()).as(bad).isEqualTo(400);
            assertThat(api("worker2", "/api/applications?" + bad).getStatus()).as(bad).isEqualTo(400);
        }
        MockHttpServletResponse mine = api("worker2", "/api/applications?size=1");
        assertThat(mine.getStatus()).isEqualTo(200);
        assertThat(json.readTree(mine.getContentAsString(StandardCharsets.UTF_8)).size()).isEqualTo(1);
        MockHttpServletResponse beyond = api("worker2", "/api/applications?page=100000");
        assertThat(json.readTree(beyond.getContentAsString(StandardCharsets.UTF_8)).size()).isZero();
        assertThat(beyond.getHeader("Link")).isNull();
    }

    @Test
    void theInboxPageShowsAPageOfTasksAndAPageBeyondTheLastIsEmptyNotAFailure() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker2");

        String inbox = mvc.perform(get("/tasks").with(user(users.loadUserByUsername("head2"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String far = mvc.perform(get("/tasks").param("page", "999999999").with(user(users.loadUserByUsername("head2"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(inbox).contains(application.getApplicationNumber());
        assertThat(inbox.split("class=\"card task\"", -1).length - 1).isBetween(1, 20);
        assertThat(far).contains("目前没有待办任务。").contains("上一页").doesNotContain("下一页");
        mvc.perform(get("/tasks").param("page", "abc").with(user(users.loadUserByUsername("head2"))))
                .andExpect(status().isBadRequest());
    }
}
