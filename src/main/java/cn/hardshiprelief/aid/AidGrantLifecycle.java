package cn.hardshiprelief.aid;

import cn.hardshiprelief.vocabulary.GrantId;
import cn.hardshiprelief.fund.Funds;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.NotFoundException;
import cn.hardshiprelief.storage.EvidenceStorage;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The steps of a grant's life after the request, as the {@code aidGrant} process and the pages drive them.
 * Each records who did it in the grant's history; the ones that end a cash grant without paying it give
 * its reserved money back to the fund.
 */
@Service
@Transactional
public class AidGrantLifecycle {

    private final AidGrantRepository grants;
    private final AidGrantEventRepository events;
    private final Funds funds;
    private final AidProcess process;
    private final EvidenceStorage storage;
    private final Clock clock;

    public AidGrantLifecycle(AidGrantRepository grants, AidGrantEventRepository events, Funds funds, AidProcess process,
                             EvidenceStorage storage, Clock clock) {
        this.grants = grants;
        this.events = events;
        this.funds = funds;
        this.process = process;
        this.storage = storage;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Saves a checked and priced request with its proof, numbers it and starts its approval. */
    AidGrant requested(AidGrant grant, MultipartFile proof, String username) {
        if (proof != null && !proof.isEmpty()) {
            grant.proof(storage.store(proof));
        }
        try {
            grants.saveAndFlush(grant);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("aid.duplicateOnce");
        }
        grant.numbered();
        record(grant, AidGrantEvent.Kind.REQUESTED, grant.getReason(), username);
        grant.started(process.start(grant));
        return grant;
    }

    public AidGrant grant(Long grantId) {
        return grants.findById(grantId).orElseThrow(() -> new NotFoundException("aid.notFound"));
    }

    /** One approver's decision, from the app's page or from Tasklist. */
    public void decisionTaken(Long grantId, String step, boolean approved, String comment, String username) {
        AidGrant grant = grant(grantId);
        record(grant, approved ? AidGrantEvent.Kind.APPROVED_STEP : AidGrantEvent.Kind.REJECTED,
                step + (comment == null || comment.isBlank() ? "" : ": " + comment.strip()), username);
    }

    public void levelDecided(Long grantId, ApprovalLevel level) {
        grant(grantId).levelDecided(level);
    }

    public void approve(Long grantId) {
        AidGrant grant = grant(grantId);
        grant.approve();
        record(grant, AidGrantEvent.Kind.APPROVED, null, "system");
    }

    public void reject(Long grantId) {
        AidGrant grant = grant(grantId);
        releaseReservation(grant);
        grant.reject(now());
    }

    /** The checks inside the process found what the request's checks had not (another grant got there first). */
    void refuse(AidGrant grant, String finding) {
        releaseReservation(grant);
        grant.refuse(now());
        record(grant, AidGrantEvent.Kind.REFUSED, finding, "system");
    }

    public void cancel(Long grantId, String username, String reason) {
        AidGrant grant = grant(grantId);
        releaseReservation(grant);
        grant.cancel(now());
        record(grant, AidGrantEvent.Kind.CANCELLED, reason, username);
    }

    public void delivered(Long grantId, String outcome, String username) {
        AidGrant grant = grant(grantId);
        grant.delivered(outcome, now());
        record(grant, AidGrantEvent.Kind.DELIVERED, outcome, username);
    }

    public void received(Long grantId, String note, String username) {
        AidGrant grant = grant(grantId);
        grant.received(note, now());
        record(grant, AidGrantEvent.Kind.RECEIVED, note, username);
    }

    public void payeeCorrected(Long grantId, String account, String bank, String username) {
        AidGrant grant = grant(grantId);
        grant.correctPayee(account, bank);
        record(grant, AidGrantEvent.Kind.PAYEE_CORRECTED, null, username);
    }

    /**
     * What the bank said of the grant's payment. A returned payment puts the money back in reserve and
     * becomes a task: the waiting process moves on to it, and a campaign grant, which has no process yet,
     * gets one that starts at that task.
     */
    public void bankResult(GrantId grantId, boolean confirmed, String message) {
        AidGrant grant = grant(grantId.value());
        if (confirmed) {
            grant.paymentConfirmed();
            record(grant, AidGrantEvent.Kind.PAYMENT_CONFIRMED, grant.paymentKey(), "bank");
        } else {
            grant.paymentFailed();
            funds.unpay(grant.getFund(), grant.getAmount());
            record(grant, AidGrantEvent.Kind.PAYMENT_FAILED, grant.paymentKey() + ": " + message, "bank");
        }
        if (!process.bankResult(grant, confirmed) && !confirmed) {
            grant.started(process.startAtFailedPayment(grant));
        }
    }

    public void record(AidGrant grant, AidGrantEvent.Kind kind, String detail, String username) {
        events.save(new AidGrantEvent(grant.getId(), kind, detail, username, now()));
    }

    private void releaseReservation(AidGrant grant) {
        if (grant.holdsReservation() && grant.getFund() != null && grant.getAmount().signum() > 0) {
            funds.release(grant.getFund(), grant.getAmount());
        }
    }
}
