package cn.hardshiprelief.aid;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.task.InboxEntry;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.task.Tasks;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The inbox lines of aid: every {@code aidGrant} task offered to the person's groups (approvals, referral
 * outcomes, receipts, returned payments), and the recipient's own receipt of a paid grant — the receipt task
 * is offered to the branch union, but the recipient may confirm it on the grant's page.
 */
@Service
@Transactional(readOnly = true)
public class AidInbox {

    private static final String GRANT_ID = "grantId";

    private final Tasks tasks;
    private final AidGrantRepository grants;
    private final AidTasks aidTasks;

    public AidInbox(Tasks tasks, AidGrantRepository grants, AidTasks aidTasks) {
        this.tasks = tasks;
        this.grants = grants;
        this.aidTasks = aidTasks;
    }

    /**
     * The inbox lines of the aid tasks of a page of the inbox (their grants' ids read in one query of the engine's
     * variables, the grants in one more); on the first page also the recipient's own receipts of the latest 50 grants.
     */
    public List<InboxEntry> inboxEntries(Actor actor, List<OpenTask> open, boolean firstPage) {
        Map<String, Long> grantIds = tasks.processVariable(open, GRANT_ID).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> ((Number) e.getValue()).longValue()));
        Map<Long, AidGrant> byId = grants.findByIdIn(grantIds.values()).stream()
                .collect(Collectors.toMap(AidGrant::getId, Function.identity()));
        List<InboxEntry> entries = new ArrayList<>();
        for (OpenTask task : open) {
            AidGrant grant = byId.get(grantIds.get(task.id()));
            if (grant != null) {
                entries.add(entry(task, grant));
            }
        }
        if (!firstPage) {
            return entries;
        }
        grants.findByBeneficiaryUsernameOrderByRequestedAtDesc(actor.username(), PageRequest.of(0, 50)).stream()
                .filter(grant -> grant.getStatus() == GrantStatus.PAID)
                .forEach(grant -> aidTasks.openStep(grant)
                        .filter(task -> AidTasks.RECEIPT_STEP.equals(task.stepId()))
                        .filter(task -> entries.stream().noneMatch(e -> e.taskId().equals(task.id())))
                        .ifPresent(task -> entries.add(entry(task, grant))));
        return entries;
    }

    private static InboxEntry entry(OpenTask task, AidGrant grant) {
        return new InboxEntry(task.id(), task.stepId(), task.created(), grant.getGrantNumber(),
                grant.getBeneficiaryName(), grant.getUnit().getName(), "/aid/" + grant.getId());
    }
}
