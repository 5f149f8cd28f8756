package cn.hardshiprelief.campaign;

import cn.hardshiprelief.vocabulary.HouseholdFileId;
import cn.hardshiprelief.aid.AidGrant;
import cn.hardshiprelief.aid.CampaignGrants;
import cn.hardshiprelief.disbursement.Disbursement;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pays one batch of a campaign (the {@code payCampaignBatch} step). Each household is paid in a transaction
 * of its own — grant, ledger entry, fund figures and the line's status together — so one household that
 * cannot be paid does not hold up the others. A paid line is never paid again: the batch can be retried
 * as often as needed. If any household failed, the batch fails after the others are paid, naming them; the
 * engine retries it and then raises an incident that Cockpit and the campaign page show.
 */
@Service
public class CampaignPayer {

    private final CampaignRepository campaigns;
    private final CampaignLineRepository lines;
    private final CampaignGrants grants;
    private final Disbursement disbursement;
    private final TransactionTemplate eachHousehold;
    private final MessageSource messages;

    public CampaignPayer(CampaignRepository campaigns, CampaignLineRepository lines, CampaignGrants grants,
                         Disbursement disbursement, PlatformTransactionManager transactions, MessageSource messages) {
        this.campaigns = campaigns;
        this.lines = lines;
        this.grants = grants;
        this.disbursement = disbursement;
        this.eachHousehold = new TransactionTemplate(transactions);
        this.eachHousehold.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.messages = messages;
    }

    /** @return how many households this run paid */
    public int payBatch(Long campaignId, int batchIndex) {
        int from = batchIndex * CampaignProcess.BATCH_SIZE;
        List<Long> unpaid = eachHousehold.execute(
                status -> lines.unpaidInRange(campaignId, from, from + CampaignProcess.BATCH_SIZE - 1));
        List<String> failures = new ArrayList<>();
        int paid = 0;
        for (Long lineId : unpaid) {
            try {
                eachHousehold.executeWithoutResult(status -> pay(campaignId, lineId));
                paid++;
            } catch (RuntimeException e) {
                String problem = describe(e);
                String household = eachHousehold.execute(status -> {
                    CampaignLine line = lines.findById(lineId).orElseThrow();
                    line.failed(problem);
                    return line.getHeadName();
                });
                failures.add(lineId + " " + household + ": " + problem);
            }
        }
        if (!failures.isEmpty()) {
            throw new CampaignBatchFailedException(campaignId, batchIndex, failures);
        }
        return paid;
    }

    private void pay(Long campaignId, Long lineId) {
        WarmthCampaign campaign = campaigns.findById(campaignId)
                .orElseThrow(() -> new NotFoundException("campaign.notFound"));
        CampaignLine line = lines.findById(lineId).orElseThrow();
        AidGrant grant = grants.grant(HouseholdFileId.required(line.getFileId()), campaign.getId(), campaign.getHoliday().name(),
                campaign.getYear(), campaign.getTitle(), line.getAmount(), campaign.getFund(), campaign.getDecidedBy());
        disbursement.disburse(grant);
        line.paid(grant.getId());
    }

    private String describe(RuntimeException e) {
        if (e instanceof BusinessException business) {
            return messages.getMessage(business.getMessageKey(), business.getArgs(), business.getMessageKey(),
                    Locale.SIMPLIFIED_CHINESE);
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
