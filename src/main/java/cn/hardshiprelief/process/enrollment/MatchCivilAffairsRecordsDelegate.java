package cn.hardshiprelief.process.enrollment;

import cn.hardshiprelief.enrollment.CivilAffairsFindings;
import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.enrollment.HouseholdMember;
import cn.hardshiprelief.enrollment.ReviewRecorder;
import cn.hardshiprelief.household.HouseholdFiling;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Variables.*;

/**
 * {@code matchCivilAffairsRecords}: nobody already in an active household file may be filed again
 * (the file is named on the application); the others are matched against the civil-affairs roster,
 * which tells the classification whether the household lives on dibao. Sets {@code onDay}, the day
 * whose dibao line the classification uses.
 */
@Component("matchCivilAffairsRecords")
class MatchCivilAffairsRecordsDelegate implements JavaDelegate {

    private final ReviewRecorder applications;
    private final HouseholdFiling filing;
    private final CivilAffairsFindings findings;
    private final Clock clock;

    MatchCivilAffairsRecordsDelegate(ReviewRecorder applications, HouseholdFiling filing, CivilAffairsFindings findings,
                                     Clock clock) {
        this.applications = applications;
        this.filing = filing;
        this.findings = findings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long applicationId = (Long) execution.getVariable(APPLICATION_ID);
        EnrollmentApplication application = applications.application(applicationId);
        execution.setVariable(ON_DAY, Integer.parseInt(LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE)));
        List<String> files = filing.fileNumbersHolding(application.getMembers().stream()
                .map(HouseholdMember::getIdNumberHash).toList());
        if (!files.isEmpty()) {
            applications.blockAsDuplicate(applicationId, String.join("、", files));
            execution.setVariable(DUPLICATE_FILE_FOUND, true);
            execution.setVariable(RECEIVES_DIBAO, false);
            return;
        }
        List<CivilAffairsFindings.Finding> found = findings.of(application);
        applications.recordMatching(applicationId, CivilAffairsFindings.summary(found), found.isEmpty() ? "civil.none" : "civil.found");
        execution.setVariable(DUPLICATE_FILE_FOUND, false);
        execution.setVariable(RECEIVES_DIBAO, found.stream().anyMatch(CivilAffairsFindings.Finding::supportsLiving));
    }
}
