package cn.hardshiprelief.aid;

import cn.hardshiprelief.vocabulary.HouseholdFileId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * The checks again, inside the process ({@code checkAidGrant}): between the request and this step
 * another grant may have taken the household's once-a-year aid or its cap. A blocking finding refuses the
 * grant and frees its reservation.
 */
@Service
@Transactional
public class AidRecheck {

    private final AidGrantLifecycle lifecycle;
    private final Beneficiaries beneficiaries;
    private final AidChecks checks;

    public AidRecheck(AidGrantLifecycle lifecycle, Beneficiaries beneficiaries, AidChecks checks) {
        this.lifecycle = lifecycle;
        this.beneficiaries = beneficiaries;
        this.checks = checks;
    }

    /** @return whether the grant may go to approval */
    public boolean recheck(Long grantId) {
        AidGrant grant = lifecycle.grant(grantId);
        Beneficiary beneficiary = grant.getFileId() != null ? beneficiaries.ofFile(HouseholdFileId.required(grant.getFileId()))
                : beneficiaries.ofWorker(grant.getBeneficiaryUsername());
        if (grant.getKind().needsOpenFile() && !beneficiary.fileOpen()) {
            lifecycle.refuse(grant, "aid.fileNotOpen");
            return false;
        }
        List<Finding> found = checks.check(grant, beneficiary, lifecycle.today());
        Optional<Finding> stop = found.stream().filter(Finding::blocking).findFirst();
        if (stop.isPresent()) {
            lifecycle.refuse(grant, stop.get().line());
            return false;
        }
        grant.findings(found.stream().map(Finding::line).toList());
        return true;
    }
}
