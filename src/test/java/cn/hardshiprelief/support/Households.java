package cn.hardshiprelief.support;

import java.util.Map;
import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.household.HouseholdFileRepository;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.verification.CheckResult;
import cn.hardshiprelief.verification.VerificationForm;
import cn.hardshiprelief.verification.VerificationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

/** Households on file for the aid stories: applied for, approved along a chain, noticed and filed. */
@Component
public class Households {

    public static final List<String> ENTERPRISE_CHAIN = List.of("head1", "director1", "hr1", "office1");
    public static final List<String> UNION_CHAIN = List.of("branch1", "county1");

    private final Enrollments enrollments;
    private final HouseholdFileRepository files;
    private final ManagementService management;
    private final TransactionTemplate transaction;
    private final VerificationService verifications;
    private final Directory directory;

    public Households(Enrollments enrollments, HouseholdFileRepository files, ManagementService management,
                      TransactionTemplate transaction, VerificationService verifications, Directory directory) {
        this.enrollments = enrollments;
        this.verifications = verifications;
        this.directory = directory;
        this.files = files;
        this.management = management;
        this.transaction = transaction;
    }

    /** A worker's household approved along a chain (e.g. worker1 with the enterprise chain) and filed after the notice. */
    public HouseholdFile filed(String worker, List<String> reviewers) {
        return filed(worker, Enrollments.completeForm(directory.displayName(worker)), reviewers);
    }

    /** The household this application form describes, approved along a chain and filed after the notice. */
    public HouseholdFile filed(String worker, List<String> reviewers, cn.hardshiprelief.enrollment.ApplicationForm form) {
        return filed(worker, form, reviewers);
    }

    /** The household of this form (its members, their identity numbers) approved along a chain and filed. */
    public HouseholdFile filed(String worker, cn.hardshiprelief.enrollment.ApplicationForm form, List<String> reviewers) {
        EnrollmentApplication application = enrollments.submittedBy(worker, form);
        for (String reviewer : reviewers) {
            enrollments.decide(reviewer, application.getId(), "approve", "同意");
        }
        return noticeEnds(application);
    }

    /** A worker of a small workplace on the union route: the branch union reviews and verifies, county1 approves. */
    public HouseholdFile filedOnTheUnionRoute(String worker, String branchStaff) {
        EnrollmentApplication application = enrollments.submittedBy(worker);
        enrollments.decide(branchStaff, application.getId(), "approve", "情况属实，同意上报");
        VerificationForm visit = new VerificationForm();
        visit.setIncomeResult(CheckResult.CONFIRMED);
        visit.setPropertyResult(CheckResult.CONFIRMED);
        visit.setFamilyResult(CheckResult.CONFIRMED);
        visit.setVisitDate(LocalDate.now().minusDays(1));
        visit.setVisitors(directory.displayName(branchStaff));
        visit.setVisitFindings("租住平房，收入情况属实。");
        verifications.complete(directory.actor(branchStaff), application.getId(), visit, Map.of("verificationComplete", "true"));
        enrollments.decide("county1", application.getId(), "approve", "同意");
        return noticeEnds(application);
    }

    private HouseholdFile noticeEnds(EnrollmentApplication application) {
        Job notice = management.createJobQuery().processInstanceId(application.getProcessInstanceId()).timers()
                .singleResult();
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(6, ChronoUnit.DAYS)));
        try {
            management.executeJob(notice.getId());
        } finally {
            ClockUtil.reset();
        }
        return files.findByApplicationId(application.getId()).orElseThrow();
    }

    /** The id of the member of a filed household with that name (张小明 is the child of every test application). */
    public Long memberId(HouseholdFile file, String name) {
        return transaction.execute(status -> files.findById(file.getId()).orElseThrow().getMembers().stream()
                .filter(m -> m.getName().equals(name)).findFirst().orElseThrow().getId());
    }

    /** A household filed on the union route with the bank account its aid is paid to. */
    public HouseholdFile filedOnTheUnionRouteWithPayee(String worker, String branchStaff, String account) {
        HouseholdFile file = filedOnTheUnionRoute(worker, branchStaff);
        transaction.executeWithoutResult(status -> files.findById(file.getId()).orElseThrow()
                .changePayee(account, "中国工商银行示范县支行"));
        return files.findById(file.getId()).orElseThrow();
    }

    /** A filed household with the bank account its aid is paid to. */
    public HouseholdFile filedWithPayee(String worker, List<String> reviewers, String account) {
        HouseholdFile file = filed(worker, reviewers);
        transaction.executeWithoutResult(status -> files.findById(file.getId()).orElseThrow()
                .changePayee(account, "中国工商银行示范县支行"));
        return files.findById(file.getId()).orElseThrow();
    }
}
