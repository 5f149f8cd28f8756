package cn.hardshiprelief.notification;

import cn.hardshiprelief.organization.AppUserRepository;
import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.People;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The notification centre as a person uses it: their notifications newest first, twenty to a page, the unread
 * count in the header of every page, opening one (read, and on to its case), marking one or all read; nobody
 * else's, and no id that names nothing or is no number. Each test has a worker of its own, so the counts are theirs.
 */
@AppTest
class NotificationCentrePagesTest {

    @Autowired MockMvc mvc;
    @Autowired AppUserDetailsService users;
    @Autowired People people;
    @Autowired Notifications notifications;
    @Autowired NotificationRepository stored;
    @Autowired AppUserRepository accounts;

    private String worker;

    @BeforeEach
    void aWorkerWithoutNotifications() {
        worker = people.newWorkerOf("C01D01");
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private String page(String url, String username) throws Exception {
        return mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private List<Notification> of(String username) {
        return stored.findByRecipientOrderByCreatedAtDescIdDesc(username, PageRequest.of(0, 50)).getContent();
    }

    private static int count(String html, String text) {
        Matcher m = Pattern.compile(Pattern.quote(text)).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void myNotificationsAreListedNewestFirstWithTheUnreadCountInTheHeader() throws Exception {
        notifications.notify(worker, NotificationKind.APPROVED, "/applications/1", "SQ2025000001");
        notifications.notify(worker, NotificationKind.REJECTED, "/applications/2", "SQ2025000002", "收入高于标准");
        notifications.notify(worker, NotificationKind.URGED, "/tasks/t1/open", "部门负责人审核", "SQ2025000003", "王强");

        String html = page("/notifications", worker);

        assertThat(html).contains("id=\"unread-count\">3</span>", "全部标为已读（3）");
        int urged = html.indexOf("王强 催您办理：部门负责人审核（SQ2025000003）");
        int rejected = html.indexOf("您的申请 SQ2025000002 未获通过：收入高于标准");
        int approved = html.indexOf("您的申请 SQ2025000001 已审核通过");
        assertThat(urged).isPositive().isLessThan(rejected);
        assertThat(rejected).isLessThan(approved);
        assertThat(count(html, "class=\"card notification unread\"")).isEqualTo(3);
        // the header of any other page counts them too
        assertThat(page("/tasks", worker)).contains("id=\"unread-count\">3</span>");
    }

    @Test
    void theCentreReadsInEnglishOnRequestWithTheStepNameInEnglish() throws Exception {
        notifications.notify(worker, NotificationKind.TASK_ARRIVED, "/tasks/t1/open",
                new org.springframework.context.support.DefaultMessageSourceResolvable(
                        new String[]{"step.reviewByDepartmentHead"}, "部门负责人审核"),
                new org.springframework.context.support.DefaultMessageSourceResolvable(
                        new String[]{"notification.process.hardshipEnrollment"}, "困难职工建档申请"));

        assertThat(page("/notifications", worker)).contains("新待办：部门负责人审核（困难职工建档申请）");
        assertThat(page("/notifications?lang=en", worker))
                .contains("New task: Department head review (Hardship enrollment)", "Mark all as read (1)");
    }

    @Test
    void twentyToAPageAndTheRestOnTheNext() throws Exception {
        for (int i = 1; i <= 25; i++) {
            notifications.notify(worker, NotificationKind.APPROVED, "/applications/" + i, String.format("SQ%010d", i));
        }

        String first = page("/notifications", worker);
        String second = page("/notifications?page=1", worker);

        assertThat(count(first, "class=\"card notification unread\"")).isEqualTo(20);
        assertThat(first).contains("SQ0000000025", "SQ0000000006", "rel=\"next\"").doesNotContain("SQ0000000005");
        assertThat(count(second, "class=\"card notification unread\"")).isEqualTo(5);
        assertThat(second).contains("SQ0000000005", "SQ0000000001", "rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(page("/notifications?page=999", worker)).contains("暂无通知");
    }

    @Test
    void openingANotificationMarksItReadAndGoesToItsCase() throws Exception {
        notifications.notify(worker, NotificationKind.APPROVED, "/applications/42", "SQ2025000042");
        Notification notification = of(worker).get(0);

        mvc.perform(post("/notifications/open").param("id", notification.getId().toString()).with(as(worker)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/applications/42"));

        assertThat(stored.findById(notification.getId()).orElseThrow().isRead()).isTrue();
        String html = page("/notifications", worker);
        assertThat(html).contains("class=\"card notification read\"").doesNotContain("id=\"unread-count\"");
    }

    @Test
    void oneOrAllAreMarkedReadByPost() throws Exception {
        for (int i = 1; i <= 3; i++) {
            notifications.notify(worker, NotificationKind.APPROVED, "/applications/" + i, "SQ" + i);
        }
        Notification newest = of(worker).get(0);

        mvc.perform(post("/notifications/read").param("id", newest.getId().toString()).with(as(worker)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/notifications"));
        assertThat(of(worker)).extracting(Notification::isRead).containsExactly(true, false, false);
        assertThat(page("/notifications", worker)).contains("id=\"unread-count\">2</span>");

        mvc.perform(post("/notifications/read-all").with(as(worker)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/notifications"))
                .andExpect(flash().attribute("success", "notification.allMarkedRead"))
                .andExpect(flash().attribute("successArg", 2));
        assertThat(of(worker)).extracting(Notification::isRead).containsExactly(true, true, true);
        assertThat(page("/notifications", worker)).doesNotContain("id=\"unread-count\"", "全部标为已读");
    }

    @Test
    void markingWithoutTheFormsTokenIsRefused() throws Exception {
        notifications.notify(worker, NotificationKind.APPROVED, "/applications/7", "SQ7");
        Notification notification = of(worker).get(0);

        mvc.perform(post("/notifications/read").param("id", notification.getId().toString()).with(as(worker)))
                .andExpect(status().isForbidden());

        assertThat(stored.findById(notification.getId()).orElseThrow().isRead()).isFalse();
    }

    @Test
    void someoneElsesNotificationIsForbiddenAndStaysUnread() throws Exception {
        notifications.notify(worker, NotificationKind.APPROVED, "/applications/8", "SQ8");
        Notification notification = of(worker).get(0);
        String other = people.newWorkerOf("C01D01");

        for (String action : new String[]{"/notifications/read", "/notifications/open"}) {
            String html = mvc.perform(post(action).param("id", notification.getId().toString()).with(as(other)).with(csrf()))
                    .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
            assertThat(html).contains("通知 " + notification.getId() + " 不是发给您的");
        }
        assertThat(stored.findById(notification.getId()).orElseThrow().isRead()).isFalse();
        assertThat(page("/notifications", other)).contains("暂无通知").doesNotContain("SQ8");
    }

    @Test
    void anUnknownIdIsNotFound() throws Exception {
        String html = mvc.perform(post("/notifications/read").param("id", "987654321").with(as(worker)).with(csrf()))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("通知 987654321 不存在");
    }

    @Test
    void anIdThatIsNoNumberOrNoIdAtAllIsABadRequest() throws Exception {
        mvc.perform(post("/notifications/read").param("id", "abc").with(as(worker)).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/notifications/open").param("id", "1; drop table notification").with(as(worker)).with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/notifications/read").with(as(worker)).with(csrf()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aPersonChoosesEmailWithAnAddressAndIsRefusedEmailWithoutOne() throws Exception {
        mvc.perform(post("/notifications/settings").param("email", "zhang.wei@example.cn").param("byEmail", "true")
                        .with(as(worker)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/notifications/settings"));
        assertThat(accounts.findById(worker).orElseThrow().getEmail()).isEqualTo("zhang.wei@example.cn");
        assertThat(accounts.findById(worker).orElseThrow().isNotifyByEmail()).isTrue();
        assertThat(page("/notifications/settings", worker)).contains("value=\"zhang.wei@example.cn\"", "checked",
                "本系统尚未配置邮件服务器");

        String refused = mvc.perform(post("/notifications/settings").param("email", "").param("byEmail", "true")
                        .with(as(worker)).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("选择邮件通知时请填写电子邮箱");
        String invalid = mvc.perform(post("/notifications/settings").param("email", "not-an-address")
                        .with(as(worker)).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(invalid).contains("请填写有效的电子邮箱地址");
        String noCheckbox = mvc.perform(post("/notifications/settings").param("email", "a@example.cn")
                        .param("byEmail", "yes please").with(as(worker)).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(noCheckbox).contains("请勾选或不勾选");
        assertThat(accounts.findById(worker).orElseThrow().isNotifyByEmail()).isTrue();

        mvc.perform(post("/notifications/settings").param("email", "zhang.wei@example.cn").with(as(worker)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(accounts.findById(worker).orElseThrow().isNotifyByEmail()).isFalse();
    }

    @Test
    void aLinkOutsideTheApplicationIsRefusedWhenNotifying() {
        for (String link : new String[]{"https://evil.example/x", "//evil.example/x", "applications/1", null}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                            notifications.notify(worker, NotificationKind.APPROVED, link, "SQ1"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(of(worker)).isEmpty();
    }
}
