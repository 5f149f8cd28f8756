package cn.hardshiprelief.campaign;

import cn.hardshiprelief.aid.AidGrantLifecycle;
import cn.hardshiprelief.aid.GrantStatus;
import cn.hardshiprelief.fund.Funds;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.task.TaskForm;
import cn.hardshiprelief.task.TaskGoneException;
import cn.hardshiprelief.task.Tasks;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Running a campaign after it is submitted: the county union's batch approval, the end of a rejected or
 * completed campaign, households that could not be paid (taken off the list, or paid again after the cause
 * is fixed), and the visits.
 */
@Service
public class CampaignConduct {

    public static final String APPROVAL_STEP = CampaignProcess.APPROVAL_STEP;
    /** Lines of the list per page on the campaign's page. */
    public static final int LINES_PER_PAGE = 50;
    /** Failed households listed on the campaign's page; the count covers them all. */
    public static final int FAILED_SHOWN = 200;
    /** The columns' lengths: a longer text is refused with a message, not a database error. */
    public static final int MAX_VISIT_NOTE = 500;

    private final CampaignRepository campaigns;
    private final CampaignLineRepository lines;
    private final Funds funds;
    private final CampaignProcess process;
    private final Tasks tasks;
    private final AidGrantLifecycle grants;

    public CampaignConduct(CampaignRepository campaigns, CampaignLineRepository lines, Funds funds,
                           CampaignProcess process, Tasks tasks, AidGrantLifecycle grants) {
        this.campaigns = campaigns;
        this.lines = lines;
        this.funds = funds;
        this.process = process;
        this.tasks = tasks;
        this.grants = grants;
    }

    public Optional<OpenTask> approvalTask(WarmthCampaign campaign) {
        return campaign.getProcessInstanceId() == null ? Optional.empty()
                : tasks.openTaskOf(campaign.getProcessInstanceId(), APPROVAL_STEP);
    }

    /** The list's approval, answered on the step's Camunda Form (approveCampaignList: approved, comment). */
    @Transactional
    public void decide(Actor actor, Long campaignId, Map<String, String> submitted) {
        WarmthCampaign campaign = campaign(campaignId);
        OpenTask task = approvalTask(campaign).orElseThrow(() -> new ConflictException("campaign.task.gone"));
        if (!task.actionableBy(actor.username(), actor.groupIds())) {
            throw new ForbiddenException("campaign.task.notYours");
        }
        try {
            tasks.completeForm(task, actor.username(), submitted, Map.of());
        } catch (TaskGoneException e) {
            throw new ConflictException("campaign.task.gone");
        }
    }

    @Transactional
    public void decide(Actor actor, Long campaignId, Boolean approved, String comment) {
        Map<String, String> submitted = new HashMap<>();
        submitted.put("approved", approved == null ? null : approved.toString());
        submitted.put("comment", comment);
        decide(actor, campaignId, submitted);
    }

    /** The Camunda Form of the list's approval, for its page. */
    @Transactional(readOnly = true)
    public TaskForm approvalForm(OpenTask task) {
        return tasks.form(task);
    }

    /** The approval listener: from this page or from Tasklist. */
    @Transactional
    public void decided(Long campaignId, boolean approved, String by, String comment) {
        campaign(campaignId).decided(approved, by, comment, grants.now());
    }

    /** A rejected list gives its reserved money back. */
    @Transactional
    public void cancel(Long campaignId) {
        WarmthCampaign campaign = campaign(campaignId);
        funds.release(campaign.getFund(), campaign.getTotalAmount());
    }

    @Transactional
    public void complete(Long campaignId) {
        campaign(campaignId).completed(grants.now());
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
        if (note.strip().length() > MAX_VISIT_NOTE) {
            throw new BusinessException("campaign.visit.tooLong", MAX_VISIT_NOTE);
        }
        int count = 0;
        for (CampaignLine line : lines.findAllById(lineIds)) {
            if (line.getCampaignId().equals(campaign.getId())) {
                line.visited(actor.username(), note.strip(), grants.now());
                receivedIfPaid(line, actor.username(), note.strip());
                count++;
            }
        }
        return count;
    }

    /**
     * The visit hands the greetings over: a warmth grant the bank has confirmed counts as received, as the
     * recipient's receipt would for a grant of its own. One still on its way to the bank stays as it is.
     */
    private void receivedIfPaid(CampaignLine line, String username, String note) {
        if (line.getGrantId() != null && grants.grant(line.getGrantId()).getStatus() == GrantStatus.PAID) {
            grants.received(line.getGrantId(), note, username);
        }
    }

    /** How far the campaign has come: households by line status, visits recorded, failed batch jobs. */
    @Transactional(readOnly = true)
    public CampaignProgress progress(WarmthCampaign campaign) {
        Map<LineStatus, Long> counts = new EnumMap<>(LineStatus.class);
        long visited = 0;
        for (Object[] row : lines.progress(campaign.getId())) {
            counts.put((LineStatus) row[0], ((Number) row[1]).longValue());
            visited += row[2] == null ? 0 : ((Number) row[2]).longValue();
        }
        return new CampaignProgress(counts.getOrDefault(LineStatus.SELECTED, 0L),
                counts.getOrDefault(LineStatus.PAID, 0L), counts.getOrDefault(LineStatus.FAILED, 0L),
                counts.getOrDefault(LineStatus.REMOVED, 0L), visited, process.failedBatches(campaign));
    }

    /** The campaign's page: its progress, the approval if it waits for the actor, failures, one page of lines. */
    @Transactional(readOnly = true)
    public CampaignView view(Actor actor, Long campaignId, int page) {
        WarmthCampaign campaign = campaign(campaignId);
        if (!Campaigns.mayRead(actor, campaign)) {
            throw new ForbiddenException("campaign.forbidden");
        }
        OpenTask approval = approvalTask(campaign).orElse(null);
        boolean mayDecide = approval != null && approval.actionableBy(actor.username(), actor.groupIds());
        List<CampaignLine> failed = lines.findByCampaignIdAndStatusOrderByLineIndex(campaign.getId(), LineStatus.FAILED);
        return new CampaignView(campaign, progress(campaign), approval, mayDecide, mayManage(actor, campaign),
                failed.subList(0, Math.min(failed.size(), FAILED_SHOWN)),
                lines.findByCampaignIdOrderByLineIndex(campaign.getId(),
                        PageRequest.of(Math.max(page, 0), LINES_PER_PAGE)));
    }

    /** The campaigns of a list with their paid share, counted with one query. */
    @Transactional(readOnly = true)
    public List<CampaignRow> rows(List<WarmthCampaign> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<LineStatus, Long>> counts = new HashMap<>();
        for (Object[] row : lines.countsByStatus(list.stream().map(WarmthCampaign::getId).toList())) {
            counts.computeIfAbsent((Long) row[0], id -> new EnumMap<>(LineStatus.class))
                    .put((LineStatus) row[1], ((Number) row[2]).longValue());
        }
        return list.stream().map(campaign -> {
            Map<LineStatus, Long> of = counts.getOrDefault(campaign.getId(), Map.of());
            CampaignProgress progress = new CampaignProgress(of.getOrDefault(LineStatus.SELECTED, 0L),
                    of.getOrDefault(LineStatus.PAID, 0L), of.getOrDefault(LineStatus.FAILED, 0L),
                    of.getOrDefault(LineStatus.REMOVED, 0L), 0, 0);
            return new CampaignRow(campaign, progress.percentPaid());
        }).toList();
    }

    /** The organising union's staff run the campaign: take failed households off, pay again, record visits. */
    public boolean mayManage(Actor actor, WarmthCampaign campaign) {
        return actor.isAdmin() || campaign.getUnion().getId().equals(actor.orgUnitId());
    }

    private WarmthCampaign managed(Actor actor, Long campaignId) {
        WarmthCampaign campaign = campaign(campaignId);
        if (!mayManage(actor, campaign)) {
            throw new ForbiddenException("campaign.forbidden");
        }
        return campaign;
    }

    private WarmthCampaign campaign(Long id) {
        return campaigns.findById(id).orElseThrow(() -> new NotFoundException("campaign.notFound"));
    }
}
