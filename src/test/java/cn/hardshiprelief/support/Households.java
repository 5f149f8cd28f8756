package cn.hardshiprelief.support;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.household.HouseholdFileRepository;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
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

    public Households(Enrollments enrollments, HouseholdFileRepository files, ManagementService management,
                      TransactionTemplate transaction) {
        this.enrollments = enrollments;
        this.files = files;
        this.management = management;
        this.transaction = transaction;
    }

    /** worker1 (enterprise chain, the company union C01U grants its aid) filed after the five-day notice. */
    public HouseholdFile filed(String worker, List<String> reviewers) {
        EnrollmentApplication application = enrollments.submittedBy(worker);
        for (String reviewer : reviewers) {
            enrollments.decide(reviewer, application.getId(), "approve", "同意");
        }
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

    /** A filed household with the bank account its aid is paid to. */
    public HouseholdFile filedWithPayee(String worker, List<String> reviewers, String account) {
        HouseholdFile file = filed(worker, reviewers);
        transaction.executeWithoutResult(status -> files.findById(file.getId()).orElseThrow()
                .changePayee(account, "中国工商银行示范县支行"));
        return files.findById(file.getId()).orElseThrow();
    }
}
