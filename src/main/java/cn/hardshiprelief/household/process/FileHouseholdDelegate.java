package cn.hardshiprelief.household.process;

import cn.hardshiprelief.household.HouseholdFiling;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import static cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Variables.APPLICATION_ID;

/** {@code fileHousehold}: the notice passed; the household goes on the register with a file number. */
@Component("fileHousehold")
class FileHouseholdDelegate implements JavaDelegate {

    private final HouseholdFiling filing;

    FileHouseholdDelegate(HouseholdFiling filing) {
        this.filing = filing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // the branch-union staff who verified the household (union route), else the company union's staff
        var file = filing.file((Long) execution.getVariable(APPLICATION_ID), (String) execution.getVariable("pairedCadre"));
        execution.setVariable("fileNumber", file.getFileNumber());
    }
}
