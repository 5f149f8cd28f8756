package cn.hardshiprelief.household;

import cn.hardshiprelief.enrollment.ApplicationForm;
import cn.hardshiprelief.enrollment.ApplicationQueries;
import cn.hardshiprelief.enrollment.ApplicationStatus;
import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.enrollment.EnrollmentService;
import cn.hardshiprelief.enrollment.Evidence;
import cn.hardshiprelief.enrollment.Route;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.storage.EvidenceStorage;
import cn.hardshiprelief.support.AppTest;
import cn.hardshiprelief.support.Enrollments;
import cn.hardshiprelief.support.Households;
import cn.hardshiprelief.support.People;
import cn.hardshiprelief.verification.CheckResult;
import cn.hardshiprelief.verification.VerificationForm;
import cn.hardshiprelief.verification.VerificationService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 返困: a household that left the register (exit, or cancellation) and falls back applies again, or is
 * brought back by its caseworker on the relapse fast path. Allowed once the earlier file is no longer
 * active, by every check alike (the worker's one household, the members' one active file, the database's
 * keys); refused while another household of the worker is open or on file.
 */
@AppTest
class RelapseStoryTest {

    private static final List<String> FINANCE_CHAIN = List.of("head2", "director1", "hr1", "office1");

    @Autowired People people;
    @Autowired Households households;
    @Autowired Enrollments enrollments;
    @Autowired EnrollmentService enrollment;
    @Autowired FollowUpService followUp;
    @Autowired cn.hardshiprelief.household.ChangeReports changes;
    @Autowired VerificationService verifications;
    @Autowired ApplicationQueries queries;
    @Autowired Directory directory;
    @Autowired HouseholdFileRepository files;
    @Autowired FileEventRepository history;
    @Autowired ManagementService management;
    @Autowired EvidenceStorage storage;

    /** The same household (members and identity numbers) in a new application of this worker. */
    private static ApplicationForm again(ApplicationForm household, String worker) {
        household.setApplicantUsername(worker);
        household.setRequestToken(UUID.randomUUID().toString());
        household.setHardshipCertificateFiles(List.of(Enrollments.pdf("新证明.pdf")));
        return household;
    }

    private static BusinessException refusal(Throwable e) {
        return (BusinessException) e;
    }

    @Test
    void anExitedHouseholdThatFallsBackAppliesAgainWithTheSameMembersButHasOneActiveFileAtATime() {
        String worker = people.newWorkerOf("C01D02");
        ApplicationForm household = Enrollments.completeForm("返困职工");
        household.setApplicantUsername(worker);
        HouseholdFile first = households.filed(worker, household, FINANCE_CHAIN);
        followUp.markExited(first.getId(), "county1");

        HouseholdFile second = households.filed(worker, again(household, worker), FINANCE_CHAIN);

        assertThat(second.getId()).isNotEqualTo(first.getId());
        assertThat(files.findById(first.getId()).orElseThrow().getStatus()).isEqualTo(FileStatus.EXITED);
        assertThat(files.findById(second.getId()).orElseThrow().getStatus()).isEqualTo(FileStatus.ACTIVE);

        // while the second file is active: not the worker again, and none of its members in another household
        assertThatThrownBy(() -> enrollment.submit(directory.actor(worker), null, again(household, worker)))
                .satisfies(e -> assertThat(refusal(e).getMessageKey()).isEqualTo("application.workerHasActiveFile"))
                .satisfies(e -> assertThat(refusal(e).getArgs()).containsExactly(second.getFileNumber()));
        String otherWorker = people.newWorkerOf("C01D02");
        ApplicationForm sameMembers = again(household, otherWorker);
        assertThatThrownBy(() -> enrollment.submit(directory.actor(otherWorker), null, sameMembers))
                .satisfies(e -> assertThat(refusal(e).getMessageKey()).isEqualTo("application.alreadyFiled"));

        // cancelled (注销) takes it off the register too: the household may apply again
        changes.cancel(directory.actor("county1"), second.getId(), CancelReason.WRONGLY_FILED, "重复建档");
        EnrollmentApplication third = enrollment.submit(directory.actor(worker), null, again(household, worker));
        assertThat(third.getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
    }

    @Test
    void aRelapseOnTheFastPathCarriesTheEvidenceOfTheLastApplicationAndIsResubmittedAfterAReturn() throws Exception {
        String worker = people.newWorkerOf("C01D02");
        HouseholdFile exited = households.filed(worker, FINANCE_CHAIN);
        followUp.markExited(exited.getId(), "county1");

        followUp.reopenAsRelapse(exited.getId(), "union1", "爱人再次失业，收入低于低保");

        EnrollmentApplication previous = enrollments.reload(exited.getApplicationId());
        EnrollmentApplication relapse = openApplicationOf(worker);
        assertThat(relapse.getRoute()).isEqualTo(Route.RELAPSE);
        assertThat(relapse.getEvidence()).extracting(Evidence::getOriginalName)
                .containsExactlyElementsOf(previous.getEvidence().stream().map(Evidence::getOriginalName).toList());
        assertThat(relapse.getEvidence()).extracting(Evidence::getStorageKey)
                .doesNotContainAnyElementsOf(previous.getEvidence().stream().map(Evidence::getStorageKey).toList());
        try (InputStream copy = storage.open(relapse.getEvidence().get(0).getStorageKey())) {
            assertThat(copy.readAllBytes()).isEqualTo(Enrollments.PDF);
        }

        verifications.complete(directory.actor("union1"), relapse.getId(), visit(), Map.of("verificationComplete", "true"));
        enrollments.decide("county1", relapse.getId(), "return", "请补充近三个月收入证明");
        assertThat(enrollments.reload(relapse.getId()).getStatus()).isEqualTo(ApplicationStatus.RETURNED);

        enrollments.resubmit("union1", relapse.getId(), "已补充收入证明");

        assertThat(enrollments.reload(relapse.getId()).getStatus()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(enrollments.openStep(relapse.getId())).isEqualTo("approveByCountyUnion");
        enrollments.decide("county1", relapse.getId(), "approve", "同意");
        var notice = management.createJobQuery().processInstanceId(relapse.getProcessInstanceId()).timers().singleResult();
        management.executeJob(notice.getId());
        assertThat(enrollments.reload(relapse.getId()).getStatus()).isEqualTo(ApplicationStatus.FILED);
        assertThat(files.findByApplicationId(relapse.getId()).orElseThrow().getStatus()).isEqualTo(FileStatus.ACTIVE);
    }

    @Test
    void theFastPathOpensNoSecondApplicationForAWorkerWhoHasAlreadyAppliedAgain() {
        String worker = people.newWorkerOf("C01D02");
        HouseholdFile exited = households.filed(worker, FINANCE_CHAIN);
        followUp.markExited(exited.getId(), "county1");
        EnrollmentApplication own = enrollment.submit(directory.actor(worker), null, ownApplication(worker));
        int before = queries.mine(directory.actor(worker)).size();

        followUp.reopenAsRelapse(exited.getId(), "union1", "家庭收入下降");

        assertThat(queries.mine(directory.actor(worker))).hasSize(before);
        FileEvent latest = history.findByFileIdOrderByOccurredAtDescIdDesc(exited.getId()).get(0);
        assertThat(latest.getKind()).isEqualTo(FileEvent.Kind.RELAPSED);
        assertThat(latest.getDetailCode()).as("said in the reader's language").isEqualTo("history.relapseBlocked");
        assertThat(latest.getDetailArgArray()).containsExactly(own.getApplicationNumber());
    }

    private ApplicationForm ownApplication(String worker) {
        ApplicationForm form = Enrollments.completeForm("返困职工");
        form.setApplicantUsername(worker);
        return form;
    }

    private EnrollmentApplication openApplicationOf(String worker) {
        List<EnrollmentApplication> open = new ArrayList<>(queries.mine(directory.actor(worker)).stream()
                .filter(a -> a.getStatus().inProgress()).toList());
        assertThat(open).hasSize(1);
        return enrollments.reload(open.get(0).getId());
    }

    private static VerificationForm visit() {
        VerificationForm visit = new VerificationForm();
        visit.setIncomeResult(CheckResult.CONFIRMED);
        visit.setPropertyResult(CheckResult.CONFIRMED);
        visit.setFamilyResult(CheckResult.CONFIRMED);
        visit.setVisitDate(LocalDate.now().minusDays(1));
        visit.setVisitors("周丽");
        visit.setVisitFindings("爱人再次失业，家中无其他收入，情况属实。");
        return visit;
    }
}
