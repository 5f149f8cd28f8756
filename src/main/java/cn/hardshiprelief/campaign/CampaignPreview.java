package cn.hardshiprelief.campaign;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The households a campaign's filter found, as the set-up page shows them before the list is submitted.
 * The counts and the total cover every household found; the table shows at most {@code limit} rows, so a
 * county union's list of thousands still renders quickly. Households taken off the list stay in the table
 * with their box ticked, so they can be put back; those not shown keep their tick in {@link #hiddenExcluded}.
 *
 * @param shown          the first rows found, in file order
 * @param found          every household found
 * @param onList         found and not taken off: what submitting would put on the list
 * @param total          what the households on the list are paid together (the amount reserved)
 * @param withoutPayee   households on the list with no payee account on file: their payment will fail
 * @param hiddenExcluded households taken off the list that the table does not show
 */
public record CampaignPreview(List<CampaignCandidate> shown, int found, int onList, BigDecimal total,
                              int withoutPayee, List<Long> hiddenExcluded) {

    public static CampaignPreview of(List<CampaignCandidate> candidates, Set<Long> excluded, int limit) {
        List<CampaignCandidate> list = candidates.stream().filter(c -> !excluded.contains(c.fileId())).toList();
        List<CampaignCandidate> shown = candidates.subList(0, Math.min(limit, candidates.size()));
        List<Long> hidden = candidates.subList(shown.size(), candidates.size()).stream()
                .map(CampaignCandidate::fileId).filter(excluded::contains).toList();
        return new CampaignPreview(List.copyOf(shown), candidates.size(), list.size(),
                list.stream().map(CampaignCandidate::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
                (int) list.stream().filter(c -> !c.hasPayee()).count(), hidden);
    }

    public boolean cut() {
        return found > shown.size();
    }

    public int excluded() {
        return found - onList;
    }
}
