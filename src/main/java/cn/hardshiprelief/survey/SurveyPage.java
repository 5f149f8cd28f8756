package cn.hardshiprelief.survey;

import java.time.Instant;
import java.util.List;

/**
 * The survey page as one actor sees it: the chosen survey (the latest unless a year is asked for,
 * null before the first) with its progress per branch union, the files not re-verified for twelve
 * months and the files never helped, and this year's exit target per county union; who opened the survey by
 * hand (null when the yearly timer opened it).
 */
public record SurveyPage(Survey survey, List<BranchUnionProgress> branchUnions, List<FileLine> notReVerified,
                         List<FileLine> neverHelped, int targetYear, List<ExitTarget> exitTargets,
                         List<Integer> years, boolean maySubmit, String openedByName) {

    /** Whether this year has its survey already (else an administrator may open it by hand). */
    public boolean thisYearOpened() {
        return years.contains(targetYear);
    }

    /** One branch union's survey: its files on the register, how many were re-checked since the survey opened. */
    public record BranchUnionProgress(String code, String name, long activeFiles, long reVerified, String submittedBy,
                                      Instant submittedAt) {

        /** Re-verified in percent (rounded down), or null for a branch union without files. */
        public Integer percent() {
            return activeFiles == 0 ? null : (int) (reVerified * 100 / activeFiles);
        }

        public boolean submitted() {
            return submittedAt != null;
        }
    }

    /** A file on one of the page's lists, with when it was last verified. */
    public record FileLine(Long fileId, String fileNumber, String headName, String branchUnionName, Instant filedAt,
                           Instant lastRecheckAt) {
    }

    /**
     * Plan 4 (目标任务): each year at least one third of the files exit (每年完成1/3以上). The base
     * is the files on the register on 1 January; the target is a third of it, rounded up.
     */
    public record ExitTarget(String countyCode, String countyName, long onRegisterFirstOfJanuary, long exitedThisYear) {

        public long target() {
            return (onRegisterFirstOfJanuary + 2) / 3;
        }

        public boolean met() {
            return exitedThisYear >= target();
        }
    }
}
