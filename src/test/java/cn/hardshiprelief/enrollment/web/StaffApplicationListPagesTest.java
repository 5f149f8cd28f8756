package cn.hardshiprelief.enrollment.web;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.EarlierStories;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.People;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 申请一览: staff see the applications of their remit, a page at a time, those in progress unless they ask for
 * another status; the service decides the remit, and every application on a person's list opens for them.
 * An enterprise application of 生产部 (worker1), and union-route ones of 城关街道 (worker3) and 工业园区 (worker4).
 */
@AppTest
class StaffApplicationListPagesTest {

    private static final Pattern ROW_LINK = Pattern.compile("href=\"/applications/(\\d+)\"");

    @Autowired MockMvc mvc;
    @Autowired AppUserDetailsService users;
    @Autowired Enrollments enrollments;
    @Autowired People people;
    @Autowired JdbcTemplate jdbc;
    @Autowired EarlierStories earlierStories;

    private EnrollmentApplication enterprise;
    private EnrollmentApplication cityStreet;
    private EnrollmentApplication industrialPark;

    @BeforeEach
    void threeApplicationsInReview() {
        enterprise = enrollments.submittedBy("worker1");
        cityStreet = enrollments.submittedBy("worker3");
        industrialPark = enrollments.submittedBy("worker4");
    }

    /** The demo workers leave here free to apply again, for the stories that follow in this context. */
    @AfterEach
    void closeTheApplicationsAndRemoveThePeopleMadeHere() {
        List.of("worker1", "worker3", "worker4").forEach(earlierStories::closeHouseholdsOf);
        people.removeAll();
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private String list(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private String list(String username) throws Exception {
        return list(username, get("/applications/all"));
    }

    /** The applications a list page links to, in its order. */
    private static List<Long> listed(String html) {
        String table = html.contains("<tbody>") ? html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>")) : "";
        Matcher m = ROW_LINK.matcher(table);
        List<Long> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(Long.valueOf(m.group(1)));
        }
        return ids;
    }

    @Test
    void administratorsAndTheCountyUnionSeeEveryApplicationInProgressOfTheirReachNewestFirst() throws Exception {
        for (String staff : List.of("admin", "county1")) {
            List<Long> ids = listed(list(staff));
            assertThat(ids).as(staff).contains(enterprise.getId(), cityStreet.getId(), industrialPark.getId());
            assertThat(ids.indexOf(industrialPark.getId())).isLessThan(ids.indexOf(enterprise.getId()));
        }
        String page = list("county1");
        assertThat(page).contains("申请一览", enterprise.getApplicationNumber(), "张伟", "生产部", "企业审批",
                "王芳", "工会审批", "审核中");
    }

    @Test
    void aBranchUnionSeesItsOwnUnionRouteCasesOnlyAndNoOtherOpens() throws Exception {
        assertThat(listed(list("branch1"))).contains(cityStreet.getId())
                .doesNotContain(enterprise.getId(), industrialPark.getId());
        assertThat(listed(list("branch2"))).contains(industrialPark.getId()).doesNotContain(cityStreet.getId());
        mvc.perform(get("/applications/{id}", industrialPark.getId()).with(as("branch1"))).andExpect(status().isForbidden());
    }

    @Test
    void theEnterpriseChainSeesItsCompanysCasesAndTheDepartmentHeadOnlyTheDepartments() throws Exception {
        for (String staff : List.of("head1", "director1", "hr1", "office1")) {
            assertThat(listed(list(staff))).as(staff).contains(enterprise.getId())
                    .doesNotContain(cityStreet.getId(), industrialPark.getId());
        }
        assertThat(listed(list("head2"))).doesNotContain(enterprise.getId());
    }

    @Test
    void theCompanysOwnUnionSeesAndOpensTheCompanysApplications() throws Exception {
        assertThat(listed(list("union1"))).contains(enterprise.getId()).doesNotContain(cityStreet.getId());
        mvc.perform(get("/applications/{id}", enterprise.getId()).with(as("union1"))).andExpect(status().isOk());
    }

    @Test
    void everyApplicationOnAListOpensForItsReader() throws Exception {
        for (String staff : List.of("county1", "branch1", "branch2", "head1", "hr1", "union1")) {
            for (Long id : listed(list(staff, get("/applications/all").param("status", "ALL")))) {
                mvc.perform(get("/applications/{id}", id).with(as(staff))).andExpect(status().isOk());
            }
        }
    }

    @Test
    void someoneWithTwoRolesSeesTheCasesOfBoth() throws Exception {
        String both = people.withRoles("branchAndDirector", "CU01B01", "branchUnion_CU01B01", "director_C01");
        assertThat(listed(list(both))).contains(cityStreet.getId(), enterprise.getId())
                .doesNotContain(industrialPark.getId());
    }

    @Test
    void aWorkerHasNoSuchListAndNoLinkToIt() throws Exception {
        String refused = mvc.perform(get("/applications/all").with(as("worker1"))).andExpect(status().isForbidden())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("申请一览只对审批和经办人员开放");
        assertThat(list("worker1", get("/applications"))).doesNotContain("href=\"/applications/all\"");
        assertThat(list("county1", get("/applications"))).contains("href=\"/applications/all\"");
    }

    @Test
    void finishedApplicationsAreShownWhenTheirStatusIsAskedFor() throws Exception {
        enrollments.decide("head1", enterprise.getId(), "reject", "不符合条件");

        assertThat(listed(list("hr1"))).doesNotContain(enterprise.getId());
        assertThat(listed(list("hr1", get("/applications/all").param("status", "REJECTED")))).contains(enterprise.getId());
        assertThat(listed(list("hr1", get("/applications/all").param("status", "ALL")))).contains(enterprise.getId());
        assertThat(list("hr1", get("/applications/all").param("status", "REJECTED"))).contains("不予通过");
        assertThat(listed(list("hr1", get("/applications/all").param("status", "IN_REVIEW"))))
                .doesNotContain(enterprise.getId());
    }

    @Test
    void anApplicationIsFoundByItsNumber() throws Exception {
        assertThat(listed(list("admin", get("/applications/all").param("number", cityStreet.getApplicationNumber()))))
                .containsExactly(cityStreet.getId());
        assertThat(listed(list("branch2", get("/applications/all").param("number", cityStreet.getApplicationNumber()))))
                .isEmpty();
    }

    @Test
    void aStatusNoPageOffersAndDraftsAreRefusedAndPageNumbersOutOfRangeAreHarmless() throws Exception {
        for (String bad : List.of("maybe", "DRAFT", "长".repeat(200))) {
            mvc.perform(get("/applications/all").param("status", bad).with(as("admin"))).andExpect(status().isBadRequest());
        }
        mvc.perform(get("/applications/all").param("page", "99999999999").with(as("admin"))).andExpect(status().isBadRequest());
        assertThat(listed(list("admin", get("/applications/all").param("page", "-5")))).isNotEmpty();
        assertThat(listed(list("admin", get("/applications/all").param("page", "2147483647")))).isEmpty();
    }

    @Test
    void theListComesFiftyAPageWithALinkToTheNext() throws Exception {
        String worker = people.newWorkerOf("C01D02");
        Long department = jdbc.queryForObject("select id from org_unit where code = 'C01D02'", Long.class);
        Long company = jdbc.queryForObject("select id from org_unit where code = 'C01'", Long.class);
        for (int i = 0; i < 55; i++) {
            jdbc.update("insert into enrollment_application (request_token, applicant_username, filed_by_username,"
                    + " company_id, department_id, route, status, created_at, version)"
                    + " values (?, ?, ?, ?, ?, 'ENTERPRISE', 'REJECTED', current_timestamp, 0)",
                    UUID.randomUUID().toString(), worker, worker, company, department);
        }
        String first = list("admin", get("/applications/all").param("status", "REJECTED"));
        assertThat(listed(first)).hasSize(50);
        assertThat(first).containsPattern("href=\"/applications/all\\?status=REJECTED[^\"]*page=1\"");
        assertThat(listed(list("admin", get("/applications/all").param("status", "REJECTED").param("page", "1"))))
                .isNotEmpty().doesNotContainAnyElementsOf(listed(first));
    }

    @Test
    void theListIsInEnglishOnRequest() throws Exception {
        assertThat(list("county1", get("/applications/all").param("lang", "en")))
                .contains("Applications", "Union route", "In progress");
    }
}
