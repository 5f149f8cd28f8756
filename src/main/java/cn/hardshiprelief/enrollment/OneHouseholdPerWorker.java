package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.shared.ConflictException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * 一户一档, per worker account: a worker has at most one household in progress or on file. An
 * application may be saved or submitted for a worker only while none of their other applications
 * is still open ({@link ApplicationStatus#inProgress()}) and no active household file is headed by
 * them. A drafted, rejected, not-eligible or blocked application, and a file that has exited or was
 * cancelled, do not count: the worker may apply again then. A household whose life changed while
 * on file reports the change on its file, it does not apply a second time.
 * <p>
 * The database keeps the first half as well: an open application holds the worker's open key
 * ({@code uk_application_open_key}), so of two first applications submitted at the same moment, which
 * both pass the check here, the second is refused by {@link #saveOpened} with the same message.
 */
@Component
public class OneHouseholdPerWorker {

    private final EnrollmentApplicationRepository applications;
    private final ActiveFiles activeFiles;

    public OneHouseholdPerWorker(EnrollmentApplicationRepository applications, ActiveFiles activeFiles) {
        this.applications = applications;
        this.activeFiles = activeFiles;
    }

    /**
     * Refuses, naming the open application or the active file, when the applicant has a household
     * other than the one of {@code applicationId} (null for a new application).
     */
    public void requireNoOtherHousehold(String applicantUsername, Long applicationId) {
        Optional<ConflictException> refusal = otherHousehold(applicantUsername, applicationId);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }

    /** The refusal {@link #requireNoOtherHousehold} would throw, for a caller that must not throw (a process step). */
    public Optional<ConflictException> otherHousehold(String applicantUsername, Long applicationId) {
        Optional<ConflictException> open = applications.findByApplicantUsernameAndStatusInOrderById(applicantUsername,
                        ApplicationStatus.inProgressStates()).stream()
                .filter(other -> !Objects.equals(other.getId(), applicationId))
                .findFirst()
                .map(other -> new ConflictException("application.workerHasOpenApplication", other.getApplicationNumber()));
        if (open.isPresent()) {
            return open;
        }
        return activeFiles.fileNumbersHeadedBy(applicantUsername).stream().findFirst()
                .map(file -> new ConflictException("application.workerHasActiveFile", file));
    }

    /**
     * Writes an application that has just opened (submitted, or a relapse started) at once. When another
     * open application of the worker committed meanwhile, the open key refuses it here, with the message of
     * {@link #requireNoOtherHousehold}, and the transaction rolls back.
     */
    public EnrollmentApplication saveOpened(EnrollmentApplication application) {
        try {
            return applications.saveAndFlush(application);
        } catch (DataIntegrityViolationException e) {
            if (!isOpenKey(e)) {
                throw e;
            }
            String other = applications.findCommittedOpenApplicationNumber(application.getApplicantUsername())
                    .orElse("—");
            throw new ConflictException("application.workerHasOpenApplication", other);
        }
    }

    private static boolean isOpenKey(DataIntegrityViolationException e) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        return message.toLowerCase(Locale.ROOT).contains("uk_application_open_key");
    }
}
