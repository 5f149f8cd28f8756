package cn.hardshiprelief.audit;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.Households;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who looked at personal data: recorded on every view and download, shown to the county union and administrators. */
@AppTest
class AccessLogPagesTest {

    @Autowired MockMvc mvc;
    @Autowired AppUserDetailsService users;
    @Autowired Households households;
    @Autowired Enrollments enrollments;
    @Autowired AccessLog accessLog;
    @Autowired AccessLogRepository entries;
    @Autowired Directory directory;

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private String page(String url, String username) throws Exception {
        return mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private java.util.List<Access> loggedBy(String username, AccessLogEntry.Kind kind, String subject) {
        return accessLog.search(directory.actor("admin"), new AccessSearch(username, kind, null, null, subject), 0)
                .getContent();
    }

    @Test
    void aViewOfAHouseholdByTheCompanyUnionIsListedOnTheFileForTheCountyUnion() throws Exception {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        mvc.perform(get("/households/{id}", file.getId()).with(as("union1")).with(from("10.20.30.40")))
                .andExpect(status().isOk());

        String html = page("/households/" + file.getId(), "county1");

        assertThat(html).contains("id=\"accesses\"", "查阅记录", "周丽", "union1", "10.20.30.40", "困难职工档案",
                file.getFileNumber(), "/households/" + file.getId() + "/access-log");
        assertThat(page("/households/" + file.getId() + "/access-log", "county1")).contains("周丽", "10.20.30.40");
        assertThat(page("/households/" + file.getId() + "?lang=en", "admin")).contains("Who looked at this file", "周丽");
    }

    @Test
    void theWorkerAndTheCompanyUnionDoNotSeeWhoLookedAtTheFile() throws Exception {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        page("/households/" + file.getId(), "county1");

        for (String reader : new String[] {"worker1", "union1"}) {
            assertThat(page("/households/" + file.getId(), reader)).doesNotContain("id=\"accesses\"", "孙杰");
            mvc.perform(get("/households/{id}/access-log", file.getId()).with(as(reader)))
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void theApplicationItsReviewPageAndAnEvidenceDownloadAreLoggedAgainstTheApplication() throws Exception {
        EnrollmentApplication application = enrollments.reload(enrollments.submittedBy("worker1").getId());
        Long evidenceId = application.getEvidence().get(0).getId();

        mvc.perform(get("/applications/{id}/evidence/{e}", application.getId(), evidenceId).with(as("head1"))
                .with(from("10.0.0.7"))).andExpect(status().isOk());
        page("/tasks/" + enrollments.openTaskId(application.getId()), "head1");
        page("/applications/" + application.getId(), "head1");

        assertThat(loggedBy("head1", AccessLogEntry.Kind.EVIDENCE, application.getApplicationNumber()))
                .singleElement().satisfies(a -> {
                    assertThat(a.recordId()).isEqualTo(application.getId());
                    assertThat(a.subject()).startsWith(application.getApplicationNumber()).endsWith("证明.pdf");
                    assertThat(a.address()).isEqualTo("10.0.0.7");
                    assertThat(a.displayName()).isEqualTo("王强");
                });
        assertThat(loggedBy("head1", AccessLogEntry.Kind.REVIEW_TASK, application.getApplicationNumber())).hasSize(1);
        assertThat(loggedBy("head1", AccessLogEntry.Kind.APPLICATION, application.getApplicationNumber())).hasSize(1);
    }

    @Test
    void theVerificationRecordOfAUnionRouteApplicationIsLoggedForItsBranchUnionOnly() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker3");
        enrollments.decide("branch1", application.getId(), "approve", null);

        page("/applications/" + application.getId() + "/verification", "branch1");
        mvc.perform(get("/applications/{id}/verification", application.getId()).with(as("branch2")))
                .andExpect(status().isForbidden());

        assertThat(loggedBy(null, AccessLogEntry.Kind.VERIFICATION, application.getApplicationNumber()))
                .extracting(Access::username).containsExactly("branch1");
    }

    @Test
    void theAdministratorFindsAViewByUsernameAndNobodyElseSearchesTheLog() throws Exception {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        page("/households/" + file.getId(), "union1");

        String found = page("/admin/access-log?username=union1&kind=HOUSEHOLD_FILE&subject=" + file.getFileNumber(),
                "admin");
        assertThat(found).contains("个人信息查阅记录", "周丽", file.getFileNumber(), "共 1 条");
        String none = page("/admin/access-log?username=union2&subject=" + file.getFileNumber(), "admin");
        assertThat(none).doesNotContain(file.getFileNumber() + "</span>").contains("暂无查阅记录");
        assertThat(page("/admin/access-log?lang=en&username=union1", "admin")).contains("Access log of personal data");

        for (String other : new String[] {"county1", "union1", "worker1"}) {
            mvc.perform(get("/admin/access-log").with(as(other))).andExpect(status().isForbidden());
        }
    }

    @Test
    void aMissingOrForbiddenRecordLogsNothing() throws Exception {
        HouseholdFile file = households.filed("worker1", Households.ENTERPRISE_CHAIN);
        long missing = 987_654_321L;

        mvc.perform(get("/households/{id}", missing).with(as("county1"))).andExpect(status().isNotFound());
        mvc.perform(get("/applications/{id}", missing).with(as("admin"))).andExpect(status().isNotFound());
        mvc.perform(get("/applications/{id}/evidence/{e}", file.getApplicationId(), missing).with(as("admin")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/households/{id}", file.getId()).with(as("worker2"))).andExpect(status().isForbidden());

        assertThat(entries.exists((root, q, cb) -> cb.equal(root.get("recordId"), missing))).isFalse();
        assertThat(loggedBy("worker2", null, file.getFileNumber())).isEmpty();
        assertThat(loggedBy("admin", AccessLogEntry.Kind.EVIDENCE, null))
                .noneMatch(a -> a.recordId().equals(file.getApplicationId()));
    }
}
