package cn.hardshiprelief.enrollment.process;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import static cn.hardshiprelief.enrollment.process.HardshipEnrollmentProcess.Variables.*;

/** Starts {@code hardshipEnrollment} for a submitted application, in the caller's transaction. */
@Component
public class EnrollmentProcessStarter {

    private final RuntimeService runtimeService;

    public EnrollmentProcessStarter(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /** Returns the process instance id. The business key is the application id. */
    public String start(EnrollmentApplication application, String applicantName) {
        var variables = Variables.createVariables()
                .putValue(APPLICATION_ID, application.getId())
                .putValue(APPLICATION_NUMBER, application.getApplicationNumber())
                .putValue(APPLICANT_NAME, applicantName)
                .putValue(DEPARTMENT_CODE, application.getDepartment().getCode())
                .putValue(COMPANY_CODE, application.getCompany().getCode())
                .putValue(FILED_BY, application.getFiledByUsername())
                .putValue(PER_CAPITA_INCOME, application.getPerCapitaIncome().toPlainString());
        return runtimeService.startProcessInstanceByKey(HardshipEnrollmentProcess.PROCESS_ID,
                String.valueOf(application.getId()), variables).getId();
    }
}
