package cn.hardshiprelief.web;

import cn.hardshiprelief.campaign.CampaignProcess;
import cn.hardshiprelief.campaign.Campaigns;
import cn.hardshiprelief.campaign.WarmthCampaign;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.task.InboxEntry;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.task.Tasks;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The inbox lines of warmth campaigns (送温暖): the county union's approval of a campaign's list, handled on
 * the campaign's page. Kept beside the inbox because the campaign feature depends on aid, whose inbox lines
 * cannot name campaigns.
 */
@Component
class CampaignInbox {

    private final Tasks tasks;
    private final Campaigns campaigns;

    CampaignInbox(Tasks tasks, Campaigns campaigns) {
        this.tasks = tasks;
        this.campaigns = campaigns;
    }

    /** The campaign lines of a page of the inbox: a few a year, so each task's campaign is read on its own. */
    List<InboxEntry> inboxEntries(Actor actor, List<OpenTask> page) {
        return page.stream()
                .filter(task -> CampaignProcess.APPROVAL_STEP.equals(task.stepId()))
                .map(task -> {
                    Long id = ((Number) tasks.variable(task.id(), CampaignProcess.CAMPAIGN_ID)).longValue();
                    WarmthCampaign campaign = campaigns.campaign(actor, id);
                    return new InboxEntry(task.id(), task.stepId(), task.created(), campaign.getYear() + "-" + id,
                            campaign.getTitle(), campaign.getUnion().getName(), "/campaigns/" + id);
                }).toList();
    }
}
