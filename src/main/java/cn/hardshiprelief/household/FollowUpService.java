package cn.hardshiprelief.household;

import cn.hardshiprelief.vocabulary.Tier;
import cn.hardshiprelief.organization.Directory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the {@code householdFollowUp} process does to a file (动态管理): exit, standing support, re-classification,
 * reminders and escalations, the watch after exit and the relapse fast path. Called by its delegates; the people's
 * steps are {@link Rechecks}, {@link FollowUpTasks} and {@link ChangeReports}.
 */
@Service
@Transactional
public class FollowUpService {

    private final HouseholdFileRepository files;
    private final FileHistory history;
    private final cn.hardshiprelief.enrollment.Relapses relapses;
    private final Directory directory;

    public FollowUpService(HouseholdFileRepository files, FileHistory history, cn.hardshiprelief.enrollment.Relapses relapses, Directory directory) {
        this.files = files;
        this.history = history;
        this.relapses = relapses;
        this.directory = directory;
    }

    public void markExited(Long fileId, String decidedBy) {
        HouseholdFile file = files.require(fileId);
        FileStatus from = file.exit();
        history.record(file, FileEvent.Kind.STATUS_CHANGED, from, FileStatus.EXITED, null, decidedBy,
                "history.exited");
    }

    public void recordWatchVisit(Long fileId, String actor, boolean relapsed, String findings) {
        HouseholdFile file = files.require(fileId);
        history.record(file, FileEvent.Kind.WATCH_VISIT, null, null, findings, actor,
                relapsed ? "history.watch.relapsed" : "history.watch.stable");
    }

    /**
     * The household fell back after exit: a new application, pre-filled, goes to the branch union's
     * verification. Not when the worker already has a household again (一户一档): an application of their
     * own in progress, or a file on the register since; the file's history names it instead.
     */
    public void reopenAsRelapse(Long fileId, String cadre, String reason) {
        HouseholdFile file = files.require(fileId);
        var other = relapses.householdOf(file.getHeadUsername());
        if (other.isPresent()) {
            history.record(file, FileEvent.Kind.RELAPSED, file.getStatus(), null, null, cadre != null ? cadre : "system",
                    "history.relapseBlocked", other.get());
            return;
        }
        var branchUnion = file.getBranchUnion() != null ? file.getBranchUnion()
                : directory.companyUnion(file.getUnit().company().getId()).orElseThrow();
        var relapse = relapses.reopenAsRelapse(file.getApplicationId(), branchUnion,
                cadre != null ? cadre : file.getPairedCadre(), reason);
        history.record(file, FileEvent.Kind.RELAPSED, file.getStatus(), null, null, cadre != null ? cadre : "system",
                "history.relapseFastTrack", relapse.getApplicationNumber());
    }

    public void markStandingSupport(Long fileId) {
        HouseholdFile file = files.require(fileId);
        FileStatus from = file.standingSupport();
        if (from != FileStatus.STANDING_SUPPORT) {
            history.record(file, FileEvent.Kind.STATUS_CHANGED, from, FileStatus.STANDING_SUPPORT, null, "system",
                "history.standingSupport");
        }
    }

    /**
     * @param reasonCode the message code of the classification rule that decided (labelled per reader), or null; the
     *                   decision table's own words are kept with it for a reader whose language has no label
     */
    public void reclassify(Long fileId, Tier tier, String reason, String reasonCode) {
        HouseholdFile file = files.require(fileId);
        Tier from = file.reclassify(tier);
        history.reclassified(file, from, reasonCode, reason);
    }

    public void remind(Long fileId) {
        HouseholdFile file = files.require(fileId);
        history.record(file, FileEvent.Kind.REMINDED, null, null, null, "system",
                "history.reminded");
    }

    public void escalate(Long fileId) {
        HouseholdFile file = files.require(fileId);
        history.record(file, FileEvent.Kind.ESCALATED, null, null, null, "system",
                "history.escalated");
    }

    @Transactional(readOnly = true)
    public HouseholdFile file(Long fileId) {
        return files.require(fileId);
    }
}
