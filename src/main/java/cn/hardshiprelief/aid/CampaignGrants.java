package cn.hardshiprelief.aid;

import cn.hardshiprelief.vocabulary.HouseholdFileId;
import cn.hardshiprelief.vocabulary.SchoolingStage;
import cn.hardshiprelief.fund.Fund;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ConflictException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The warmth-visit grant of one household in an approved campaign (送温暖): approved by the campaign's batch
 * approval, paid from the money the campaign reserved. It is checked like any grant: the household must
 * still be on file, one warmth visit per holiday (the once key), within the household's yearly cap.
 */
@Service
public class CampaignGrants {

    private final Beneficiaries beneficiaries;
    private final AidRules rules;
    private final AidChecks checks;
    private final AidGrantRepository grants;
    private final AidGrantLifecycle lifecycle;

    public CampaignGrants(Beneficiaries beneficiaries, AidRules rules, AidChecks checks, AidGrantRepository grants,
                          AidGrantLifecycle lifecycle) {
        this.beneficiaries = beneficiaries;
        this.rules = rules;
        this.checks = checks;
        this.grants = grants;
        this.lifecycle = lifecycle;
    }

    /** What the standard pays a household of this tier for a warmth visit, or empty when no row says. */
    public Optional<BigDecimal> warmthAmount(String tier) {
        return rules.standard(AidKind.WARMTH_VISIT, tier, SchoolingStage.NONE).map(s -> s.pays(null));
    }

    public ApprovalLevel approvalLevel(BigDecimal total) {
        return rules.approvalLevel(total);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public AidGrant grant(HouseholdFileId fileId, Long campaignId, String holiday, int holidayYear, String title, BigDecimal amount,
                          Fund fund, String approvedBy) {
        Beneficiary beneficiary = beneficiaries.ofFile(fileId);
        if (!beneficiary.fileOpen()) {
            throw new BusinessException("campaign.fileNotOpen");
        }
        if (beneficiary.payeeAccount() == null) {
            throw new BusinessException("campaign.noPayee");
        }
        AidGrant grant = new AidGrant(beneficiary, AidKind.WARMTH_VISIT, lifecycle.today().getYear(), approvedBy,
                lifecycle.now());
        grant.campaign(campaignId, holiday, holidayYear);
        AidStandard standard = rules.standard(AidKind.WARMTH_VISIT, beneficiary.tier(), SchoolingStage.NONE)
                .map(s -> new AidStandard(amount, null, amount, false, s.version()))
                .orElse(new AidStandard(amount, null, amount, false, null));
        grant.price(null, standard, BigDecimal.ZERO.setScale(2), amount);
        grant.requestDetails(fund, title, beneficiary.payeeAccount(), beneficiary.payeeBank(), null,
                checks.onceKey(grant, beneficiary));
        List<Finding> found = checks.check(grant, beneficiary, lifecycle.today());
        Optional<Finding> stop = found.stream().filter(Finding::blocking).findFirst();
        if (stop.isPresent()) {
            throw new BusinessException(stop.get().messageKey(), stop.get().argArray());
        }
        grant.findings(found.stream().map(Finding::line).toList());
        grant.approveByCampaign(ApprovalLevel.COUNTY_UNION);
        try {
            grants.saveAndFlush(grant);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("aid.duplicateOnce");
        }
        grant.numbered();
        lifecycle.record(grant, AidGrantEvent.Kind.APPROVED, title, approvedBy);
        return grant;
    }
}
