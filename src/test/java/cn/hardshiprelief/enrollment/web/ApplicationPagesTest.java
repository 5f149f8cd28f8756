package cn.hardshiprelief.enrollment.web;

import cn.hardshiprelief.support.EarlierStories;
import org.junit.jupiter.api.BeforeEach;
import cn.hardshiprelief.enrollment.ApplicationQueries;
import cn.hardshiprelief.enrollment.ApplicationStatus;
import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.enrollment.Evidence;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.security.AppUserDetailsService;
import cn.hardshiprelief.storage.StorageProperties;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.TestIdNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static cn.hardshiprelief.enrollment.web.ApplicationFormPost.applicationIdIn;
import static cn.hardshiprelief.enrollment.web.ApplicationFormPost.fieldBlock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The applicant's pages: filling in the application form, its refusals, and who may open what. */
@AppTest
class ApplicationPagesTest {

    @Autowired
    EarlierStories earlierStories;

    /** A worker has one household in progress or on file; earlier tests of the shared context leave theirs. */
    @BeforeEach
    void workersFreeToApply() {
        earlierStories.closeHouseholdsOf("worker1");
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
    @Autowired
    Enrollments enrollments;
    @Autowired
    StorageProperties storage;

    /** Logged in as a demo user, with the groups the database gives them. */
    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    private int applicationsOf(String username) {
        return queries.mine(directory.actor(username)).size();
    }

    private EnrollmentApplication application(Long id) {
        return enrollments.reload(id);
    }

    private String page(String url, String username) throws Exception {
        return mvc.perform(get(url).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** Posts a complete form as worker1 and returns the new application's id. */
    private Long submittedByWorker1(ApplicationFormPost form) throws Exception {
        MvcResult result = mvc.perform(form.postTo("/applications").with(as("worker1")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        return applicationIdIn(result.getResponse().getRedirectedUrl());
    }

    /** Every file in evidence storage, by relative path. */
    private Set<String> storedFiles() {
        Path dir = storage.dir();
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theNewApplicationPageIsInChineseAndInEnglishOnRequest() throws Exception {
        assertThat(page("/applications/new", "worker1")).contains("困难职工申请表", "家庭成员", "提交申请");
        assertThat(page("/applications/new?lang=en", "worker1")).contains("Hardship worker application")
                .doesNotContain("困难职工申请表");
    }

    @Test
    void aCompleteSubmissionLandsOnItsPageInReviewWithTheIdentityNumberMasked() throws Exception {
        ApplicationFormPost form = ApplicationFormPost.complete("张伟");

        MvcResult result = mvc.perform(form.postTo("/applications").with(as("worker1")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", "application.submitted")).andReturn();
        Long id = applicationIdIn(result.getResponse().getRedirectedUrl());
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/applications/" + id);

        EnrollmentApplication saved = application(id);
        assertThat(saved.getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(saved.getEvidence()).extracting(Evidence::getOriginalName).containsExactly("生活困难证明.pdf");
        String detail = page("/applications/" + id, "worker1");
        assertThat(detail).contains(saved.getApplicationNumber(), "审核中", "张伟", "张小明", "900.00",
                form.selfIdNumberMasked(), "生活困难证明.pdf");
        assertThat(detail).doesNotContain(form.selfIdNumber());
    }

    static Stream<Arguments> invalidMemberFields() {
        String valid = TestIdNumbers.born(ApplicationFormPost.SELF_BORN);
        char wrongCheck = valid.charAt(17) == '1' ? '2' : '1';
        return Stream.of(
                Arguments.of("members[0].idNumber", valid.substring(0, 17) + wrongCheck, "身份证号码校验位不正确，请核对"),
                Arguments.of("members[0].birthDate", "1978-05-13", "出生日期与身份证号码不一致（身份证为 1978-05-12）"),
                Arguments.of("members[0].monthlyIncome", "-1", "月收入不能为负数"),
                Arguments.of("members[0].monthlyIncome", "1000000", "月收入超出合理范围（不超过 100000 元），请核对"));
    }

    @ParameterizedTest(name = "{0} = {1} is refused with: {2}")
    @MethodSource("invalidMemberFields")
    void anInvalidMemberFieldReturnsTheFormWithTheReasonOnThatFieldAndSavesNothing(String field, String value,
                                                                                      String message) throws Exception {
        int before = applicationsOf("worker1");
        ApplicationFormPost form = ApplicationFormPost.complete("张伟").with(field, value);

        String html = mvc.perform(form.postTo("/applications").with(as("worker1")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("表单有错误，请按提示修改后再提交");
        assertThat(fieldBlock(html, field)).contains("invalid", message);
        assertThat(applicationsOf("worker1")).isEqualTo(before);
    }

    @Test
    void anIncomeOfAMillionIsCalledImplausibleNotGivenTooManyDecimals() throws Exception {
        ApplicationFormPost form = ApplicationFormPost.complete("张伟").with("members[0].monthlyIncome", "1000000");

        String html = mvc.perform(form.postTo("/applications").with(as("worker1")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        // 1000000 has no decimals at all: "最多两位小数" would send the applicant looking for the wrong mistake
        assertThat(fieldBlock(html, "members[0].monthlyIncome")).contains("月收入超出合理范围")
                .doesNotContain("两位小数");
    }

    @Test
    void theFormAsksForTheHireDateInBothLanguages() throws Exception {
        assertThat(page("/applications/new", "worker1")).contains("入职日期", "name=\"hireDate\"");
        assertThat(page("/applications/new?lang=en", "worker1")).contains("Hire date");
    }

    @Test
    void aCompanyWorkerSubmittingWithoutAHireDateIsAskedForItAndNothingIsSaved() throws Exception {
        int before = applicationsOf("worker1");
        ApplicationFormPost form = ApplicationFormPost.complete("张伟").with("hireDate", "");

        String html = mvc.perform(form.postTo("/applications").with(as("worker1")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("申请还不完整，不能提交", "请填写申请人的入职日期");
        assertThat(applicationsOf("worker1")).isEqualTo(before);
    }

    @Test
    void aHireDateBeforeTheApplicantsBirthIsRefusedOnItsField() throws Exception {
        ApplicationFormPost form = ApplicationFormPost.complete("张伟").with("hireDate", "1970-01-01");

        String html = mvc.perform(form.postTo("/applications").with(as("worker1")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(fieldBlock(html, "hireDate")).contains("invalid", "入职日期不能早于本人出生日期");
    }

    @Test
    void theHireDateIsKeptAndShownOnTheApplication() throws Exception {
        Long id = submittedByWorker1(ApplicationFormPost.complete("张伟").with("hireDate", "2016-04-18"));

        assertThat(application(id).getHireDate()).isEqualTo(java.time.LocalDate.of(2016, 4, 18));
        assertThat(page("/applications/" + id, "worker1")).contains("入职日期", "2016-04-18");
    }

    @Test
    void aDraftsHireDateComesBackInTheDateFieldInTheFormatABrowserReads() throws Exception {
        MvcResult saved = mvc.perform(ApplicationFormPost.complete("张伟").with("hireDate", "2016-04-18")
                        .with("action", "save").postTo("/applications").with(as("worker1")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();

        String edit = page(saved.getResponse().getRedirectedUrl(), "worker1");

        assertThat(fieldBlock(edit, "hireDate")).contains("type=\"date\"", "value=\"2016-04-18\"");
    }

    @Test
    void submittingWithoutTheHardshipCertificateNamesItLeavesNoApplicationAndKeepsOnlyTheChosenFile() throws Exception {
        int before = applicationsOf("worker1");
        Set<String> filesBefore = storedFiles();
        // another document is attached: it is written as evidence before the completeness check, which must go
        // again; the file itself is kept for the next try as a pending upload, and nothing else is left
        ApplicationFormPost form = ApplicationFormPost.complete("张伟").withoutFiles()
                .file(new MockMultipartFile("otherFiles", "其他.pdf", "application/pdf", Enrollments.PDF));

        String html = mvc.perform(form.postTo("/applications").with(as("worker1")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).contains("申请还不完整，不能提交", "请上传居委会（村委会）出具的《生活困难证明》")
                .contains("已上传：其他.pdf");
        assertThat(applicationsOf("worker1")).isEqualTo(before);
        Set<String> added = new java.util.HashSet<>(storedFiles());
        added.removeAll(filesBefore);
        assertThat(added).as("only the kept upload").hasSize(1);
    }

    @Test
    void anUploadThatIsNotPdfJpegOrPngIsRefusedWhateverItsName() throws Exception {
        int before = applicationsOf("worker1");
        Set<String> filesBefore = storedFiles();
        byte[] executable = "MZ\u0090\u0000\u0003\u0000\u0000\u0000This program cannot be run in DOS mode"
                .getBytes(StandardCharsets.ISO_8859_1);
        ApplicationFormPost form = ApplicationFormPost.complete("张伟").withoutFiles()
                .file(new MockMultipartFile("hardshipCertificateFiles", "evil.pdf", "application/pdf", executable));

        String html = mvc.perform(form.postTo("/applications").with(as("worker1")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(fieldBlock(html, "hardshipCertificateFiles")).contains("文件“evil.pdf”不是 PDF、JPG 或 PNG 格式");
        assertThat(applicationsOf("worker1")).isEqualTo(before);
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    @Test
    void anUploadOverTheSizeLimitIsRefusedAndNothingIsStored() throws Exception {
        int before = applicationsOf("worker1");
        Set<String> filesBefore = storedFiles();
        byte[] big = Arrays.copyOf(Enrollments.PDF, (int) storage.maxFileSize().toBytes() + 1);
        ApplicationFormPost form = ApplicationFormPost.complete("张伟").withoutFiles()
                .file(new MockMultipartFile("hardshipCertificateFiles", "big.pdf", "application/pdf", big));

        String html = mvc.perform(form.postTo("/applications").with(as("worker1")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(fieldBlock(html, "hardshipCertificateFiles")).contains("文件“big.pdf”超过 1MB，请压缩后再上传");
        assertThat(applicationsOf("worker1")).isEqualTo(before);
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    @Test
    void aDoubleSubmitCreatesOneApplicationAndTheSecondPostLandsOnIt() throws Exception {
        int before = applicationsOf("worker1");
        ApplicationFormPost form = ApplicationFormPost.complete("张伟");
        Long first = submittedByWorker1(form);
        Set<String> filesAfterFirst = storedFiles();

        MvcResult again = mvc.perform(form.postTo("/applications").with(as("worker1")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("warning", "application.alreadySubmitted")).andReturn();

        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/applications/" + first);
        assertThat(applicationsOf("worker1")).isEqualTo(before + 1);
        assertThat(storedFiles()).isEqualTo(filesAfterFirst);
        // as a browser follows the redirect: the flash message waits in the session (the database), named by the cookie
        String landing = mvc.perform(get("/applications/" + first).with(as("worker1"))
                        .cookie(again.getResponse().getCookie("SESSION")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(landing).contains("该申请已经提交过（" + application(first).getApplicationNumber() + "），没有重复创建");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsForbiddenAndSavesNothing() throws Exception {
        int before = applicationsOf("worker1");

        mvc.perform(ApplicationFormPost.complete("张伟").postTo("/applications").with(as("worker1")))
                .andExpect(status().isForbidden());

        assertThat(applicationsOf("worker1")).isEqualTo(before);
    }

    @Test
    void anUnknownApplicationIsANotFoundPageWithoutAStackTrace() throws Exception {
        String html = mvc.perform(get("/applications/" + Long.MAX_VALUE).with(as("worker1")))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("404", "申请不存在").doesNotContain("Exception", "at cn.hardshiprelief");
    }

    @Test
    void onlyTheApplicantAndTheReviewersOfItsDepartmentMayOpenAnApplication() throws Exception {
        Long id = enrollments.submittedBy("worker1").getId();

        String forbidden = mvc.perform(get("/applications/" + id).with(as("worker2")))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        assertThat(forbidden).contains("403", "您无权查看或办理此申请").doesNotContain("张小明");
        mvc.perform(get("/applications/" + id).with(as("head2"))).andExpect(status().isForbidden());
        assertThat(page("/applications/" + id, "head1")).contains(application(id).getApplicationNumber(), "张小明");
    }

    @Test
    void whatTheApplicantTypedIsShownEscaped() throws Exception {
        Long id = submittedByWorker1(ApplicationFormPost.complete("张伟")
                .with("account", "<script>alert(1)</script>"));

        String detail = page("/applications/" + id, "worker1");

        assertThat(detail).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }

    @Test
    void unionStaffFileOnBehalfOfAWorkerOfTheirCompany() throws Exception {
        int before = applicationsOf("worker1");
        ApplicationFormPost form = ApplicationFormPost.complete("张伟").with("applicantUsername", "worker1");

        MvcResult result = mvc.perform(form.postTo("/applications").with(as("union1")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();

        EnrollmentApplication filed = application(applicationIdIn(result.getResponse().getRedirectedUrl()));
        assertThat(filed.getApplicantUsername()).isEqualTo("worker1");
        assertThat(filed.getFiledByUsername()).isEqualTo("union1");
        assertThat(filed.getDepartment().getCode()).isEqualTo("C01D01");
        assertThat(filed.getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(applicationsOf("worker1")).isEqualTo(before + 1);
        assertThat(page("/applications/" + filed.getId(), "union1")).contains("周丽", "张伟");
    }

    @Test
    void unionStaffFilingASecondHouseholdForAWorkerSeeTheOpenApplicationNamedAndWhatTheyTyped() throws Exception {
        Long first = submittedByWorker1(ApplicationFormPost.complete("张伟"));
        String number = application(first).getApplicationNumber();
        int before = applicationsOf("worker1");
        ApplicationFormPost second = ApplicationFormPost.complete("张伟").with("applicantUsername", "worker1")
                .with("account", "同一账号的第二户，身份证号不同。");

        String html = mvc.perform(second.postTo("/applications").with(as("union1")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        String english = mvc.perform(second.with("requestToken", java.util.UUID.randomUUID().toString())
                        .postTo("/applications?lang=en").with(as("union1")).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("该职工已有申请 " + number + " 正在办理中", "同一账号的第二户，身份证号不同。");
        assertThat(english).contains("This worker already has application " + number + " in progress");
        assertThat(applicationsOf("worker1")).isEqualTo(before);
    }

    @Test
    void aWorkerCannotFileForAnotherWorker() throws Exception {
        int before = applicationsOf("worker1");
        int beforeOwn = applicationsOf("worker2");
        ApplicationFormPost form = ApplicationFormPost.complete("张伟").with("applicantUsername", "worker1");

        String html = mvc.perform(form.postTo("/applications").with(as("worker2")).with(csrf()))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("您不能为 张伟 代为申请");
        assertThat(applicationsOf("worker1")).isEqualTo(before);
        assertThat(applicationsOf("worker2")).isEqualTo(beforeOwn);
    }

    @Test
    void aDraftIsKeptIncompleteAndSubmittedLaterWithTheCertificate() throws Exception {
        ApplicationFormPost form = ApplicationFormPost.complete("张伟").withoutFiles().with("action", "save");

        MvcResult saved = mvc.perform(form.postTo("/applications").with(as("worker1")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", "application.draftSaved")).andReturn();
        Long id = applicationIdIn(saved.getResponse().getRedirectedUrl());
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/applications/" + id + "/edit");
        assertThat(application(id).getStatus()).isEqualTo(ApplicationStatus.DRAFT);
        assertThat(application(id).getApplicationNumber()).isNull();
        assertThat(page("/applications/" + id, "worker1")).contains("草稿");
        assertThat(page("/applications/" + id + "/edit", "worker1")).contains("修改申请", form.get("requestToken"));

        MvcResult submitted = mvc.perform(form.with("action", "submit").file(Enrollments.pdf("证明.pdf"))
                        .postTo("/applications/" + id).with(as("worker1")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();

        assertThat(submitted.getResponse().getRedirectedUrl()).isEqualTo("/applications/" + id);
        assertThat(application(id).getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(page("/applications/" + id, "worker1")).contains("审核中", application(id).getApplicationNumber());
    }

    @Test
    void evidenceIsDownloadedByItsOwnerAndRefusedToOtherWorkers() throws Exception {
        Long id = submittedByWorker1(ApplicationFormPost.complete("张伟"));
        Long evidenceId = application(id).getEvidence().get(0).getId();
        String url = "/applications/" + id + "/evidence/" + evidenceId;

        MvcResult download = mvc.perform(get(url).with(as("worker1"))).andExpect(status().isOk()).andReturn();
        assertThat(download.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(Enrollments.PDF);
        assertThat(download.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

        mvc.perform(get(url).with(as("worker2"))).andExpect(status().isForbidden());
    }
}
