package cn.hardshiprelief.campaign;

/** What campaigns need from the engine. */
public interface CampaignProcess {

    String PROCESS_ID = "warmthCampaign";
    /** The county union's approval of the list. */
    String APPROVAL_STEP = "approveCampaignList";
    /** The variable that names the campaign in its process. */
    String CAMPAIGN_ID = "campaignId";
    int BATCH_SIZE = 100;

    String start(WarmthCampaign campaign);

    /** Batches whose job has failed (retries left or an incident). */
    int failedBatches(WarmthCampaign campaign);

    /** Gives the failed batches their retries back, so the job executor pays them again. */
    int retryFailedBatches(WarmthCampaign campaign);
}
