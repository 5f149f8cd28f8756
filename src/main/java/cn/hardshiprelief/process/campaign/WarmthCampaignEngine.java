package cn.hardshiprelief.process.campaign;

import cn.hardshiprelief.campaign.CampaignProcess;
import cn.hardshiprelief.campaign.WarmthCampaign;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import java.util.List;

/** Starts {@code warmthCampaign} (business key = campaign id) and looks after its failed batch jobs. */
@Component
public class WarmthCampaignEngine implements CampaignProcess {

    private final RuntimeService runtime;
    private final ManagementService management;

    public WarmthCampaignEngine(RuntimeService runtime, ManagementService management) {
        this.runtime = runtime;
        this.management = management;
    }

    @Override
    public String start(WarmthCampaign campaign) {
        int batches = (campaign.getHouseholdCount() + BATCH_SIZE - 1) / BATCH_SIZE;
        return runtime.startProcessInstanceByKey(WarmthCampaignProcess.PROCESS_ID, campaign.getId().toString(),
                Variables.createVariables()
                        .putValue(WarmthCampaignProcess.CAMPAIGN_ID, campaign.getId())
                        .putValue(WarmthCampaignProcess.UNIT_CODE, campaign.getUnion().getCode())
                        .putValue(WarmthCampaignProcess.COUNTY_UNIT_CODE, campaign.getCountyUnion().getCode())
                        .putValue(WarmthCampaignProcess.BATCH_COUNT, batches)).getId();
    }

    @Override
    public int failedBatches(WarmthCampaign campaign) {
        return failedJobs(campaign).size();
    }

    @Override
    public int retryFailedBatches(WarmthCampaign campaign) {
        List<Job> failed = failedJobs(campaign);
        for (Job job : failed) {
            management.setJobRetries(job.getId(), 3);
            management.setJobDuedate(job.getId(), null);
        }
        return failed.size();
    }

    private List<Job> failedJobs(WarmthCampaign campaign) {
        if (campaign.getProcessInstanceId() == null) {
            return List.of();
        }
        return management.createJobQuery().processInstanceId(campaign.getProcessInstanceId()).withException().list();
    }
}
