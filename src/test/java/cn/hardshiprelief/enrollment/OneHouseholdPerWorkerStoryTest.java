package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.EarlierStories;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.Households;
import cn.hardshiprelief.support.SimultaneousApplications;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 一户一档, per worker account (issue 10: one account had filed three households under different
 * identity numbers): while a worker has a household in progress or on file, no other application
 * is saved or submitted for them, by themself or by union staff on their behalf.
 */
@AppTest
class OneHouseholdPerWorkerStoryTest {

    @Autowired Enrollments enrollments;
    @Autowired Households households;
    @Autowired EnrollmentService enrollment;
    @Autowired ApplicationEditor editor;
    @Autowired ApplicationQueries queries;
    @Autowired Directory directory;
    @Autowired EarlierStories earlierStories;
    @Autowired SimultaneousApplications simultaneous;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    @org.junit.jupiter.api.AfterEach
    void workersFreeToApply() {
        earlierStories.closeHouseholdsOf("worker1");
        earlierStories.closeHouseholdsOf("worker2");
    }

    private int applicationsOf(String worker) {
        return queries.mine(directory.actor(worker)).size();
    }

    private static ApplicationForm anotherHousehold(String worker, String selfName) {
        ApplicationForm form = Enrollments.completeForm(selfName);
        form.setApplicantUsername(worker);
        form.setAccount("另一户，另一个身份证号。");
        return form;
    }

    @Test
    void aWorkerWithAnApplicationInReviewCannotSubmitASecondHouseholdAndIsToldWhichApplication() {
        EnrollmentApplication inReview = enrollments.submittedBy("worker1");
        int before = applicationsOf("worker1");

        assertThatThrownBy(() -> enrollment.submit(directory.actor("worker1"), null, anotherHousehold("worker1", "张伟")))
                .isInstanceOf(BusinessException.class)
                .satisfies(e -> assertThat(((BusinessException) e).getMessageKey())
                        .isEqualTo("application.workerHasOpenApplication"))
                .satisfies(e -> assertThat(((BusinessException) e).getArgs()).containsExactly(inReview.getApplicationNumber()));
        assertThat(applicationsOf("worker1")).isEqualTo(before);
    }

    @Test
    void unionStaffCannotSaveEvenADraftForAWorkerWhoseApplicationWasReturnedForCorrection() {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        enrollments.decide("head1", application.getId(), "return", "请补充证明");
        assertThat(enrollments.reload(application.getId()).getStatus()).isEqualTo(ApplicationStatus.RETURNED);
        int before = applicationsOf("worker1");

        assertThatThrownBy(() -> editor.save(directory.actor("union1"), null, anotherHousehold("worker1", "张伟")))
                .isInstanceOf(BusinessException.class)
                .satisfies(e -> assertThat(((BusinessException) e).getArgs()).containsExactly(application.getApplicationNumber()));
        assertThat(applicationsOf("worker1")).isEqualTo(before);

        enrollments.resubmit("worker1", application.getId(), "已补充");
        assertThat(enrollments.reload(application.getId()).getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
    }

    @Test
    void aWorkerWhoseHouseholdIsOnFileCannotApplyForAnotherAndIsToldWhichFile() {
        HouseholdFile file = households.filed("worker2", java.util.List.of("head2", "director1", "hr1", "office1"));
        int before = applicationsOf("worker2");

        assertThatThrownBy(() -> enrollment.submit(directory.actor("worker2"), null, anotherHousehold("worker2", "李娜")))
                .isInstanceOf(BusinessException.class)
                .satisfies(e -> assertThat(((BusinessException) e).getMessageKey()).isEqualTo("application.workerHasActiveFile"))
                .satisfies(e -> assertThat(((BusinessException) e).getArgs()).containsExactly(file.getFileNumber()));
        assertThat(applicationsOf("worker2")).isEqualTo(before);
    }

    @Test
    void afterARejectionTheWorkerMayApplyAgain() {
        EnrollmentApplication first = enrollments.submittedBy("worker1");
        enrollments.decide("head1", first.getId(), "reject", "不符合条件");

        EnrollmentApplication second = enrollment.submit(directory.actor("worker1"), null, anotherHousehold("worker1", "张伟"));

        assertThat(second.getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(second.getApplicationNumber()).isNotEqualTo(first.getApplicationNumber());
    }

    @Test
    void anOpenApplicationHoldsTheWorkersOpenKeyUntilItCloses() {
        EnrollmentApplication application = enrollments.submittedBy("worker1");
        assertThat(openKeyOf(application)).isEqualTo("worker1");

        enrollments.decide("head1", application.getId(), "return", "请补充证明");
        assertThat(openKeyOf(application)).as("returned for correction: still open").isEqualTo("worker1");

        enrollments.resubmit("worker1", application.getId(), "已补充");
        enrollments.decide("head1", application.getId(), "reject", "不符合条件");
        assertThat(openKeyOf(application)).as("rejected: closed").isNull();
    }

    /**
     * Both pass the check in the service, since neither sees the other before it commits; the database
     * keeps the second out (uk_application_open_key), and the worker is told as by the check.
     */
    @Test
    void ofTwoFirstApplicationsOfOneWorkerSubmittedAtTheSameMomentOnlyOneIsKept() {
        int before = applicationsOf("worker2");

        SimultaneousApplications.Outcome outcome = simultaneous.submit("worker2",
                anotherHousehold("worker2", "李娜"), anotherHousehold("worker2", "李娜"));

        assertThat(outcome.firstRefusal()).as("the first to commit").isNull();
        assertThat(outcome.second()).as("the second").isNull();
        assertThat(outcome.secondRefusal()).isInstanceOf(BusinessException.class)
                .satisfies(e -> assertThat(((BusinessException) e).getMessageKey())
                        .isEqualTo("application.workerHasOpenApplication"));
        assertThat(applicationsOf("worker2")).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select count(*) from enrollment_application where applicant_username = ?"
                + " and status in ('IN_REVIEW','RETURNED','APPROVED','IN_NOTICE')", Integer.class, "worker2")).isEqualTo(1);
    }

    private String openKeyOf(EnrollmentApplication application) {
        return jdbc.queryForObject("select open_key from enrollment_application where id = ?", String.class,
                application.getId());
    }
}
