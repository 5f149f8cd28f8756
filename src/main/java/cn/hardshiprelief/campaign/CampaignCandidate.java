package cn.hardshiprelief.campaign;

import java.math.BigDecimal;

/** A household a campaign's filter finds, with what the standard pays it. */
public record CampaignCandidate(Long fileId, String fileNumber, String headName, String unitName, String tier,
                                BigDecimal amount, boolean hasPayee) {
}
