package cn.hardshiprelief.aid;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.workbench.CaseDirectory;
import cn.hardshiprelief.workbench.StepDecider;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Aid grants on the workbench: what a copied grant is called, and its approval steps decided in a batch. */
@Component
class AidWorkbench implements CaseDirectory, StepDecider {

    private final AidGrantRepository grants;
    private final AidTasks aidTasks;

    AidWorkbench(AidGrantRepository grants, AidTasks aidTasks) {
        this.grants = grants;
        this.aidTasks = aidTasks;
    }

    @Override
    public String processId() {
        return AidProcess.PROCESS_ID;
    }

    @Override
    public Optional<CaseSummary> describe(String businessKey) {
        return grants.findById(Long.valueOf(businessKey)).map(g -> new CaseSummary(g.getGrantNumber(),
                g.getBeneficiaryName(), "/aid/" + g.getId()));
    }

    @Override
    public Set<String> steps() {
        return AidTasks.APPROVAL_STEPS;
    }

    /** The grant's open step must still be the task chosen: decided by someone a moment ago, it is reported, not the next one decided. */
    @Override
    public void decide(Actor actor, OpenTask task, String businessKey, Map<String, String> submitted) {
        AidGrant grant = grants.findById(Long.valueOf(businessKey)).orElseThrow();
        if (aidTasks.openStep(grant).filter(open -> open.id().equals(task.id())).isEmpty()) {
            throw new ConflictException("aid.task.gone", grant.getGrantNumber());
        }
        aidTasks.decide(actor, grant.getId(), submitted);
    }
}
