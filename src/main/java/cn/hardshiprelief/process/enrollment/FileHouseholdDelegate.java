package cn.hardshiprelief.process.enrollment;

import cn.hardshiprelief.vocabulary.ApplicationId;
import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.enrollment.HouseholdMember;
import cn.hardshiprelief.enrollment.ReviewRecorder;
import cn.hardshiprelief.household.FilingRequest;
import cn.hardshiprelief.household.HouseholdFiling;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Variables.APPLICATION_ID;

/**
 * {@code fileHousehold}: the notice passed; the household goes on the register with a file number, and the
 * application is concluded as filed. Each feature changes its own records; the flow hands the register the
 * application's facts ({@link FilingRequest}) and carries the file number back to the application.
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
        var file = filing.file(requestFor(applications.application(applicationId)),
                (String) execution.getVariable("pairedCadre"));
        applications.recordFiled(applicationId, file.getFileNumber());
        execution.setVariable("fileNumber", file.getFileNumber());
    }

    static FilingRequest requestFor(EnrollmentApplication application) {
        return new FilingRequest(ApplicationId.required(application.getId()), application.getApplicantUsername(), application.getDepartment(),
                application.getCompany(), application.getBranchUnion(), application.getCountyUnion(),
                application.getRegionCode(), application.getTier(), application.getPrimaryCause(),
                application.getSecondaryCauses(), Boolean.TRUE.equals(application.getReceivesDibao()),
                application.getDibaoLine(), application.getPerCapitaIncome(), application.getMedicalCostsHalfYear(),
                application.getOneOffCosts(), application.getMembers().stream().map(FileHouseholdDelegate::member).toList());
    }

    private static FilingRequest.Member member(HouseholdMember m) {
        return new FilingRequest.Member(m.getName(), m.getRelation(), m.getIdNumberHash(), m.getIdNumberMasked(),
                m.getHealth(), m.getDisability(), m.getSchooling(), m.getMonthlyIncome());
    }
}
