package cn.hardshiprelief.campaign;

import cn.hardshiprelief.task.OpenTask;
import org.springframework.data.domain.Page;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the campaign's page shows: the campaign, its progress, the approval task (null when none is open)
 * and whether the reader may decide it, whether the reader runs the campaign, the households that could
 * not be paid (the first {@link CampaignConduct#FAILED_SHOWN}), and one page of the list.
 */
public record CampaignView(WarmthCampaign campaign, CampaignProgress progress, OpenTask approvalTask,
                           boolean mayDecide, boolean mayManage, List<CampaignLine> failedLines,
                           Page<CampaignLine> lines) {

    /** Everyone the page names (who set it up, who decided, who visited), to be shown by name. */
    public Set<String> people() {
        Set<String> people = new HashSet<>();
        people.add(campaign.getCreatedBy());
        if (campaign.getDecidedBy() != null) {
            people.add(campaign.getDecidedBy());
        }
        lines.forEach(line -> {
            if (line.getVisitedBy() != null) {
                people.add(line.getVisitedBy());
            }
        });
        return people;
    }

    /**
     * The page follows the payment by reloading itself while the campaign is paying, except when all that is
     * left is failed households waiting for the organiser: then it holds still, so they can be taken off the
     * list or visits recorded without the page reloading under them.
     */
    public boolean refreshing() {
        return campaign.getStatus() == CampaignStatus.PAYING && !(progress.failed() > 0 && progress.selected() == 0);
    }

    /** Failed households are waiting for the organiser: take them off, or fix the file and pay again. */
    public boolean needsAttention() {
        return campaign.getStatus() == CampaignStatus.PAYING && progress.failed() > 0;
    }

    public boolean failedCut() {
        return progress.failed() > failedLines.size();
    }
}
