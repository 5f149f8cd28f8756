package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.AppUser;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.person.IdentityNumber;
import cn.hardshiprelief.person.IdentityNumberCipher;
import cn.hardshiprelief.shared.NotFoundException;
import cn.hardshiprelief.storage.EvidenceStorage;
import cn.hardshiprelief.storage.PendingUpload;
import cn.hardshiprelief.storage.PendingUploads;
import cn.hardshiprelief.storage.StoredFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Writes what the applicant states into a draft or returned application, with its uploads. */
@Service
@Transactional
public class ApplicationEditor {

    private final EnrollmentApplicationRepository applications;
    private final Directory directory;
    private final ApplicationAccess access;
    private final EvidenceStorage storage;
    private final IdentityNumberCipher cipher;
    private final OneHouseholdPerWorker oneHousehold;
    private final PendingUploads pendingUploads;
    private final Clock clock;

    /*
     * Eight collaborators, two over the usual limit: the one-household rule must hold on every save
     * (draft, submit, resubmit, API), and the uploads kept across a refused form are claimed by every save;
     * this is the one place all of them pass through.
     */
    public ApplicationEditor(EnrollmentApplicationRepository applications, Directory directory,
                             ApplicationAccess access, EvidenceStorage storage, IdentityNumberCipher cipher,
                             OneHouseholdPerWorker oneHousehold, PendingUploads pendingUploads, Clock clock) {
        this.applications = applications;
        this.pendingUploads = pendingUploads;
        this.oneHousehold = oneHousehold;
        this.directory = directory;
        this.access = access;
        this.storage = storage;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Saves the form into the application with that id, or into a new draft. The request token
     * makes a repeated "new" request land on the application the first one created. Refused, with
     * nothing saved, when the applicant has another household in progress or on file
     * ({@link OneHouseholdPerWorker}).
     */
    public EnrollmentApplication save(Actor actor, Long id, ApplicationForm form) {
        EnrollmentApplication application = id != null ? load(id)
                : applications.findByRequestToken(form.getRequestToken()).orElse(null);
        if (application == null) {
            application = newDraft(actor, form);
        } else {
            access.checkEdit(actor, application);
            if (!application.isEditable()) {
                throw new AlreadySubmittedException(application.getId(), application.getApplicationNumber());
            }
        }
        oneHousehold.requireNoOtherHousehold(application.getApplicantUsername(), application.getId());
        application.describe(toDetails(form));
        for (Map.Entry<EvidenceType, List<MultipartFile>> entry : form.uploads().entrySet()) {
            for (MultipartFile file : entry.getValue()) {
                StoredFile stored = storage.store(file);
                application.attach(new Evidence(entry.getKey(), stored.originalName(), stored.type().contentType(),
                        stored.size(), stored.sha256(), stored.key(), actor.username(), clock.instant()));
            }
        }
        for (PendingUpload kept : pendingUploads.claim(actor.username(), form.getRequestToken(), form.getKeptUploads())) {
            EvidenceType type = ApplicationForm.typeOfField(kept.getField()).orElse(EvidenceType.OTHER);
            StoredFile stored = kept.file();
            application.attach(new Evidence(type, stored.originalName(), stored.type().contentType(), stored.size(),
                    stored.sha256(), stored.key(), actor.username(), clock.instant()));
        }
        return applications.saveAndFlush(application);
    }

    /**
     * Sends a saved draft into review (it must be complete) and writes it at once: a first application of
     * the same worker that committed meanwhile is refused by the open key, with the message of the check.
     */
    public EnrollmentApplication open(Actor actor, EnrollmentApplication application) {
        application.submit(actor.username(), actor.displayName(), clock.instant());
        return oneHousehold.saveOpened(application);
    }

    /** Deletes a draft of whoever filed it (403 for anyone else, 409 once submitted), its uploads after commit. */
    public void deleteDraft(Actor actor, Long applicationId) {
        EnrollmentApplication application = load(applicationId);
        access.checkEdit(actor, application);
        List<String> uploads = application.discard();
        applications.delete(application);
        applications.flush();
        uploads.forEach(storage::deleteAfterCommit);
    }

    public void removeEvidence(Actor actor, Long applicationId, Long evidenceId) {
        EnrollmentApplication application = load(applicationId);
        access.checkEdit(actor, application);
        Evidence removed = application.detach(evidenceId);
        storage.deleteAfterCommit(removed.getStorageKey());
    }

    private EnrollmentApplication newDraft(Actor actor, ApplicationForm form) {
        String applicantName = form.getApplicantUsername() == null || form.getApplicantUsername().isBlank()
                ? actor.username() : form.getApplicantUsername();
        AppUser applicant = directory.user(applicantName)
                .orElseThrow(() -> new NotFoundException("user.notFound", applicantName));
        access.checkFileFor(actor, applicant);
        return EnrollmentApplication.draft(form.getRequestToken(), applicant.getUsername(), actor.username(),
                applicant.getOrgUnit(), clock.instant());
    }

    private HouseholdDetails toDetails(ApplicationForm form) {
        List<HouseholdMember> members = form.getMembers().stream().map(m -> {
            IdentityNumber id = IdentityNumber.parse(m.getIdNumber());
            return new HouseholdMember(m.toDetails(id.value()), cipher.hash(id.value()), id.masked());
        }).toList();
        return new HouseholdDetails(form.getHireDate(), form.getHousingType(), form.getHousingArea(), blankToNull(form.getHousingNote()),
                form.getPrimaryCause(), form.getSecondaryCauses(), blankToNull(form.getAccount()),
                form.getMedicalCostsHalfYear(), form.getOneOffCosts(), members);
    }

    private EnrollmentApplication load(Long id) {
        return applications.findById(id).orElseThrow(() -> new NotFoundException("application.notFound", id));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
