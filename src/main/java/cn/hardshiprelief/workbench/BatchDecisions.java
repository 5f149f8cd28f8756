package cn.hardshiprelief.workbench;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.task.CaseKey;
import cn.hardshiprelief.task.InvalidFormException;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.task.Tasks;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.*;

/**
 * 批量审批: many tasks of one step decided with one opinion, each on its own — its own transaction, its own checks,
 * its own record — so that one refused or already decided is reported and the rest go through. Never all or
 * nothing: a batch of fifty does not fail because a colleague decided the twelfth a second earlier.
 */
@Service
public class BatchDecisions {

    /** Tasks one batch decides at most: a page of the inbox. */
    public static final int MAX_TASKS = 50;

    private final Tasks tasks;
    private final Map<String, StepDecider> deciders = new HashMap<>();
    private final Map<String, CaseDirectory> cases = new HashMap<>();
    private final TransactionTemplate eachOnItsOwn;

    BatchDecisions(Tasks tasks, List<StepDecider> deciders, List<CaseDirectory> cases,
                   PlatformTransactionManager transactions) {
        this.tasks = tasks;
        cases.forEach(c -> this.cases.put(c.processId(), c));
        deciders.forEach(d -> d.steps().forEach(step -> this.deciders.put(step, d)));
        this.eachOnItsOwn = new TransactionTemplate(transactions);
        this.eachOnItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Can tasks of this step be decided in a batch. */
    public boolean decidesInBatch(String stepId) {
        return deciders.containsKey(stepId);
    }

    /**
     * Decides each task with the same submission, in the order given. All must be of {@code stepId}; a task of
     * another step is reported, not decided.
     */
    public List<Outcome> decide(Actor actor, String stepId, List<String> taskIds, Map<String, String> submitted) {
        StepDecider decider = deciders.get(stepId);
        if (decider == null) {
            throw new BusinessException("workbench.batchNotForStep");
        }
        if (taskIds.isEmpty()) {
            throw new BusinessException("workbench.batchNothingChosen");
        }
        if (taskIds.size() > MAX_TASKS) {
            throw new BusinessException("workbench.batchTooMany", MAX_TASKS);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (String taskId : new LinkedHashSet<>(taskIds)) {
            outcomes.add(decideOne(actor, stepId, decider, taskId, submitted).about(reference(taskId)));
        }
        return outcomes;
    }

    /** What the person calls the task's case (its number and name), for the report; the task id when unknown. */
    private String reference(String taskId) {
        return tasks.processInstanceOfTask(taskId).flatMap(tasks::caseOf)
                .flatMap(key -> Optional.ofNullable(cases.get(key.processId())).flatMap(c -> c.describe(key.businessKey())))
                .map(summary -> summary.reference() + " " + summary.subject())
                .orElse(taskId);
    }

    private Outcome decideOne(Actor actor, String stepId, StepDecider decider, String taskId,
                              Map<String, String> submitted) {
        try {
            return eachOnItsOwn.execute(status -> {
                Optional<OpenTask> found = tasks.find(taskId);
                if (found.isEmpty()) {
                    return Outcome.refused(taskId, "workbench.taskGone");
                }
                OpenTask task = found.get();
                if (!stepId.equals(task.stepId())) {
                    return Outcome.refused(taskId, "workbench.batchOtherStep");
                }
                CaseKey key = tasks.caseOf(task.processInstanceId()).orElseThrow();
                decider.decide(actor, task, key.businessKey(), new HashMap<>(submitted));
                return Outcome.decided(taskId);
            });
        } catch (InvalidFormException e) {
            return Outcome.refused(taskId, e.getProblems().values().iterator().next());
        } catch (BusinessException e) {
            return new Outcome(taskId, taskId, false, e.getMessageKey(), e.getArgs());
        } catch (ConcurrencyFailureException e) {
            return Outcome.refused(taskId, "workbench.taskGone");
        }
    }

    /**
     * What became of one task of a batch: decided, or refused with the message saying why; {@code reference} names
     * its case (number and name) for the person.
     */
    public record Outcome(String taskId, String reference, boolean decided, String messageKey, Object[] args) {

        static Outcome decided(String taskId) {
            return new Outcome(taskId, taskId, true, null, new Object[0]);
        }

        static Outcome refused(String taskId, String messageKey) {
            return new Outcome(taskId, taskId, false, messageKey, new Object[0]);
        }

        Outcome about(String reference) {
            return new Outcome(taskId, reference, decided, messageKey, args);
        }
    }
}
