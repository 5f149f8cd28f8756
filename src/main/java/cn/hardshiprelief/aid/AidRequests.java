package cn.hardshiprelief.aid;

import cn.hardshiprelief.vocabulary.HouseholdFileId;
import cn.hardshiprelief.vocabulary.SchoolingStage;
import cn.hardshiprelief.fund.Fund;
import cn.hardshiprelief.fund.Funds;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.storage.PendingUpload;
import cn.hardshiprelief.storage.PendingUploads;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * 申请救助: prices a request by the standards of today, runs the duplicate, cap and fund checks, reserves
 * the money and starts {@code aidGrant} — all in one transaction, so a refused request leaves nothing
 * behind (not the grant, not the reservation, not the uploaded proof).
 */
@Service
public class AidRequests {

    private final AidGrantRepository grants;
    private final Beneficiaries beneficiaries;
    private final AidPricing pricing;
    private final AidChecks checks;
    private final Funds funds;
    private final AidGrantLifecycle lifecycle;
    private final PendingUploads pendingUploads;

    /* Seven collaborators, one over the usual limit: the proof kept from a refused request is claimed here, in the
       request's own transaction, so a refused request leaves it pending for the next try. */
    public AidRequests(AidGrantRepository grants, Beneficiaries beneficiaries, AidPricing pricing, AidChecks checks,
                       Funds funds, AidGrantLifecycle lifecycle, PendingUploads pendingUploads) {
        this.pendingUploads = pendingUploads;
        this.grants = grants;
        this.beneficiaries = beneficiaries;
        this.pricing = pricing;
        this.checks = checks;
        this.funds = funds;
        this.lifecycle = lifecycle;
    }

    @Transactional
    public AidGrant request(Actor actor, AidRequestForm form, MultipartFile proof) {
        return request(actor, form, proof, null);
    }

    /**
     * @param keptProof the id of a proof kept from an earlier, refused request of this form (PendingUploads), used
     *                  when no new file is chosen
     */
    @Transactional
    public AidGrant request(Actor actor, AidRequestForm form, MultipartFile proof, Long keptProof) {
        if (form.requestToken() != null && !form.requestToken().isBlank()) {
            Optional<AidGrant> earlier = grants.findByRequestToken(form.requestToken());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        AidKind kind = form.kind();
        if (!kind.requestable()) {
            throw new BusinessException("aid.notRequestable");
        }
        Beneficiary beneficiary = beneficiaryOf(form, kind);
        beneficiaries.checkMayRequest(actor, beneficiary, kind);
        if (kind.needsOpenFile() && !beneficiary.fileOpen()) {
            throw new BusinessException("aid.fileNotOpen");
        }
        LocalDate today = lifecycle.today();
        AidGrant grant = new AidGrant(beneficiary, kind, today.getYear(), actor.username(), lifecycle.now());
        if (kind == AidKind.EDUCATION_AID) {
            if (form.stage() == null || form.stage() == SchoolingStage.NONE || form.studentMemberId() == null) {
                throw new BusinessException("aid.education.studentRequired");
            }
            // 金秋助学 is for the household's own children: the student is a member of its file
            Beneficiary.Member student = beneficiary.member(form.studentMemberId())
                    .orElseThrow(() -> new BusinessException("aid.education.notAMember", beneficiary.name()));
            grant.schooling(form.stage(), student);
        }
        boolean newProof = proof != null && !proof.isEmpty();
        PendingUpload kept = newProof || keptProof == null ? null : pendingUploads
                .claim(actor.username(), form.requestToken(), List.of(keptProof)).stream().findFirst().orElse(null);
        if (kind.needsProof() && !newProof && kept == null) {
            throw new BusinessException("aid.proofRequired." + kind.name());
        }
        pricing.price(grant, beneficiary, form.basis());
        Fund fund = null;
        if (kind.cash()) {
            if (blank(form.payeeAccount()) || blank(form.payeeBank())) {
                throw new BusinessException("aid.payeeRequired");
            }
            fund = funds.forGrant(form.fundId(), beneficiary.grantingUnion(), grant.getYear());
        }
        grant.requestDetails(fund, form.reason().strip(), strip(form.payeeAccount()), strip(form.payeeBank()),
                blank(form.requestToken()) ? null : form.requestToken(), checks.onceKey(grant, beneficiary));
        List<Finding> found = checks.check(grant, beneficiary, today);
        Optional<Finding> stop = found.stream().filter(Finding::blocking).findFirst();
        if (stop.isPresent()) {
            throw new BusinessException(stop.get().messageKey(), stop.get().argArray());
        }
        grant.findings(found.stream().map(Finding::line).toList());
        if (fund != null) {
            funds.reserve(fund, grant.getAmount());
            beneficiaries.rememberPayee(grant.getFileId(), grant.getPayeeAccount(), grant.getPayeeBank());
        }
        if (kept != null) {
            grant.proof(kept.file());
        }
        return lifecycle.requested(grant, proof, actor.username());
    }

    private Beneficiary beneficiaryOf(AidRequestForm form, AidKind kind) {
        if (form.fileId() != null) {
            return beneficiaries.ofFile(HouseholdFileId.required(form.fileId()));
        }
        if (kind == AidKind.EMERGENCY_AID && !blank(form.workerUsername())) {
            return beneficiaries.ofWorker(form.workerUsername().strip());
        }
        throw new BusinessException("aid.beneficiaryRequired");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return blank(s) ? null : s.strip();
    }
}
