package cn.hardshiprelief.aid;

import cn.hardshiprelief.vocabulary.HardshipCause;
import cn.hardshiprelief.shared.BusinessException;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;

/**
 * Prices a grant by the standards deployed today: a fixed amount by kind, tier and schooling stage, or the
 * standard's share of a basis (the self-paid part of a medical bill, a ticket, an amount asked for), plus a
 * supplement for each secondary cause where the standard stacks (叠加). An amount above the standard is
 * refused with the figure, except for medical aid, whose share of a large bill is paid up to the standard.
 */
@Component
public class AidPricing {

    /** Above this a basis is a slip of the keyboard, not a bill. */
    static final BigDecimal ABSURD = new BigDecimal("10000000");

    private final AidRules rules;

    public AidPricing(AidRules rules) {
        this.rules = rules;
    }

    public void price(AidGrant grant, Beneficiary beneficiary, BigDecimal basis) {
        AidKind kind = grant.getKind();
        AidStandard standard = rules.standard(kind, beneficiary.tier(), grant.getStage())
                .orElseThrow(() -> new BusinessException("aid.noStandard", kind, beneficiary.tier()));
        if (!kind.cash()) {
            grant.price(null, standard, BigDecimal.ZERO, BigDecimal.ZERO.setScale(2));
            grant.levelDecided(ApprovalLevel.BRANCH_UNION);
            return;
        }
        BigDecimal amount;
        if (standard.amount() != null) {
            amount = standard.pays(null);
            basis = null;
        } else {
            if (basis == null) {
                throw new BusinessException("aid.basisRequired." + kind.name());
            }
            if (basis.signum() <= 0 || basis.compareTo(ABSURD) >= 0 || basis.stripTrailingZeros().scale() > 2) {
                throw new BusinessException("aid.basis.invalid", basis.toPlainString());
            }
            amount = standard.pays(basis);
            if (amount.compareTo(standard.maxAmount()) > 0) {
                if (!kind.capsAtStandard()) {
                    throw new BusinessException("aid.overStandard", amount.toPlainString(),
                            standard.maxAmount().toPlainString());
                }
                amount = standard.maxAmount().setScale(2);
            }
        }
        BigDecimal supplement = BigDecimal.ZERO;
        if (standard.stackable()) {
            for (HardshipCause cause : beneficiary.secondaryCauses()) {
                supplement = supplement.add(rules.supplement(kind, cause));
            }
        }
        supplement = supplement.setScale(2);
        grant.price(basis, standard, supplement, amount.add(supplement));
        grant.levelDecided(rules.approvalLevel(grant.getAmount()));
    }
}
