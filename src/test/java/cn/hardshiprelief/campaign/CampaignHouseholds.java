package cn.hardshiprelief.campaign;

import cn.hardshiprelief.support.Households;
import cn.hardshiprelief.support.People;
import cn.hardshiprelief.fund.Fund;
import cn.hardshiprelief.fund.FundRepository;
import cn.hardshiprelief.fund.FundSource;
import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.household.HouseholdFileRepository;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Directory;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Test steps for campaigns in the words of the domain: households filed through either route, a payee
 * account recorded, a campaign's list narrowed to the households a test made (the shared context holds
 * other tests' households too), and the batch jobs run as the job executor would.
 */
@Component
class CampaignHouseholds {

    private static final List<String> ENTERPRISE_CHAIN_2 = List.of("head2", "director1", "hr1", "office1");
    private static final AtomicLong ACCOUNTS = new AtomicLong(6222_0200_0000_0000L);

    private final Households households;
    private final HouseholdFileRepository files;
    private final FundRepository funds;
    private final Directory directory;
    private final Campaigns campaigns;
    private final ManagementService management;
    private final TransactionTemplate transaction;
    private final People people;

    CampaignHouseholds(Households households, HouseholdFileRepository files,
                       FundRepository funds, Directory directory, Campaigns campaigns, ManagementService management,
                       PlatformTransactionManager transactions, People people) {
        this.people = people;
        this.households = households;
        this.files = files;
        this.funds = funds;
        this.directory = directory;
        this.campaigns = campaigns;
        this.management = management;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * A new worker of the department of worker1 (生产部) or worker2 (财务部) applies, the enterprise chain
     * approves, the notice ends. A new worker each time: one account has one household (一户一档).
     */
    HouseholdFile filedInTheCompany(String workerOfDepartment) {
        boolean finance = "worker2".equals(workerOfDepartment);
        return households.filed(people.newWorkerOf(finance ? "C01D02" : "C01D01"),
                finance ? ENTERPRISE_CHAIN_2 : Households.ENTERPRISE_CHAIN);
    }

    /** A new worker of 城关便民超市 applies on the union route: branch1 reviews and visits, county1 approves. */
    HouseholdFile filedInTheCityBranch() {
        return households.filedOnTheUnionRoute(people.newWorkerOf("CU01B01W1"), "branch1");
    }

    /** 发放账户: where the household's campaign money goes, as its latest cash grant would have set it. */
    HouseholdFile withPayee(HouseholdFile file) {
        transaction.executeWithoutResult(status -> files.findById(file.getId()).orElseThrow()
                .changePayee(String.valueOf(ACCOUNTS.incrementAndGet()), "中国工商银行示范县支行"));
        return files.findById(file.getId()).orElseThrow();
    }

    /** The organiser's fund of this year from one source. */
    Fund fund(String organiser, FundSource source) {
        return campaigns.fundsFor(directory.actor(organiser)).stream().filter(f -> f.getSource() == source)
                .findFirst().orElseThrow();
    }

    /** The fund's figures as they are now in the database. */
    Fund reloaded(Fund fund) {
        return funds.findById(fund.getId()).orElseThrow();
    }

    /** A campaign form whose list holds only the given households: every other household found is taken off. */
    CampaignForm onlyThese(String organiser, Holiday holiday, String title, Fund fund, Collection<HouseholdFile> mine) {
        Set<Long> ours = mine.stream().map(HouseholdFile::getId).collect(Collectors.toSet());
        CampaignForm all = new CampaignForm(holiday, title, null, null, null, fund == null ? null : fund.getId(), null);
        Actor actor = directory.actor(organiser);
        Set<Long> others = campaigns.preview(actor, all).stream().map(CampaignCandidate::fileId)
                .filter(id -> !ours.contains(id)).collect(Collectors.toSet());
        return new CampaignForm(holiday, title, null, null, null, all.fundId(), others);
    }

    /**
     * Runs a process instance's jobs as the job executor would, each failure counting a retry down (the
     * retry cycle's due dates lie in the future; executeJob runs a job regardless), until no job has
     * retries left.
     */
    void runJobsUntilRetriesAreUsedUp(String processInstanceId) {
        for (int round = 0; round < 10; round++) {
            List<Job> withRetries = management.createJobQuery().processInstanceId(processInstanceId)
                    .withRetriesLeft().list();
            if (withRetries.isEmpty()) {
                return;
            }
            for (Job job : withRetries) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException failed) {
                    // the engine has counted the retry down; the next round tries again
                }
            }
        }
        throw new AssertionError("jobs of " + processInstanceId + " still have retries after ten rounds");
    }
}
