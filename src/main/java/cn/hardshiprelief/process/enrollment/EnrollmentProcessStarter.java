package cn.hardshiprelief.process.enrollment;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.enrollment.EnrollmentProcess;
import cn.hardshiprelief.enrollment.HardshipEnrollmentProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

import static cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Variables.*;

/** Starts {@code hardshipEnrollment} for a submitted application, in the caller's transaction. */
@Component
public class EnrollmentProcessStarter implements EnrollmentProcess {

    private final RuntimeService runtimeService;
    private final ReviewChainMoves moves;
    private final String noticePeriod;

    public EnrollmentProcessStarter(RuntimeService runtimeService, HistoryService historyService,
                                    @Value("${hardship.notice.period:P5D}") Duration noticePeriod) {
        this.runtimeService = runtimeService;
        this.moves = new ReviewChainMoves(runtimeService, historyService);
        this.noticePeriod = noticePeriod.toString();
    }

    /**
     * Returns the process instance id. The business key is the application id. The variables are ids, codes and
     * routing values only: names, incomes and texts stay in the application's tables (Cockpit shows variables).
     */
    @Override
    public String start(EnrollmentApplication application) {
        var variables = Variables.createVariables()
                .putValue(APPLICATION_ID, application.getId())
                .putValue(APPLICATION_NUMBER, application.getApplicationNumber())
                .putValue(ROUTE, application.getRoute().processValue())
                .putValue(DEPARTMENT_CODE, application.getDepartment().getCode())
                .putValue(COMPANY_CODE, application.getCompany() == null ? null : application.getCompany().getCode())
                .putValue(BRANCH_UNION_CODE, application.getBranchUnion() == null ? null : application.getBranchUnion().getCode())
                .putValue(COUNTY_UNION_CODE, application.getCountyUnion() == null ? null : application.getCountyUnion().getCode())
                .putValue(REGION_CODE, application.getRegionCode())
                .putValue(NOTICE_PERIOD, noticePeriod)
                .putValue(FILED_BY, application.getFiledByUsername());
        return runtimeService.startProcessInstanceByKey(HardshipEnrollmentProcess.PROCESS_ID,
                String.valueOf(application.getId()), variables).getId();
    }

    @Override
    public void returnToStep(String processInstanceId, String openStep, String earlierStep) {
        moves.returnToStep(processInstanceId, openStep, earlierStep);
    }

    @Override
    public void withdraw(String processInstanceId, String openStep) {
        moves.withdraw(processInstanceId, openStep);
    }

    @Override
    public void cancel(String processInstanceId, String reason) {
        moves.cancel(processInstanceId, reason);
    }
}
