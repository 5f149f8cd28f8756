package cn.hardshiprelief.process.followup;

import cn.hardshiprelief.household.FollowUpProcess;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.household.HouseholdFileRepository;
import cn.hardshiprelief.household.HouseholdFiled;
import cn.hardshiprelief.organization.Directory;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Period;

/**
 * Starts {@code householdFollowUp} when a household is filed (in the filing transaction), and
 * correlates change reports to it by business key (the file id).
 */
@Component
class FollowUpEngine implements FollowUpProcess {

    private final RuntimeService runtime;
    private final HouseholdFileRepository files;
    private final Directory directory;
    private final String recheckInterval;
    private final String reminderAfter;
    private final String escalationAfter;

    FollowUpEngine(RuntimeService runtime, HouseholdFileRepository files, Directory directory,
                   @Value("${hardship.follow-up.recheck-interval:P6M}") Period recheckInterval,
                   @Value("${hardship.follow-up.reminder-after:P14D}") Period reminderAfter,
                   @Value("${hardship.follow-up.escalation-after:P30D}") Period escalationAfter) {
        this.runtime = runtime;
        this.files = files;
        this.directory = directory;
        this.recheckInterval = recheckInterval.toString();
        this.reminderAfter = reminderAfter.toString();
        this.escalationAfter = escalationAfter.toString();
    }

    @EventListener
    public void onFiled(HouseholdFiled filed) {
        start(files.findById(filed.fileId().value()).orElseThrow());
    }

    @Override
    public void start(HouseholdFile file) {
        String branch = file.getBranchUnion() != null ? file.getBranchUnion().getCode() : companyUnionCode(file);
        runtime.startProcessInstanceByKey(PROCESS_ID, String.valueOf(file.getId()), Variables.createVariables()
                .putValue("fileId", file.getId())
                .putValue("fileNumber", file.getFileNumber())
                .putValue("branchUnionCode", branch)
                .putValue("countyUnionCode", file.getCountyUnion() == null ? null : file.getCountyUnion().getCode())
                .putValue("recheckInterval", recheckInterval)
                .putValue("reminderAfter", reminderAfter)
                .putValue("escalationAfter", escalationAfter)
                .putValue("watchInterval", recheckInterval)
                .putValue("watchVisits", 0));
    }

    @Override
    public boolean changeReported(Long fileId, String reason) {
        String businessKey = String.valueOf(fileId);
        boolean waiting = runtime.createEventSubscriptionQuery().eventType("message").eventName(CHANGE_MESSAGE)
                .processInstanceId(instanceId(businessKey)).count() > 0;
        if (waiting) {
            runtime.createMessageCorrelation(CHANGE_MESSAGE).processInstanceBusinessKey(businessKey)
                    .setVariable("changeReason", reason).correlate();
        }
        return waiting;
    }

    @Override
    public void stop(Long fileId, String reason) {
        String id = instanceId(String.valueOf(fileId));
        if (!"-".equals(id)) {
            runtime.deleteProcessInstance(id, "file cancelled: " + reason);
        }
    }

    private String instanceId(String businessKey) {
        var instance = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(businessKey).singleResult();
        return instance == null ? "-" : instance.getId();
    }

    /** Enterprise files are re-checked by the company's own union. */
    private String companyUnionCode(HouseholdFile file) {
        var company = file.getUnit().company();
        return company == null ? null
                : directory.companyUnion(company.getId()).map(u -> u.getCode()).orElse(null);
    }
}
