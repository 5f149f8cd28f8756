package cn.hardshiprelief.campaign;

/** How far a campaign has come: households by line status, visits recorded, failed batches. */
public record CampaignProgress(long selected, long paid, long failed, long removed, long visited, int failedBatches) {

    public long total() {
        return selected + paid + failed;
    }

    /** Paid share of the households still on the list, in whole percent. */
    public int percentPaid() {
        return total() == 0 ? 100 : (int) (paid * 100 / total());
    }
}
