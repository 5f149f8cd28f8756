package cn.hardshiprelief.process.enrollment;

import cn.hardshiprelief.enrollment.ReviewRecorder;
import cn.hardshiprelief.household.HouseholdFiling;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Variables.APPLICATION_ID;

/**
 * {@code fileHousehold}: the notice passed; the household goes on the register with a file number, and the
 * application is concluded as filed. Each feature changes its own records; the flow carries the file number
 * from one to the other.
 */
@Component("fileHousehold")
class FileHouseholdDelegate implements JavaDelegate {

    private final HouseholdFiling filing;
    private final ReviewRecorder applications;

    FileHouseholdDelegate(HouseholdFiling filing, ReviewRecorder applications) {
        this.filing = filing;
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long applicationId = (Long) execution.getVariable(APPLICATION_ID);
        // the branch-union staff who verified the household (union route), else the company union's staff
        var file = filing.file(applicationId, (String) execution.getVariable("pairedCadre"));
        applications.recordFiled(applicationId, file.getFileNumber());
        execution.setVariable("fileNumber", file.getFileNumber());
    }
}
