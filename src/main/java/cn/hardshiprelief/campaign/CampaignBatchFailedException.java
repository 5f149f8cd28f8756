package cn.hardshiprelief.campaign;

import java.util.List;

/**
 * Some households of a batch could not be paid; the message (an incident's, in Cockpit) names them by line id
 * and head of household, with the reason.
 */
public class CampaignBatchFailedException extends RuntimeException {

    public CampaignBatchFailedException(Long campaignId, int batchIndex, List<String> failures) {
        super("Campaign " + campaignId + ", batch " + batchIndex + ": " + failures.size()
                + " household(s) not paid (campaign line id and head of household: reason): "
                + String.join("; ", failures));
    }
}
