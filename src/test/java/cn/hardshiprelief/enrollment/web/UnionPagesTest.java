package cn.hardshiprelief.enrollment.web;

import cn.hardshiprelief.support.EarlierStories;
import org.junit.jupiter.api.BeforeEach;
import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.household.HouseholdFileRepository;
import cn.hardshiprelief.notice.PublicNotice;
import cn.hardshiprelief.notice.PublicNoticeRepository;
import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Enrollments;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Pages of the union route and of filing: who sees what, masking on the public notice, objections. */
@AppTest
class UnionPagesTest {

    @Autowired
    EarlierStories earlierStories;

    /** A worker has one household in progress or on file; earlier tests of the shared context leave theirs. */
    @BeforeEach
    void workersFreeToApply() {
        earlierStories.closeHouseholdsOf("worker1");
        earlierStories.closeHouseholdsOf("worker3");
    }

    @Autowired MockMvc mvc;
    @Autowired AppUserDetailsService users;
    @Autowired Enrollments enrollments;
    @Autowired PublicNoticeRepository notices;
    @Autowired HouseholdFileRepository files;
    @Autowired ProcessEngine engine;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private EnrollmentApplication onNotice(String worker, List<String> reviewers) {
        EnrollmentApplication application = enrollments.submittedBy(worker);
        for (String reviewer : reviewers) {
            enrollments.decide(reviewer, application.getId(), "approve", null);
        }
        return application;
    }

    /** A union-route application verified by its branch union, waiting for the county union. */
    private EnrollmentApplication atTheCountyUnion(String worker) throws Exception {
        EnrollmentApplication application = enrollments.submittedBy(worker);
        enrollments.decide("branch1", application.getId(), "approve", null);
        mvc.perform(post("/applications/{id}/verification", application.getId()).with(as("branch1")).with(csrf())
                        .param("action", "complete").param("incomeResult", "CONFIRMED").param("propertyResult", "CONFIRMED")
                        .param("familyResult", "CONFIRMED").param("visitDate", "2026-01-05").param("visitors", "吴刚")
                        .param("visitFindings", "情况属实").param("verificationComplete", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(enrollments.openStep(application.getId())).isEqualTo("approveByCountyUnion");
        return application;
    }

    @Test
    void theCountyUnionOpensTheReviewPageOfAUnionRouteApplicationNamingItsBranchUnion() throws Exception {
        EnrollmentApplication application = atTheCountyUnion("worker3");

        String html = mvc.perform(get("/tasks/{id}", enrollments.openTaskId(application.getId())).with(as("county1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains(application.getApplicationNumber()).contains("（城关街道工会）");
    }

    @Test
    void theCountyUnionOpensTheObjectionToAUnionRouteApplicationNamingItsBranchUnion() throws Exception {
        EnrollmentApplication application = atTheCountyUnion("worker3");
        enrollments.decide("county1", application.getId(), "approve", null);
        PublicNotice notice = notices.findByApplicationId(application.getId()).orElseThrow();
        mvc.perform(post("/public/notices/CU01B01/{id}/objections", notice.getId()).with(csrf())
                        .param("reason", "该户家中开有小卖部，收入未申报").param("contact", "13700000000")
                        .with(r -> { r.setRemoteAddr("10.9.8.1"); return r; }))
                .andExpect(status().is3xxRedirection());
        assertThat(enrollments.openStep(application.getId())).isEqualTo("decideObjection");

        String html = mvc.perform(get("/objections/{id}", enrollments.openTaskId(application.getId())).with(as("county1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("（城关街道工会）").contains("该户家中开有小卖部，收入未申报");
    }

    @Test
    void theApiTakesAnApplicationOnTheUnionRouteAndShowsItsBranchUnion() throws Exception {
        String id = cn.hardshiprelief.support.TestIdNumbers.born(java.time.LocalDate.of(1985, 4, 2));
        String json = "{\"housingType\":\"RENTED\",\"primaryCause\":\"LOW_INCOME\",\"members\":[{\"name\":\"王芳\","
                + "\"relation\":\"SELF\",\"idNumber\":\"" + id + "\",\"birthDate\":\"1985-04-02\",\"health\":\"HEALTHY\","
                + "\"disability\":\"NONE\",\"employment\":\"EMPLOYED\",\"schooling\":\"NONE\",\"monthlyIncome\":1500}]}";
        String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/applications")
                        .file(new org.springframework.mock.web.MockMultipartFile("application", "", "application/json",
                                json.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .file(Enrollments.pdf("证明.pdf"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("worker3", "demo123")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("\"route\":\"UNION\"").contains("\"branchUnion\":\"城关街道工会\"").contains("\"company\":null");
    }

    @Test
    void theBranchUnionOfAnotherBranchSeesNeitherTheApplicationNorItsVerification() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker3");
        mvc.perform(get("/applications/{id}", application.getId()).with(as("branch1"))).andExpect(status().isOk());
        mvc.perform(get("/applications/{id}", application.getId()).with(as("branch2"))).andExpect(status().isForbidden());
        mvc.perform(get("/applications/{id}/verification", application.getId()).with(as("branch2")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/applications/{id}", application.getId()).with(as("head1"))).andExpect(status().isForbidden());
        String inbox2 = cn.hardshiprelief.support.InboxPages.all(mvc, as("branch2"));
        assertThat(inbox2).doesNotContain(application.getApplicationNumber());
    }

    @Test
    void theVerificationPageRefusesToCompleteAnIncompleteRecordAndNamesWhatIsMissing() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker3");
        enrollments.decide("branch1", application.getId(), "approve", null);
        String page = mvc.perform(post("/applications/{id}/verification", application.getId()).with(as("branch1")).with(csrf())
                        .param("action", "complete").param("incomeResult", "CONFIRMED"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("请填写入户走访的日期、人员和情况").contains("请填写财产和住房核查结果");
        assertThat(enrollments.openStep(application.getId())).isEqualTo("verifyHousehold");

        String unconfirmed = mvc.perform(post("/applications/{id}/verification", application.getId()).with(as("branch1"))
                        .with(csrf()).param("action", "complete").param("incomeResult", "CONFIRMED")
                        .param("propertyResult", "CONFIRMED").param("familyResult", "CONFIRMED")
                        .param("visitDate", "2026-01-05").param("visitors", "吴刚").param("visitFindings", "情况属实"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(unconfirmed).as("the step's Camunda Form asks to confirm, and what was typed stays")
                .contains("三查一访已完成", "此项为必填项", "吴刚", "情况属实");
        assertThat(enrollments.openStep(application.getId())).isEqualTo("verifyHousehold");

        mvc.perform(post("/applications/{id}/verification", application.getId()).with(as("branch1")).with(csrf())
                        .param("action", "complete").param("incomeResult", "CONFIRMED").param("propertyResult", "CONFIRMED")
                        .param("familyResult", "CONFIRMED").param("visitDate", "2026-01-05").param("visitors", "吴刚")
                        .param("visitFindings", "情况属实").param("verificationComplete", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(enrollments.openStep(application.getId())).isEqualTo("approveByCountyUnion");
    }

    @Test
    void thePublicNoticeShowsOnlyMaskedDataWithoutLogin() throws Exception {
        EnrollmentApplication application = onNotice("worker1", List.of("head1", "director1", "hr1", "office1"));
        EnrollmentApplication noticed = enrollments.reload(application.getId());
        String html = mvc.perform(get("/public/notices/C01")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("张*").doesNotContain("张伟");
        noticed.getMembers().forEach(m -> assertThat(html).doesNotContain(m.getName().length() > 1 ? m.getName() : "~"));
        assertThat(html).contains(noticed.getMembers().get(0).getIdNumberMasked());
        assertThat(html).doesNotContainPattern("\\d{17}[\\dX]");
    }

    @Test
    void anObjectionWithoutAReasonIsRefusedAndAFloodIsStopped() throws Exception {
        EnrollmentApplication application = onNotice("worker1", List.of("head1", "director1", "hr1", "office1"));
        PublicNotice notice = notices.findByApplicationId(application.getId()).orElseThrow();
        String url = "/public/notices/C01/" + notice.getId() + "/objections";
        mvc.perform(post(url).with(csrf()).param("reason", " ").param("contact", "138").with(r -> { r.setRemoteAddr("10.9.9.1"); return r; }))
                .andExpect(status().isBadRequest());
        assertThat(enrollments.openStep(application.getId())).isNull();
        mvc.perform(post(url).with(csrf()).param("reason", "该户隐瞒了经营收入").param("contact", "13900000000")
                        .with(r -> { r.setRemoteAddr("10.9.9.2"); return r; }))
                .andExpect(status().is3xxRedirection());
        assertThat(enrollments.openStep(application.getId())).isEqualTo("decideObjection");
        for (int i = 0; i < 2; i++) {
            mvc.perform(post(url).with(csrf()).param("reason", "再次反映情况不实").param("contact", "139")
                    .with(r -> { r.setRemoteAddr("10.9.9.2"); return r; })).andExpect(status().is3xxRedirection());
        }
        mvc.perform(post(url).with(csrf()).param("reason", "第四次反映").param("contact", "139")
                .with(r -> { r.setRemoteAddr("10.9.9.2"); return r; })).andExpect(status().isTooManyRequests());
        mvc.perform(post("/public/notices/C01/999999/objections").with(csrf()).param("reason", "不存在的公示")
                .param("contact", "1")).andExpect(status().isNotFound());
    }

    @Test
    void householdFilesAreSearchedWithinOnesOwnUnionAndByExactIdentityNumber() throws Exception {
        EnrollmentApplication application = onNotice("worker1", List.of("head1", "director1", "hr1", "office1"));
        var timer = engine.getManagementService().createJobQuery().processInstanceId(application.getProcessInstanceId())
                .timers().singleResult();
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(6, ChronoUnit.DAYS)));
        engine.getManagementService().executeJob(timer.getId());
        var file = files.findByApplicationId(application.getId()).orElseThrow();
        String idNumber = enrollments.plainIdNumberOfHead(application.getId());

        String found = mvc.perform(get("/households").param("idNumber", idNumber).with(as("hr1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(found).contains(file.getFileNumber()).doesNotContain(idNumber);
        String byCounty = mvc.perform(get("/households").param("name", "张伟").with(as("county1")))
                .andReturn().getResponse().getContentAsString();
        assertThat(byCounty).contains(file.getFileNumber());
        String otherBranch = mvc.perform(get("/households").with(as("branch2"))).andReturn().getResponse().getContentAsString();
        assertThat(otherBranch).doesNotContain(file.getFileNumber());
        mvc.perform(get("/households/{id}", file.getId()).with(as("branch2"))).andExpect(status().isForbidden());
        mvc.perform(get("/households/{id}", file.getId()).with(as("hr1"))).andExpect(status().isOk());
        mvc.perform(get("/households/{id}", 9_999_999L).with(as("hr1"))).andExpect(status().isNotFound());
        mvc.perform(get("/households").with(as("worker1"))).andExpect(status().isForbidden());
    }

    @Test
    void anObjectionAsLongAsTheFormAllowsIsRecordedInFullAndALongerOneShownAgain() throws Exception {
        EnrollmentApplication application = onNotice("worker1", List.of("head1", "director1", "hr1", "office1"));
        PublicNotice notice = notices.findByApplicationId(application.getId()).orElseThrow();
        String url = "/public/notices/C01/" + notice.getId() + "/objections";
        String tooLong = "该户有经营收入".repeat(286);

        String refused = mvc.perform(post(url).with(csrf()).param("reason", tooLong).param("contact", "13900000001")
                        .with(r -> { r.setRemoteAddr("10.9.7.1"); return r; }))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains(tooLong);

        String reason = "该户有经营收入".repeat(285);
        mvc.perform(post(url).with(csrf()).param("reason", reason).param("contact", "13900000001")
                        .with(r -> { r.setRemoteAddr("10.9.7.1"); return r; }))
                .andExpect(status().is3xxRedirection());
        assertThat(enrollments.openStep(application.getId())).isEqualTo("decideObjection");
        String page = mvc.perform(get("/objections/{id}", enrollments.openTaskId(application.getId())).with(as("county1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(reason);
    }

    @Test
    void aVisitUploadThatIsNoPdfOrImageIsRefusedOnItsFieldKeepingTheFindings() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker3");
        enrollments.decide("branch1", application.getId(), "approve", null);

        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/applications/{id}/verification", application.getId())
                        .file(new org.springframework.mock.web.MockMultipartFile("visitFiles", "照片.pdf", "application/pdf",
                                "not a pdf at all".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .param("action", "save").param("incomeResult", "CONFIRMED").param("visitFindings", "租住平房，家中无大件电器")
                        .with(as("branch1")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("不是 PDF、JPG 或 PNG 格式").contains("租住平房，家中无大件电器");
        assertThat(enrollments.openStep(application.getId())).isEqualTo("verifyHousehold");
    }

    @Test
    void aVisitPhotoIsKeptAcrossARefusalPreviewedInlineAndRefusedOutsideTheBranchUnion() throws Exception {
        EnrollmentApplication application = enrollments.submittedBy("worker3");
        enrollments.decide("branch1", application.getId(), "approve", null);

        String refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .multipart("/applications/{id}/verification", application.getId())
                        .file(Enrollments.png("visitFiles", "走访照片.png"))
                        .param("action", "save").param("visitors", "吴".repeat(201))
                        .with(as("branch1")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher kept = java.util.regex.Pattern.compile("name=\"keptUploads\" value=\"(\\d+)\"")
                .matcher(refused);
        assertThat(kept.find()).as("the refused form carries the kept photo").isTrue();
        assertThat(refused).contains("已上传：走访照片.png");

        mvc.perform(post("/applications/{id}/verification", application.getId()).with(as("branch1")).with(csrf())
                        .param("action", "save").param("visitors", "吴刚").param("keptUploads", kept.group(1)))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/applications/{id}/verification", application.getId()).with(as("county1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher photo = java.util.regex.Pattern
                .compile("<img src=\"(/applications/" + application.getId() + "/verification/documents/\\d+)\" alt=\"走访照片.png\"")
                .matcher(page);
        assertThat(photo.find()).as("the county union sees the photo as a thumbnail").isTrue();

        mvc.perform(get(photo.group(1)).with(as("county1"))).andExpect(status().isOk())
                .andExpect(result -> {
                    assertThat(result.getResponse().getContentType()).isEqualTo("image/png");
                    assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("inline;");
                    assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(Enrollments.PNG);
                });
        mvc.perform(get(photo.group(1)).with(as("branch2"))).andExpect(status().isForbidden());
        mvc.perform(get(photo.group(1)).with(as("worker1"))).andExpect(status().isForbidden());
        mvc.perform(get("/applications/{id}/verification/documents/{d}", application.getId(), 9_999_999L)
                .with(as("county1"))).andExpect(status().isNotFound());
    }
}
