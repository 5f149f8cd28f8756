package cn.hardshiprelief.verification;

import cn.hardshiprelief.enrollment.ApplicationQueries;
import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.enrollment.IncompleteApplicationException;
import cn.hardshiprelief.enrollment.Route;
import cn.hardshiprelief.enrollment.HardshipEnrollmentProcess;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Role;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import cn.hardshiprelief.storage.EvidenceStorage;
import cn.hardshiprelief.storage.PendingUpload;
import cn.hardshiprelief.storage.PendingUploads;
import cn.hardshiprelief.storage.StoredFile;
import cn.hardshiprelief.task.OpenTask;
import cn.hardshiprelief.task.Tasks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Branch-union staff record 三查一访 for an application on the union route and complete the
 * {@code verifyHousehold} task; the county union reads the record when deciding.
 */
@Service
@Transactional
public class VerificationService {

    private final HouseholdVerificationRepository verifications;
    private final ApplicationQueries applications;
    private final Tasks tasks;
    private final EvidenceStorage storage;
    private final PendingUploads pendingUploads;
    private final Clock clock;

    public VerificationService(HouseholdVerificationRepository verifications, ApplicationQueries applications,
                               Tasks tasks, EvidenceStorage storage, PendingUploads pendingUploads, Clock clock) {
        this.pendingUploads = pendingUploads;
        this.verifications = verifications;
        this.applications = applications;
        this.tasks = tasks;
        this.storage = storage;
        this.clock = clock;
    }

    /** What the uploads kept across a refused 三查一访 form are filed under (the form has no token of its own). */
    static String formToken(Long applicationId) {
        return "verification-" + applicationId;
    }

    /** A visit document of an application the actor may see (the same check as the record's page). */
    @Transactional(readOnly = true)
    public VerificationDocument document(Actor actor, Long applicationId, Long documentId) {
        return view(actor, applicationId).verification().getDocuments().stream()
                .filter(d -> d.getId() != null && d.getId().equals(documentId)).findFirst()
                .orElseThrow(() -> new NotFoundException("evidence.notFound"));
    }

    /** The record (possibly still empty) of an application the actor may see. */
    @Transactional(readOnly = true)
    public VerificationView view(Actor actor, Long applicationId) {
        EnrollmentApplication application = applications.view(actor, applicationId);
        HouseholdVerification verification = verifications.findByApplicationId(applicationId)
                .orElseGet(() -> new HouseholdVerification(applicationId));
        verification.getDocuments().size();
        Optional<OpenTask> task = openTask(application);
        return new VerificationView(application, verification, task.isPresent(), mayRecord(actor, application),
                task.map(tasks::form).orElse(null));
    }

    public HouseholdVerification save(Actor actor, Long applicationId, VerificationForm form) {
        EnrollmentApplication application = applications.view(actor, applicationId);
        requireRecorder(actor, application);
        if (openTask(application).isEmpty()) {
            throw new ConflictException("verification.notOpen", application.getApplicationNumber());
        }
        form.uploads().forEach(storage::check); // all refused before any is stored: no file left behind
        HouseholdVerification verification = verifications.findByApplicationId(applicationId)
                .orElseGet(() -> new HouseholdVerification(applicationId));
        verification.record(form, actor.username(), clock.instant());
        for (MultipartFile file : form.uploads()) {
            StoredFile stored = storage.store(file);
            verification.attach(stored.originalName(), stored.type().contentType(), stored.size(), stored.sha256(),
                    stored.key(), actor.username(), clock.instant());
        }
        for (PendingUpload kept : pendingUploads.claim(actor.username(), formToken(applicationId), form.getKeptUploads())) {
            StoredFile stored = kept.file();
            verification.attach(stored.originalName(), stored.type().contentType(), stored.size(), stored.sha256(),
                    stored.key(), actor.username(), clock.instant());
        }
        return verifications.saveAndFlush(verification);
    }

    /**
     * Saves and completes {@code verifyHousehold} with what was answered on its Camunda Form; an incomplete
     * record is refused with what is missing, then an answer the form does not take.
     */
    public void complete(Actor actor, Long applicationId, VerificationForm form, Map<String, String> submitted) {
        HouseholdVerification verification = save(actor, applicationId, form);
        if (!verification.isComplete()) {
            throw new IncompleteApplicationException(verification.missing());
        }
        OpenTask task = openTask(applications.view(actor, applicationId)).orElseThrow();
        tasks.completeForm(task, actor.username(), submitted, Map.of());
    }

    /** What the {@code verifyHousehold} task still lacks (for its completion listener). */
    @Transactional(readOnly = true)
    public List<String> missing(Long applicationId) {
        return verifications.findByApplicationId(applicationId).map(HouseholdVerification::missing)
                .orElse(new HouseholdVerification(applicationId).missing());
    }

    private Optional<OpenTask> openTask(EnrollmentApplication application) {
        return application.getProcessInstanceId() == null ? Optional.empty()
                : tasks.openTaskOf(application.getProcessInstanceId(), HardshipEnrollmentProcess.VERIFY_HOUSEHOLD);
    }

    private static boolean mayRecord(Actor actor, EnrollmentApplication application) {
        return application.getRoute().usesBranchUnion() && application.getBranchUnion() != null
                && actor.inGroup(Role.BRANCH_UNION.groupId(application.getBranchUnion().getCode()));
    }

    private static void requireRecorder(Actor actor, EnrollmentApplication application) {
        if (!mayRecord(actor, application)) {
            throw new ForbiddenException("verification.forbidden");
        }
    }
}
