package cn.hardshiprelief.process.campaign;

import cn.hardshiprelief.campaign.CampaignProcess;

/**
 * Ids and variable names of process {@code warmthCampaign} (processes/warmthCampaign.bpmn), business
 * key = the campaign's id. They are a contract with the Modeler, Cockpit, tests and the REST API:
 * keep them stable.
 */
public final class WarmthCampaignProcess {

    public static final String PROCESS_ID = CampaignProcess.PROCESS_ID;

    public static final String CAMPAIGN_LIST_SUBMITTED = "campaignListSubmitted";
    public static final String APPROVE_CAMPAIGN_LIST = CampaignProcess.APPROVAL_STEP;
    public static final String IS_CAMPAIGN_LIST_APPROVED = "isCampaignListApproved";
    public static final String CANCEL_CAMPAIGN = "cancelCampaign";
    public static final String CAMPAIGN_REJECTED = "campaignRejected";
    /**
     * Parallel multi-instance over {@link #BATCH_COUNT}: every batch is its own asynchronous job, retried
     * R3/PT5M; a batch that still fails becomes an incident while the other batches finish.
     */
    public static final String PAY_CAMPAIGN_BATCH = "payCampaignBatch";
    public static final String COMPLETE_CAMPAIGN = "completeCampaign";
    public static final String CAMPAIGN_COMPLETED = "campaignCompleted";

    /** The Camunda Form of {@code approveCampaignList} (forms/approveCampaignList.form). */
    public static final String APPROVE_CAMPAIGN_LIST_FORM = "approveCampaignList";

    /** Households paid by one {@code payCampaignBatch} job: batch i holds lines i*100 .. i*100+99. */
    public static final int BATCH_SIZE = 100;

    /** Set at start: the campaign's id (Long). */
    public static final String CAMPAIGN_ID = CampaignProcess.CAMPAIGN_ID;
    /** Set at start: the unit code of the organising union. */
    public static final String UNIT_CODE = "unitCode";
    /** Set at start: the county union whose group {@code countyUnion_<code>} approves the list. */
    public static final String COUNTY_UNIT_CODE = "countyUnitCode";
    /** Set at start: the number of batches of {@link #BATCH_SIZE} households (Integer), the loop cardinality. */
    public static final String BATCH_COUNT = "batchCount";
    /** Set by the engine on each batch's execution: the batch index, 0 .. batchCount-1 (Integer). */
    public static final String LOOP_COUNTER = "loopCounter";
    /** The form's required radio, checked by campaignApprovalListener: true 批准发放, false 不批准 (Boolean). */
    public static final String APPROVED = "approved";
    /** The form's required textarea: 审批意见. */
    public static final String COMMENT = "comment";

    private WarmthCampaignProcess() {
    }
}
