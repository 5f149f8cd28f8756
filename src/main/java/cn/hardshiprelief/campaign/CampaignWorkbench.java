package cn.hardshiprelief.campaign;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.workbench.CaseDirectory;
import cn.hardshiprelief.workbench.StepDecider;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Warmth campaigns on the workbench: what a copied campaign is called, and its list approval decided in a batch. */
@Component
class CampaignWorkbench implements CaseDirectory, StepDecider {

    private final CampaignRepository campaigns;
    private final CampaignConduct conduct;

    CampaignWorkbench(CampaignRepository campaigns, CampaignConduct conduct) {
        this.campaigns = campaigns;
        this.conduct = conduct;
    }

    @Override
    public String processId() {
        return CampaignProcess.PROCESS_ID;
    }

    @Override
    public Optional<CaseSummary> describe(String businessKey) {
        return campaigns.findById(Long.valueOf(businessKey)).map(c -> new CaseSummary("#" + c.getId(), c.getTitle(),
                "/campaigns/" + c.getId()));
    }

    @Override
    public Set<String> steps() {
        return Set.of(CampaignProcess.APPROVAL_STEP);
    }

    @Override
    public void decide(Actor actor, OpenTask task, String businessKey, Map<String, String> submitted) {
        WarmthCampaign campaign = campaigns.findById(Long.valueOf(businessKey)).orElseThrow();
        if (conduct.approvalTask(campaign).filter(open -> open.id().equals(task.id())).isEmpty()) {
            throw new ConflictException("workbench.taskGone");
        }
        conduct.decide(actor, campaign.getId(), submitted);
    }
}
