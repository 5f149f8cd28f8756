package cn.hardshiprelief.campaign;

import cn.hardshiprelief.task.CaseParties;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

/** The caseworker who drew up and submitted a warmth campaign's list does not approve it. */
@Component
class CampaignCaseParties implements CaseParties {

    private final CampaignRepository campaigns;

    CampaignCaseParties(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public String processId() {
        return CampaignProcess.PROCESS_ID;
    }

    @Override
    public Map<String, Set<String>> of(String businessKey) {
        return campaigns.findById(Long.valueOf(businessKey))
                .map(campaign -> Map.of(SUBMITTER, Set.of(campaign.getCreatedBy())))
                .orElse(Map.<String, Set<String>>of());
    }
}
