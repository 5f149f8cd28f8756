package cn.hardshiprelief.aid;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.task.TaskForm;
import cn.hardshiprelief.task.TaskGoneException;
import cn.hardshiprelief.task.Tasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The people's steps of a grant: approval at each level, the referral's outcome, the receipt, and what to do
 * with a payment the bank returned. Only those the task is offered to may act (a branch union cannot approve
 * at the county's level); the recipient may confirm their own receipt. What each step means for the grant
 * is recorded by the process's listeners, so Tasklist and these pages record the same.
 */
@Service
@Transactional
public class AidTasks {

    public static final Set<String> APPROVAL_STEPS = Set.of("approveByBranchUnion", "approveByCountyUnion",
            "approveByCountyUnionChair");
    public static final String REFERRAL_STEP = "recordReferralOutcome";
    public static final String RECEIPT_STEP = "confirmReceipt";
    public static final String FAILED_PAYMENT_STEP = "resolveFailedPayment";

    private final Tasks tasks;
    private final AidGrantLifecycle lifecycle;

    public AidTasks(Tasks tasks, AidGrantLifecycle lifecycle) {
        this.tasks = tasks;
        this.lifecycle = lifecycle;
    }

    /** The open step of the grant, if any. */
    public Optional<OpenTask> openStep(AidGrant grant) {
        if (grant.getProcessInstanceId() == null) {
            return Optional.empty();
        }
        List<OpenTask> open = tasks.openTasksOf(grant.getProcessInstanceId());
        return open.stream().findFirst();
    }

    public boolean mayAct(Actor actor, AidGrant grant, OpenTask task) {
        return task.actionableBy(actor.username(), actor.groupIds())
                || RECEIPT_STEP.equals(task.stepId()) && actor.username().equals(grant.getBeneficiaryUsername());
    }

    /** An approval, answered on the step's Camunda Form (approveAidGrant: approved, comment). */
    public void decide(Actor actor, Long grantId, Map<String, String> submitted) {
        complete(actor, grantId, APPROVAL_STEPS, submitted);
    }

    public void decide(Actor actor, Long grantId, Boolean approved, String comment) {
        decide(actor, grantId, answers("approved", approved == null ? null : approved.toString(), "comment", comment));
    }

    /** The outcome of a referral (recordReferralOutcome). */
    public void recordOutcome(Actor actor, Long grantId, Map<String, String> submitted) {
        complete(actor, grantId, Set.of(REFERRAL_STEP), submitted);
    }

    public void recordOutcome(Actor actor, Long grantId, String outcome) {
        recordOutcome(actor, grantId, answers("referralOutcome", outcome));
    }

    /** The receipt, by the recipient or the cadre who handed the aid over (confirmReceipt). */
    public void confirmReceipt(Actor actor, Long grantId, Map<String, String> submitted) {
        complete(actor, grantId, Set.of(RECEIPT_STEP), submitted);
    }

    public void confirmReceipt(Actor actor, Long grantId, String note) {
        confirmReceipt(actor, grantId, answers("receiptNote", note));
    }

    /**
     * Pay again (with corrected bank details, which the page adds to the step's form) or cancel the grant
     * (resolveFailedPayment: retryPayment, comment).
     */
    public void resolveFailedPayment(Actor actor, Long grantId, Map<String, String> submitted, String account,
                                     String bank) {
        boolean correcting = "true".equals(submitted.get("retryPayment")) && account != null && !account.isBlank();
        if (correcting && (!account.strip().matches("[0-9]{12,30}") || bank == null || bank.isBlank())) {
            throw new BusinessException("aid.payeeAccount.pattern");
        }
        OpenTask task = actionableStep(actor, grantId, Set.of(FAILED_PAYMENT_STEP));
        tasks.check(task, submitted, Map.of());
        if (correcting) {
            lifecycle.payeeCorrected(grantId, account.strip(), bank.strip(), actor.username());
        }
        complete(actor, grantId, task, submitted);
    }

    public void resolveFailedPayment(Actor actor, Long grantId, Boolean retry, String account, String bank,
                                     String comment) {
        resolveFailedPayment(actor, grantId,
                answers("retryPayment", retry == null ? null : retry.toString(), "comment", comment), account, bank);
    }

    /** The Camunda Form of the grant's open step. */
    public TaskForm form(OpenTask task) {
        return tasks.form(task);
    }

    private static Map<String, String> answers(String... keysAndValues) {
        Map<String, String> answers = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            answers.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return answers;
    }

    private void complete(Actor actor, Long grantId, Set<String> steps, Map<String, String> submitted) {
        complete(actor, grantId, actionableStep(actor, grantId, steps), submitted);
    }

    private OpenTask actionableStep(Actor actor, Long grantId, Set<String> steps) {
        AidGrant grant = lifecycle.grant(grantId);
        OpenTask task = openStep(grant).filter(t -> steps.contains(t.stepId()))
                .orElseThrow(() -> new ConflictException("aid.task.gone", grant.getGrantNumber()));
        if (!mayAct(actor, grant, task)) {
            throw new ForbiddenException("aid.task.notYours");
        }
        return task;
    }

    private void complete(Actor actor, Long grantId, OpenTask task, Map<String, String> submitted) {
        try {
            tasks.completeForm(task, actor.username(), submitted, Map.of());
        } catch (TaskGoneException e) {
            throw new ConflictException("aid.task.gone", lifecycle.grant(grantId).getGrantNumber());
        }
    }
}
