package cn.hardshiprelief.browser;

import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.household.HouseholdFileRepository;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.TestIdNumbers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enrollment as people do it, in Chromium through the real pages: the form of a five-member household with its
 * uploads, each reviewer's decision from the inbox, the county union's pages of a union-route case, a return for
 * correction and the resubmission, an objection on the public notice. At desktop and phone width.
 */
class EnrollmentJourneysTest extends JourneyTest {

    private static final Pattern APPLICATION = Pattern.compile("/applications/(\\d+)");

    @Autowired ProcessEngine engine;
    @Autowired HouseholdFileRepository files;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @ParameterizedTest(name = "at {0} px")
    @ValueSource(ints = {Browser.DESKTOP, Browser.PHONE})
    void aFiveMemberHouseholdAppliesWithItsUploadsPassesTheEnterpriseChainAndIsFiled(int width) throws IOException {
        Browser worker = as(width, "worker1");
        Long id = applyForFiveMembers(worker);
        assertThat(worker.text()).contains("部门负责人审核");

        for (String reviewer : List.of("head1", "director1", "hr1", "office1")) {
            decide(as(width, reviewer), id, "approve", "情况属实，同意");
        }
        noticePeriodEnds(id);

        HouseholdFile file = files.findByApplicationId(id).orElseThrow();
        assertThat(jdbc.queryForObject("select count(*) from household_file_member where file_id = ?", Integer.class,
                file.getId())).isEqualTo(5);
        Browser hr = as(width, "hr1");
        hr.open("/households/" + file.getId());
        assertThat(hr.text()).contains(file.getFileNumber(), "张伟");
    }

    @Test
    void theBranchUnionVerifiesAUnionRouteApplicationAndTheCountyUnionDecidesItOnItsOwnPages() throws IOException {
        Browser worker = as(Browser.DESKTOP, "worker3");
        Long id = apply(worker, 2, "王芳");
        decide(as(Browser.DESKTOP, "branch1"), id, "approve", "情况属实，同意上报");

        Browser branch = as(Browser.PHONE, "branch1");
        branch.open("/applications/" + id + "/verification");
        for (String check : List.of("income", "property", "family")) {
            branch.check(check + "Result", "CONFIRMED");
        }
        branch.date("visitDate", LocalDate.now().minusDays(1).toString())
                .type("visitors", "吴刚、社区网格员")
                .type("visitFindings", "租住平房，家中无大额财产，收入情况属实。")
                .attach("visitFiles", pdf("入户照片.pdf"))
                .check("verificationComplete", "true")
                .press("三查一访完成，提交县总工会");

        Browser county = as(Browser.DESKTOP, "county1");
        county.open("/tasks");
        assertThat(county.html()).contains("/tasks/" + openTask(id).getId());
        decide(county, id, "approve", "同意");
        assertThat(openTaskOrNull(id)).as("approved: the public notice runs").isNull();
    }

    @Test
    void aReturnedApplicationIsCorrectedAndResumesAtTheStepThatReturnedIt() throws IOException {
        Browser worker = as(Browser.PHONE, "worker2");
        Long id = apply(worker, 2, "李娜");
        decide(as(Browser.PHONE, "head2"), id, "approve", "同意");
        decide(as(Browser.PHONE, "director1"), id, "return", "请补充爱人的失业证明");

        worker.open("/applications/" + id);
        assertThat(worker.text()).contains("请补充爱人的失业证明");
        worker.open("/applications/" + id + "/edit")
                .attach("otherFiles", pdf("失业证明.pdf"))
                .type("correctionNote", "已补充爱人的失业证明")
                .press("修改完成，重新提交");
        assertThat(openTask(id).getTaskDefinitionKey()).isEqualTo("reviewByDirector");
    }

    @Test
    void aCitizenObjectsOnThePublicNoticeAndTheCountyUnionDecides() throws IOException {
        Browser worker = as(Browser.DESKTOP, "worker1");
        Long id = apply(worker, 3, "张伟");
        for (String reviewer : List.of("head1", "director1", "hr1", "office1")) {
            decide(as(Browser.DESKTOP, reviewer), id, "approve", "同意");
        }
        Browser citizen = anonymous(Browser.PHONE);
        citizen.open("/public/notices/C01");
        citizen.press("提出异议").type("reason", "该户家中有门面房出租，收入不实。").type("contact", "13800000000").press("提出异议");
        assertThat(citizen.text()).contains("异议");

        Browser county = as(Browser.PHONE, "county1");
        county.open("/tasks").follow("/objections/").screenshot("objection-decision");
        assertThat(county.topOf("提交审核意见")).as("on a phone the decision comes before the objections and the case")
                .isLessThan(Browser.SCREEN_HEIGHT);
        county.check("objectionOutcome", "dismiss").type("comment", "经核实，门面房为亲属所有").press("提交审核意见");
        assertThat(county.text()).doesNotContain("HTTP Status");
    }

    // --- steps

    private Long applyForFiveMembers(Browser worker) throws IOException {
        return apply(worker, 5, "张伟");
    }

    @Test
    void aMemberIsAddedWithoutAReloadAndTheChosenCertificateIsKeptAcrossAnError() throws IOException {
        Browser worker = as(Browser.PHONE, "worker2");
        worker.open("/applications/new").attach("hardshipCertificateFiles", pdf("困难证明.pdf"));
        worker.script("window.sameDocument = true;");
        fillMembers(worker, 2, "李娜");
        assertThat(worker.script("return window.sameDocument === true")).as("no reload to add a member").isEqualTo(true);
        assertThat(worker.script("return document.querySelectorAll('.member').length")).isEqualTo(2L);
        worker.type("members[1].idNumber", "110105194912310021");
        fillTheRest(worker).press("提交申请");

        assertThat(worker.text()).as("refused for the identity number, the certificate kept")
                .contains("已上传：困难证明.pdf");
        worker.type("members[1].idNumber", TestIdNumbers.born(LocalDate.parse("1980-03-02"))).press("提交申请");
        Matcher number = APPLICATION.matcher(worker.path());
        assertThat(number.find()).as("on the application's page after submitting, not %s", worker.path()).isTrue();
        assertThat(worker.text()).contains("困难证明.pdf");
    }

    /** Fills the application form with the household's members and a certificate, and submits it. */
    private Long apply(Browser worker, int members, String selfName) throws IOException {
        worker.open("/applications/new").screenshot("application-form");
        fillMembers(worker, members, selfName);
        fillTheRest(worker).attach("hardshipCertificateFiles", pdf("困难证明.pdf")).press("提交申请");
        Matcher number = APPLICATION.matcher(worker.path());
        assertThat(number.find()).as("on the application's page after submitting, not %s", worker.path()).isTrue();
        return Long.valueOf(number.group(1));
    }

    /** Adds the members' rows (in the page, by script) and fills them in. */
    private void fillMembers(Browser worker, int members, String selfName) {
        for (int i = 1; i < members; i++) {
            worker.press("添加家庭成员");
        }
        String[][] people = {
                {selfName, "SELF", "1978-05-12", "EMPLOYED", "NONE", "1800"},
                {"刘梅", "SPOUSE", "1980-03-02", "UNEMPLOYED", "NONE", "0"},
                {"张小明", "CHILD", "2010-09-01", "STUDENT", "JUNIOR_MIDDLE", "0"},
                {"张小红", "CHILD", "2014-06-18", "STUDENT", "PRIMARY", "0"},
                {"张大山", "PARENT", "1948-01-20", "RETIRED", "NONE", "600"}};
        for (int i = 0; i < members; i++) {
            String[] p = people[i];
            String m = "members[" + i + "].";
            worker.type(m + "name", p[0]);
            if (i > 0) {
                worker.choose(m + "relation", p[1]);
            }
            worker.type(m + "idNumber", TestIdNumbers.born(LocalDate.parse(p[2])))
                    .date(m + "birthDate", p[2])
                    .choose(m + "employment", p[3])
                    .choose(m + "schooling", p[4])
                    .type(m + "monthlyIncome", p[5]);
        }
    }

    private Browser fillTheRest(Browser worker) {
        return worker.date("hireDate", "2015-03-01")
                .choose("housingType", "RENTED").choose("primaryCause", "LOW_INCOME")
                .type("account", "爱人失业，两个孩子上学，父亲年老多病，收入难以维持生活。");
    }

    /** Opens the inbox, follows the task of the application and decides it with the form. */
    private void decide(Browser reviewer, Long applicationId, String decision, String comment) {
        String taskId = openTask(applicationId).getId();
        reviewer.open("/tasks").screenshot("inbox").follow("/tasks/" + taskId).screenshot("review");
        assertThat(reviewer.topOf("提交审核意见")).as("the decision within the first two screens")
                .isLessThan(2 * Browser.SCREEN_HEIGHT);
        reviewer.check("decision", decision).type("comment", comment).press("提交审核意见");
        assertThat(openTaskOrNull(applicationId)).as("decided").satisfiesAnyOf(
                t -> assertThat(t).isNull(), t -> assertThat(t.getId()).isNotEqualTo(taskId));
    }

    private Task openTask(Long applicationId) {
        Task task = openTaskOrNull(applicationId);
        assertThat(task).as("an open task of application %s", applicationId).isNotNull();
        return task;
    }

    private Task openTaskOrNull(Long applicationId) {
        return engine.getTaskService().createTaskQuery().processDefinitionKey("hardshipEnrollment")
                .processInstanceBusinessKey(String.valueOf(applicationId)).singleResult();
    }

    private void noticePeriodEnds(Long applicationId) {
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("hardshipEnrollment")
                .processInstanceBusinessKey(String.valueOf(applicationId)).singleResult().getId();
        Job notice = engine.getManagementService().createJobQuery().processInstanceId(instance).timers().singleResult();
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(6, ChronoUnit.DAYS)));
        engine.getManagementService().executeJob(notice.getId());
        ClockUtil.reset();
    }

    private static Path pdf(String name) throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "browser-uploads"));
        Path file = folder.resolve(name);
        Files.write(file, Enrollments.PDF);
        return file;
    }
}
