package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Variables;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.task.TaskForm;
import cn.hardshiprelief.task.Tasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Submitting an application into {@code hardshipEnrollment}, and resubmitting it after a return. */
@Service
@Transactional
public class EnrollmentService {

    private final ApplicationEditor editor;
    private final EnrollmentProcess process;
    private final Tasks tasks;
    private final ActiveFiles activeFiles;

    public EnrollmentService(ApplicationEditor editor, EnrollmentProcess process, Tasks tasks,
                             ActiveFiles activeFiles) {
        this.editor = editor;
        this.process = process;
        this.tasks = tasks;
        this.activeFiles = activeFiles;
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
        application = editor.open(actor, application);
        application.startedAs(process.start(application));
        return application;
    }

    /** Saves the corrections and completes {@code correctApplication}: review resumes where it was returned. */
    public EnrollmentApplication resubmit(Actor actor, Long id, ApplicationForm form, String note) {
        Map<String, String> submitted = new HashMap<>();
        submitted.put(Variables.CORRECTION_NOTE, note);
        return resubmit(actor, id, form, submitted);
    }

    /** Resubmits a returned application, answering the correction step's Camunda Form (correctApplication). */
    public EnrollmentApplication resubmit(Actor actor, Long id, ApplicationForm form, Map<String, String> submitted) {
        EnrollmentApplication application = editor.save(actor, id, form);
        if (application.getStatus() != ApplicationStatus.RETURNED) {
            throw new ConflictException("application.notReturned", application.getApplicationNumber());
        }
        // the same completeness as on submission, checked here so the form names what is missing
        List<String> missing = application.missingForSubmission();
        if (!missing.isEmpty()) {
            throw new IncompleteApplicationException(missing);
        }
        requireNotFiled(application);
        OpenTask correction = tasks.openTaskOf(application.getProcessInstanceId(),
                HardshipEnrollmentProcess.CORRECT_APPLICATION)
                .orElseThrow(() -> new ConflictException("application.notReturned", application.getApplicationNumber()));
        tasks.completeForm(correction, actor.username(), submitted, Map.of());
        return application;
    }

    /** The Camunda Form of a returned application's correction step, for the form page. */
    @Transactional(readOnly = true)
    public Optional<TaskForm> correctionForm(EnrollmentApplication application) {
        return application.getProcessInstanceId() == null ? Optional.empty()
                : tasks.openTaskOf(application.getProcessInstanceId(), HardshipEnrollmentProcess.CORRECT_APPLICATION)
                .map(tasks::form);
    }
}
