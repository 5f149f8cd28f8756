package cn.hardshiprelief.aid;

import cn.hardshiprelief.shared.PlainText;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.task.OpenTask;
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
public class AidTasks {

    public static final Set<String> APPROVAL_STEPS = Set.of("approveByBranchUnion", "approveByCountyUnion",
            "approveByCountyUnionChair");
    public static final String REFERRAL_STEP = "recordReferralOutcome";
    public static final String RECEIPT_STEP = "confirmReceipt";
    public static final String FAILED_PAYMENT_STEP = "resolveFailedPayment";

    /** Comments, outcomes and notes: the columns {@code aid_grant.outcome} and {@code decision_comment} hold 1,000. */
    static final int TEXT_COLUMN = 1000;

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

    @Transactional
    public void decide(Actor actor, Long grantId, Boolean approved, String comment) {
        if (approved == null || comment == null || comment.isBlank()) {
            throw new BusinessException("aid.decision.required");
        }
        PlainText.requireAtMost(comment, TEXT_COLUMN);
        complete(actor, grantId, APPROVAL_STEPS, Map.of("approved", approved, "comment", comment.strip()));
    }

    @Transactional
    public void recordOutcome(Actor actor, Long grantId, String outcome) {
        if (outcome == null || outcome.isBlank()) {
            throw new BusinessException("aid.outcome.required");
        }
        PlainText.requireAtMost(outcome, TEXT_COLUMN);
        complete(actor, grantId, Set.of(REFERRAL_STEP), Map.of("referralOutcome", outcome.strip()));
    }

    @Transactional
    public void confirmReceipt(Actor actor, Long grantId, String note) {
        if (note == null || note.isBlank()) {
            throw new BusinessException("aid.receipt.required");
        }
        PlainText.requireAtMost(note, TEXT_COLUMN);
        complete(actor, grantId, Set.of(RECEIPT_STEP), Map.of("receiptNote", note.strip()));
    }

    /** Pay again (with corrected bank details) or cancel the grant. */
    @Transactional
    public void resolveFailedPayment(Actor actor, Long grantId, Boolean retry, String account, String bank,
                                     String comment) {
        if (retry == null || comment == null || comment.isBlank()) {
            throw new BusinessException("aid.decision.required");
        }
        PlainText.requireAtMost(comment, TEXT_COLUMN);
        if (retry && account != null && !account.isBlank()) {
            if (!account.strip().matches("[0-9]{12,30}") || bank == null || bank.isBlank()) {
                throw new BusinessException("aid.payeeAccount.pattern");
            }
            lifecycle.payeeCorrected(grantId, account.strip(), bank.strip(), actor.username());
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("retryPayment", retry);
        variables.put("comment", comment.strip());
        complete(actor, grantId, Set.of(FAILED_PAYMENT_STEP), variables);
    }

    private void complete(Actor actor, Long grantId, Set<String> steps, Map<String, Object> variables) {
        AidGrant grant = lifecycle.grant(grantId);
        OpenTask task = openStep(grant).filter(t -> steps.contains(t.stepId()))
                .orElseThrow(() -> new ConflictException("aid.task.gone", grant.getGrantNumber()));
        if (!mayAct(actor, grant, task)) {
            throw new ForbiddenException("aid.task.notYours");
        }
        try {
            tasks.claimAndComplete(task.id(), actor.username(), variables);
        } catch (TaskGoneException e) {
            throw new ConflictException("aid.task.gone", grant.getGrantNumber());
        }
    }
}
