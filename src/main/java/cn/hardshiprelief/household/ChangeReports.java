package cn.hardshiprelief.household;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Role;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.ForbiddenException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 情况变化 and 注销: the household or its cadre reports a change, which brings a re-check (or, within the watch
 * after exit, a visit) at once; the county union takes a file off the register.
 */
@Service
@Transactional
public class ChangeReports {

    private final HouseholdFileRepository files;
    private final FollowUpProcess process;
    private final FileHistory history;

    public ChangeReports(HouseholdFileRepository files, FollowUpProcess process, FileHistory history) {
        this.files = files;
        this.process = process;
        this.history = history;
    }

    /** 情况变化: the worker or the cadre reports a change; the process re-checks at once. */
    public void reportChange(Actor actor, Long fileId, String reason) {
        HouseholdFile file = files.require(fileId);
        boolean household = actor.username().equals(file.getHeadUsername());
        if (!household) {
            Caseworkers.require(actor, file);
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new BusinessException("change.reasonRequired");
        }
        if (!file.isOpen()) {
            // within the 12-month watch after exit a change report brings a visit at once (relapse watch);
            // after it, only a new application can bring the household back
            if (file.getStatus() == FileStatus.EXITED && process.changeReported(fileId, reason.strip())) {
                history.record(file, FileEvent.Kind.CHANGE_REPORTED, null, null, reason.strip(), actor.username());
                return;
            }
            throw new ConflictException("change.fileClosed", file.getFileNumber());
        }
        history.record(file, FileEvent.Kind.CHANGE_REPORTED, null, null, reason.strip(), actor.username());
        process.changeReported(fileId, reason.strip());
    }

    /** 注销: death, moving away, wrongly filed. The file leaves the register and its follow-up stops. */
    public void cancel(Actor actor, Long fileId, CancelReason reason, String note) {
        HouseholdFile file = files.require(fileId);
        boolean county = actor.has(Role.COUNTY_UNION) && file.getCountyUnion() != null
                && file.getCountyUnion().getId().equals(actor.orgUnitId());
        if (!county && !actor.isAdmin()) {
            throw new ForbiddenException("household.forbidden");
        }
        if (reason == null) {
            throw new BusinessException("cancel.reasonRequired");
        }
        FileStatus from = file.cancel();
        process.stop(fileId, reason.name());
        history.record(file, FileEvent.Kind.CANCELLED, from, FileStatus.CANCELLED,
                note == null || note.isBlank() ? null : note.strip(), actor.username(),
                "enum.CancelReason." + reason.name());
    }
}
