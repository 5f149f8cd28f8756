package cn.hardshiprelief.disbursement;

import cn.hardshiprelief.aid.AidGrant;
import cn.hardshiprelief.aid.AidGrantRepository;
import cn.hardshiprelief.aid.AidKind;
import cn.hardshiprelief.aid.AidRequestForm;
import cn.hardshiprelief.aid.AidRequests;
import cn.hardshiprelief.aid.AidTasks;
import cn.hardshiprelief.fund.Fund;
import cn.hardshiprelief.fund.FundRepository;
import cn.hardshiprelief.fund.FundSource;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.task.OpenTask;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Test steps for the bank stories: a caseworker requests cash aid from a fund, the approvers the amount needs
 * approve it, the disburseGrant job runs (the job executor is off in tests) and the payment waits in the ledger.
 */
@Component
public class GrantsToPay {

    public static final String BANK = "中国工商银行示范县支行";

    private static final Map<String, String> APPROVER = Map.of(
            "approveByBranchUnion", "union2",
            "approveByCountyUnion", "county1",
            "approveByCountyUnionChair", "chair1");

    private final AidRequests requests;
    private final AidTasks tasks;
    private final AidGrantRepository grants;
    private final FundRepository funds;
    private final Directory directory;
    private final ManagementService management;

    public GrantsToPay(AidRequests requests, AidTasks tasks, AidGrantRepository grants, FundRepository funds,
                       Directory directory, ManagementService management) {
        this.requests = requests;
        this.tasks = tasks;
        this.grants = grants;
        this.funds = funds;
        this.directory = directory;
        this.management = management;
    }

    /** This year's fund of the user's union from a source the other stories leave alone. */
    public Fund fundOf(String username, FundSource source) {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        return funds.findByUnionIdAndYearOrderBySourceAsc(directory.actor(username).orgUnitId(), year).stream()
                .filter(f -> f.getSource() == source).findFirst().orElseThrow();
    }

    public Fund reload(Fund fund) {
        return funds.findById(fund.getId()).orElseThrow();
    }

    public AidGrant reload(AidGrant grant) {
        return grants.findById(grant.getId()).orElseThrow();
    }

    public AidGrant requested(String caseworker, HouseholdFile file, AidKind kind, String basis, Fund fund,
                              String account) {
        AidRequestForm form = new AidRequestForm(file.getId(), null, kind, null, null,
                basis == null ? null : new BigDecimal(basis), fund.getId(), "家庭突发困难，申请救助", account, BANK,
                UUID.randomUUID().toString());
        return requests.request(directory.actor(caseworker), form, null);
    }

    /** Every approval the grant's amount needs, each by the approver of its level. */
    public AidGrant approved(AidGrant grant) {
        for (Optional<OpenTask> step = tasks.openStep(reload(grant));
             step.isPresent() && APPROVER.containsKey(step.get().stepId());
             step = tasks.openStep(reload(grant))) {
            tasks.decide(directory.actor(APPROVER.get(step.get().stepId())), grant.getId(), true, "情况属实，同意");
        }
        return reload(grant);
    }

    /** Runs the grant's disburseGrant job: the payment is written to the ledger, waiting for a bank batch. */
    public AidGrant disbursed(AidGrant grant) {
        Job job = management.createJobQuery().processInstanceId(grant.getProcessInstanceId())
                .activityId("disburseGrant").singleResult();
        management.executeJob(job.getId());
        return reload(grant);
    }

    public AidGrant paying(String caseworker, HouseholdFile file, AidKind kind, String basis, Fund fund,
                           String account) {
        return disbursed(approved(requested(caseworker, file, kind, basis, fund, account)));
    }
}
