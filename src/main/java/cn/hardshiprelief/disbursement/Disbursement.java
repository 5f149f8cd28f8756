package cn.hardshiprelief.disbursement;

import cn.hardshiprelief.aid.AidGrant;
import cn.hardshiprelief.aid.AidGrantEvent;
import cn.hardshiprelief.aid.AidGrantLifecycle;
import cn.hardshiprelief.aid.GrantStatus;
import cn.hardshiprelief.fund.FundExhaustedException;
import cn.hardshiprelief.fund.FundRepository;
import cn.hardshiprelief.fund.Funds;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * 发放, exactly once. The ledger entry, the grant's PAYING status and the fund's paid figure are written in
 * one transaction. A retry (the job ran again after a crash or a lost acknowledgement) finds the grant
 * already PAYING and the entry under the grant's current payment key, and pays nothing more; two nodes
 * racing on the same grant meet the grant's version and the key's unique constraint, and one rolls back.
 */
@Service
public class Disbursement {

    private final AidGrantLifecycle lifecycle;
    private final PaymentRepository payments;
    private final Funds funds;
    private final FundRepository fundFigures;

    public Disbursement(AidGrantLifecycle lifecycle, PaymentRepository payments, Funds funds,
                        FundRepository fundFigures) {
        this.lifecycle = lifecycle;
        this.payments = payments;
        this.funds = funds;
        this.fundFigures = fundFigures;
    }

    @Transactional
    public Payment disburse(Long grantId) {
        return disburse(lifecycle.grant(grantId));
    }

    @Transactional
    public Payment disburse(AidGrant grant) {
        if (grant.getStatus() == GrantStatus.PAYING) {
            Optional<Payment> earlier = payments.findByPaymentKey(grant.paymentKey());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        String key = grant.startPayment();
        if (!funds.pay(grant.getFund(), grant.getAmount())) {
            // the budget was cut below what had been reserved: stop here, visibly (an incident), pay nothing
            throw new FundExhaustedException(grant.getFund().getName(), fundFigures.availableOf(grant.getFund().getId()),
                    grant.getAmount());
        }
        Payment payment = payments.saveAndFlush(new Payment(key, grant, lifecycle.today(), lifecycle.now()));
        lifecycle.record(grant, AidGrantEvent.Kind.DISBURSED, key, "system");
        return payment;
    }
}
