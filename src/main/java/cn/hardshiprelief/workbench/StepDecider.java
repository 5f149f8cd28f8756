package cn.hardshiprelief.workbench;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.task.OpenTask;

import java.util.Map;
import java.util.Set;

/**
 * Decides one approval step of a process the way the feature's own page does (its checks, its records), so that a
 * batch decision is each case decided on its own. Implemented by the feature that owns the steps.
 */
public interface StepDecider {

    /** The user task ids this decides. */
    Set<String> steps();

    /**
     * Decides the task of the case with this business key with what was submitted for its Camunda Form; refusals are
     * the feature's {@link cn.hardshiprelief.shared.BusinessException}s.
     */
    void decide(Actor actor, OpenTask task, String businessKey, Map<String, String> submitted);
}
