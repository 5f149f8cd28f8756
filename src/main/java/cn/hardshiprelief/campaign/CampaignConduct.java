package cn.hardshiprelief.campaign;

import cn.hardshiprelief.fund.Funds;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.task.TaskGoneException;
import cn.hardshiprelief.task.Tasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Running a campaign after it is submitted: the county union's batch approval, the end of a rejected or
 * completed campaign, households that could not be paid (taken off the list, or paid again after the cause
 * is fixed), and the visits.
 */
@Service
public class CampaignConduct {

    public static final String APPROVAL_STEP = "approveCampaignList";

    private final CampaignRepository campaigns;
    private final CampaignLineRepository lines;
    private final Funds funds;
    private final CampaignProcess process;
    private final Tasks tasks;
    private final Clock clock;

    public CampaignConduct(CampaignRepository campaigns, CampaignLineRepository lines, Funds funds,
                           CampaignProcess process, Tasks tasks, Clock clock) {
        this.campaigns = campaigns;
        this.lines = lines;
        this.funds = funds;
        this.process = process;
        this.tasks = tasks;
        this.clock = clock;
    }

    public Optional<OpenTask> approvalTask(WarmthCampaign campaign) {
        return campaign.getProcessInstanceId() == null ? Optional.empty()
                : tasks.openTaskOf(campaign.getProcessInstanceId(), APPROVAL_STEP);
    }

    @Transactional
    public void decide(Actor actor, Long campaignId, Boolean approved, String comment) {
        if (approved == null || comment == null || comment.isBlank()) {
            throw new BusinessException("campaign.decision.required");
        }
        WarmthCampaign campaign = campaign(campaignId);
        OpenTask task = approvalTask(campaign).orElseThrow(() -> new ConflictException("campaign.task.gone"));
        if (!task.actionableBy(actor.username(), actor.groupIds())) {
            throw new ForbiddenException("campaign.task.notYours");
        }
        try {
            tasks.claimAndComplete(task.id(), actor.username(), Map.of("approved", approved, "comment", comment.strip()));
        } catch (TaskGoneException e) {
            throw new ConflictException("campaign.task.gone");
        }
    }

    /** The approval listener: from this page or from Tasklist. */
    @Transactional
    public void decided(Long campaignId, boolean approved, String by, String comment) {
        campaign(campaignId).decided(approved, by, comment, clock.instant());
    }

    /** A rejected list gives its reserved money back. */
    @Transactional
    public void cancel(Long campaignId) {
        WarmthCampaign campaign = campaign(campaignId);
        funds.release(campaign.getFund(), campaign.getTotalAmount());
    }

    @Transactional
    public void complete(Long campaignId) {
        campaign(campaignId).completed(clock.instant());
    }

    /** Takes a household that could not be paid off the list; its money goes back to the fund. */
    @Transactional
    public void removeLine(Actor actor, Long campaignId, Long lineId) {
        WarmthCampaign campaign = managed(actor, campaignId);
        CampaignLine line = lines.findById(lineId).filter(l -> l.getCampaignId().equals(campaign.getId()))
                .orElseThrow(() -> new NotFoundException("campaign.notFound"));
        line.remove();
        BigDecimal amount = line.getAmount();
        funds.release(campaign.getFund(), amount);
        campaign.lineRemoved(amount);
    }

    /** Pays the failed batches again (after the households' causes were fixed or they were taken off). */
    @Transactional
    public int retryFailed(Actor actor, Long campaignId) {
        return process.retryFailedBatches(managed(actor, campaignId));
    }

    @Transactional
    public int recordVisits(Actor actor, Long campaignId, Collection<Long> lineIds, String note) {
        WarmthCampaign campaign = managed(actor, campaignId);
        if (lineIds == null || lineIds.isEmpty() || note == null || note.isBlank()) {
            throw new BusinessException("campaign.visit.required");
        }
        int count = 0;
        for (CampaignLine line : lines.findAllById(lineIds)) {
            if (line.getCampaignId().equals(campaign.getId())) {
                line.visited(actor.username(), note.strip(), clock.instant());
                count++;
            }
        }
        return count;
    }

    private WarmthCampaign managed(Actor actor, Long campaignId) {
        WarmthCampaign campaign = campaign(campaignId);
        if (!actor.isAdmin() && !campaign.getUnion().getId().equals(actor.orgUnitId())) {
            throw new ForbiddenException("campaign.forbidden");
        }
        return campaign;
    }

    private WarmthCampaign campaign(Long id) {
        return campaigns.findById(id).orElseThrow(() -> new NotFoundException("campaign.notFound"));
    }
}
