package cn.hardshiprelief.notification;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.People;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Notification e-mail against a real SMTP server (GreenMail, on a free port of this machine): queued with the
 * notification, delivered only when the outbox is sent (after the commit), to people who chose e-mail; a try the
 * server does not take is repeated after a pause, and a mail that failed every try is listed for administrators,
 * who may send it again.
 */
@AppTest
class NotificationMailTest {

    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(true);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("hardship.notifications.base-url", () -> "https://relief.example.cn/");
        registry.add("hardship.notifications.mail.from", () -> "notify@relief.example.cn");
    }

    @Autowired Enrollments enrollments;
    @Autowired People people;
    @Autowired Directory directory;
    @Autowired EmailPreferences preferences;
    @Autowired Notifications notifications;
    @Autowired MailOutbox outbox;
    @Autowired OutgoingMailRepository mails;
    @Autowired MockMvc mvc;
    @Autowired AppUserDetailsService users;

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void choosesEmail(String username, String address) {
        preferences.choose(directory.actor(username), EmailPreferenceForm.of(address, true));
    }

    private OutgoingMail mailTo(String username, OutgoingMail.Status status) {
        return mails.findByStatusOrderByNextAttemptAtDesc(status, PageRequest.of(0, 50)).stream()
                .filter(m -> m.getRecipient().equals(username)).findFirst().orElseThrow();
    }

    private static String body(MimeMessage message) throws Exception {
        return ((String) message.getContent()).replace("\r\n", "\n");
    }

    @Test
    void aTaskArrivingAndADecisionReachThoseWhoChoseEmailOnceTheOutboxIsSent() throws Exception {
        choosesEmail("head1", "head1@relief.example.cn");
        String worker = people.newWorkerOf("C01D01");
        choosesEmail(worker, worker + "@relief.example.cn");
        EnrollmentApplication application = enrollments.submittedBy(worker);
        String task = enrollments.openTaskId(application.getId());

        assertThat(smtp.getReceivedMessages()).as("nothing is sent inside the transaction").isEmpty();
        assertThat(outbox.sendDue()).isEqualTo(1);

        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage toHead = smtp.getReceivedMessages()[0];
        assertThat(Arrays.stream(toHead.getAllRecipients()).map(Object::toString)).containsExactly("head1@relief.example.cn");
        assertThat(toHead.getFrom()[0].toString()).isEqualTo("notify@relief.example.cn");
        assertThat(toHead.getSubject()).isEqualTo("【困难职工帮扶】新待办：部门负责人审核（困难职工建档申请）");
        assertThat(body(toHead)).startsWith("新待办：部门负责人审核（困难职工建档申请）\n\n查看：https://relief.example.cn/tasks/"
                + task + "/open\n");
        assertThat(mailTo("head1", OutgoingMail.Status.SENT).getAttempts()).isEqualTo(1);

        enrollments.decide("head1", application.getId(), "reject", "家庭人均收入高于标准");
        assertThat(outbox.sendDue()).isEqualTo(1);
        assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage toWorker = smtp.getReceivedMessages()[1];
        assertThat(toWorker.getAllRecipients()[0].toString()).isEqualTo(worker + "@relief.example.cn");
        assertThat(toWorker.getSubject()).isEqualTo("【困难职工帮扶】您的申请 " + application.getApplicationNumber()
                + " 未获通过：家庭人均收入高于标准");
        assertThat(body(toWorker)).contains("查看：https://relief.example.cn/applications/" + application.getId());
        assertThat(outbox.sendDue()).as("each mail is sent once").isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void someoneWhoDidNotChooseEmailGetsNone() {
        String worker = people.newWorkerOf("C01D01");
        preferences.choose(directory.actor(worker), EmailPreferenceForm.of(worker + "@relief.example.cn", false));

        notifications.notify(worker, NotificationKind.APPROVED, "/applications/1", "SQ1");

        assertThat(outbox.sendDue()).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aMailTheServerDidNotTakeIsTriedAgainAfterAPauseAndThenDelivered() throws Exception {
        String worker = people.newWorkerOf("C01D01");
        choosesEmail(worker, worker + "@relief.example.cn");
        smtp.stop();
        notifications.notify(worker, NotificationKind.APPROVED, "/applications/9", "SQ2025000009");
        Instant now = Instant.now();

        assertThat(outbox.sendDue(now)).isZero();
        OutgoingMail waiting = mailTo(worker, OutgoingMail.Status.PENDING);
        assertThat(waiting.getAttempts()).isEqualTo(1);
        assertThat(waiting.getLastError()).isNotBlank();
        // a minute on, as the database keeps it (rounded to microseconds on H2, to seconds on MySQL)
        assertThat(waiting.getNextAttemptAt()).isBetween(now.plus(Duration.ofMinutes(1)).minusSeconds(1),
                now.plus(Duration.ofMinutes(1)).plusSeconds(1));

        smtp.start();
        assertThat(outbox.sendDue(now.plusSeconds(30))).as("not due before its pause is over").isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(outbox.sendDue(now.plusSeconds(61))).isEqualTo(1);

        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("【困难职工帮扶】您的申请 SQ2025000009 已审核通过");
        OutgoingMail sent = mails.findById(waiting.getId()).orElseThrow();
        assertThat(sent.getStatus()).isEqualTo(OutgoingMail.Status.SENT);
        assertThat(sent.getAttempts()).isEqualTo(2);
        assertThat(sent.getLastError()).isNull();
    }

    @Test
    void aMailThatFailedEveryTryIsListedForAdministratorsWhoSendItAgain() throws Exception {
        String worker = people.newWorkerOf("C01D01");
        choosesEmail(worker, worker + "@relief.example.cn");
        smtp.stop();
        notifications.notify(worker, NotificationKind.REJECTED, "/applications/10", "SQ2025000010", "收入高于标准");
        Instant later = Instant.now();
        for (int i = 0; i < OutgoingMail.MAX_ATTEMPTS; i++) {
            later = later.plus(Duration.ofDays(1));
            outbox.sendDue(later);
        }

        OutgoingMail failed = mailTo(worker, OutgoingMail.Status.FAILED);
        assertThat(failed.getAttempts()).isEqualTo(6);
        String page = mvc.perform(get("/admin/mail").with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"mail-" + failed.getId() + "\"", worker + "@relief.example.cn",
                "【困难职工帮扶】您的申请 SQ2025000010 未获通过：收入高于标准", "重新发送");
        mvc.perform(get("/admin/mail").with(user(users.loadUserByUsername(worker)))).andExpect(status().isForbidden());

        mvc.perform(post("/admin/mail/retry").param("id", failed.getId().toString())
                        .with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/mail"));
        assertThat(mails.findById(failed.getId()).orElseThrow().getStatus()).isEqualTo(OutgoingMail.Status.PENDING);

        smtp.start();
        assertThat(outbox.sendDue()).isEqualTo(1);
        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo(worker + "@relief.example.cn");
        assertThat(mails.findById(failed.getId()).orElseThrow().getStatus()).isEqualTo(OutgoingMail.Status.SENT);
    }
}
