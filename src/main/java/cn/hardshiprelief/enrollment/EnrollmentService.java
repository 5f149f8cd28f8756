package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Variables;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.organization.OrgUnit;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.task.TaskForm;
import cn.hardshiprelief.task.Tasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import cn.hardshiprelief.shared.BusinessException;

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
    private final Directory directory;
    private final ActiveFiles activeFiles;
    private final RelapseSupport relapses;
    private final Clock clock;

    public EnrollmentService(ApplicationEditor editor, EnrollmentProcess process, Tasks tasks,
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
        application = editor.open(actor, application);
        application.startedAs(process.start(application));
        return application;
    }

    /**
     * 返困快速通道: an exited household fell back. A new application, pre-filled from the last one with
     * copies of its evidence, goes straight to the branch union's 三查一访 (no department steps).
     * Started by the process; the caller asks {@link #householdOf} first, as one household per worker
     * holds for relapses too.
     */
    public EnrollmentApplication reopenAsRelapse(Long previousApplicationId, OrgUnit branchUnion, String cadre,
                                                 String reason) {
        EnrollmentApplication previous = relapses.recorder().application(previousApplicationId);
        relapses.oneHousehold().requireNoOtherHousehold(previous.getApplicantUsername(), null);
        List<HouseholdMember> members = previous.getMembers().stream()
                .map(m -> new HouseholdMember(m.details(), m.getIdNumberHash(), m.getIdNumberMasked())).toList();
        List<Evidence> evidence = previous.getEvidence().stream()
                .map(e -> e.copiedAs(relapses.storage().copy(e.getStorageKey()))).toList();
        EnrollmentApplication relapse = EnrollmentApplication.relapseOf(previous, members, evidence, branchUnion,
                java.util.UUID.randomUUID().toString(), cadre, directory.displayName(cadre), reason, clock.instant());
        relapse = relapses.oneHousehold().saveOpened(relapse);
        relapse.numberAs(clock.instant());
        relapse.startedAs(process.start(relapse));
        return relapse;
    }

    /**
     * The open application or the active file (its number) that keeps the worker from another household
     * (一户一档), if any. A relapse fast path asks before it opens one, so that a worker who has already
     * applied again, or whose household is back on file, does not get a second household.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<String> householdOf(String worker) {
        return relapses.oneHousehold().otherHousehold(worker, null).map(refusal -> String.valueOf(refusal.getArgs()[0]));
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
