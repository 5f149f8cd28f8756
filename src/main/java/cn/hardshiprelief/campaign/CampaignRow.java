package cn.hardshiprelief.campaign;

/** One campaign in the list of campaigns, with the share of its households already paid. */
public record CampaignRow(WarmthCampaign campaign, int percentPaid) {
}
