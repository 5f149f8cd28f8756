package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.enrollment.process.EnrollmentProcessStarter;
import cn.hardshiprelief.enrollment.process.HardshipEnrollmentProcess;
import cn.hardshiprelief.enrollment.process.HardshipEnrollmentProcess.Variables;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Directory;
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
    private final Clock clock;

    public EnrollmentService(ApplicationEditor editor, EnrollmentProcessStarter process, Tasks tasks,
                             Directory directory, ActiveFiles activeFiles, Clock clock) {
        this.editor = editor;
        this.process = process;
        this.tasks = tasks;
        this.directory = directory;
        this.activeFiles = activeFiles;
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
        application.startedAs(process.start(application, directory.displayName(application.getApplicantUsername())));
        return application;
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
