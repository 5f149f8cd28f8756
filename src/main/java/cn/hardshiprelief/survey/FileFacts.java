package cn.hardshiprelief.survey;

import java.time.Instant;

/**
 * What the survey needs to know of one active file: who, where, when it was filed, its latest
 * re-check, how many re-checks fall in the survey's window and how many grants reached it (paid or on their way
 * to the bank, or a service delivered).
 */
public record FileFacts(Long fileId, String fileNumber, String headName, Long unitId, Long fileBranchUnionId,
                        Instant filedAt, Instant lastRecheckAt, Long rechecksInSurvey, Long aidGiven) {

    /** Re-verified (已复核) for the survey: a re-check recorded since the survey opened. */
    public boolean reVerifiedInSurvey() {
        return rechecksInSurvey != null && rechecksInSurvey > 0;
    }

    /**
     * When the household was last verified: its latest re-check, or its filing, which followed the
     * 三查一访 (income, property and family checks and the home visit).
     */
    public Instant lastVerifiedAt() {
        return lastRecheckAt != null ? lastRecheckAt : filedAt;
    }

    /** Not re-verified in the twelve months before {@code cutoff + 12 months}: last verified before the cutoff. */
    public boolean lastVerifiedBefore(Instant cutoff) {
        return lastVerifiedAt().isBefore(cutoff);
    }

    /** Never helped (从未帮扶): no grant of the aid ledger reached the household since filing. */
    public boolean neverHelped() {
        return aidGiven == null || aidGiven == 0;
    }
}
