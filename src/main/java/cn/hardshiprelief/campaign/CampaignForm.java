package cn.hardshiprelief.campaign;

import cn.hardshiprelief.vocabulary.HardshipCause;
import cn.hardshiprelief.vocabulary.Tier;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Set;

/**
 * A campaign as the union sets it up: the holiday, the filter (any of tier, cause, unit), the fund, and
 * the households taken off the list after review.
 */
public record CampaignForm(@NotNull Holiday holiday, @NotBlank @Size(max = 100) String title, Tier tier,
                           HardshipCause cause, @Size(max = 32) String unitCode, Long fundId,
                           Set<Long> excludedFileIds) {

    public Set<Long> excluded() {
        return excludedFileIds == null ? Set.of() : excludedFileIds;
    }

    public String describe() {
        StringBuilder text = new StringBuilder();
        if (tier != null) {
            text.append("tier=").append(tier).append(' ');
        }
        if (cause != null) {
            text.append("cause=").append(cause).append(' ');
        }
        if (unitCode != null && !unitCode.isBlank()) {
            text.append("unit=").append(unitCode.strip()).append(' ');
        }
        return text.toString().strip();
    }
}
