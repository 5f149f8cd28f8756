package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.enrollment.process.EnrollmentProcessStarter;
import cn.hardshiprelief.enrollment.process.HardshipEnrollmentProcess;
import cn.hardshiprelief.enrollment.process.HardshipEnrollmentProcess.Variables;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.organization.OrgUnit;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.task.Tasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import cn.hardshiprelief.shared.BusinessException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Submitting an application into {@code hardshipEnrollment}, and resubmitting it after a return. */
@Service
@Transactional
public class EnrollmentService {

    private final ApplicationEditor editor;
    private final EnrollmentProcessStarter process;
    private final Tasks tasks;
    private final Directory directory;
    private final ActiveFiles activeFiles;
    private final RelapseSupport relapses;
    private final Clock clock;

    public EnrollmentService(ApplicationEditor editor, EnrollmentProcessStarter process, Tasks tasks,
                             Directory directory, ActiveFiles activeFiles, RelapseSupport relapses, Clock clock) {
        this.editor = editor;
        this.process = process;
        this.tasks = tasks;
        this.directory = directory;
        this.activeFiles = activeFiles;
        this.relapses = relapses;
        this.clock = clock;
    }

    /** Refuses an application whose members are already in an active household file, naming the file. */
    private void requireNotFiled(EnrollmentApplication application) {
        List<String> files = activeFiles.fileNumbersHolding(
                application.getMembers().stream().map(HouseholdMember::getIdNumberHash).toList());
        if (!files.isEmpty()) {
            throw new BusinessException("application.alreadyFiled", String.join("、", files));
        }
    }

    /** Saves the form and sends the application to the head of the applicant's department. */
    public EnrollmentApplication submit(Actor actor, Long id, ApplicationForm form) {
        EnrollmentApplication application = editor.save(actor, id, form);
        requireNotFiled(application);
        application.submit(actor.username(), actor.displayName(), clock.instant());
        application.startedAs(process.start(application));
        return application;
    }

    /**
     * 返困快速通道: an exited household fell back. A new application, pre-filled from the last one,
     * goes straight to the branch union's 三查一访 (no department steps). Started by the process.
     */
    public EnrollmentApplication reopenAsRelapse(Long previousApplicationId, OrgUnit branchUnion, String cadre,
                                                 String reason) {
        EnrollmentApplication previous = relapses.recorder().application(previousApplicationId);
        List<HouseholdMember> members = previous.getMembers().stream()
                .map(m -> new HouseholdMember(m.details(), m.getIdNumberHash(), m.getIdNumberMasked())).toList();
        EnrollmentApplication relapse = EnrollmentApplication.relapseOf(previous, members, branchUnion,
                java.util.UUID.randomUUID().toString(), cadre, directory.displayName(cadre), reason, clock.instant());
        relapse = relapses.applications().saveAndFlush(relapse);
        relapse.numberAs(clock.instant());
        relapse.startedAs(process.start(relapse));
        return relapse;
    }

    /** Saves the corrections and completes {@code correctApplication}: review resumes where it was returned. */
    public EnrollmentApplication resubmit(Actor actor, Long id, ApplicationForm form, String note) {
        EnrollmentApplication application = editor.save(actor, id, form);
        if (application.getStatus() != ApplicationStatus.RETURNED) {
            throw new ConflictException("application.notReturned", application.getApplicationNumber());
        }
        requireNotFiled(application);
        OpenTask correction = tasks.openTaskOf(application.getProcessInstanceId(),
                HardshipEnrollmentProcess.CORRECT_APPLICATION)
                .orElseThrow(() -> new ConflictException("application.notReturned", application.getApplicationNumber()));
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.CORRECTION_NOTE, note == null ? "" : note);
        tasks.claimAndComplete(correction.id(), actor.username(), variables);
        return application;
    }
}
