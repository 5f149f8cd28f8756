package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.shared.ConflictException;
import org.springframework.stereotype.Component;

import java.util.Objects;

/**
 * 一户一档, per worker account: a worker has at most one household in progress or on file. An
 * application may be saved or submitted for a worker only while none of their other applications
 * is still open ({@link ApplicationStatus#inProgress()}) and no active household file is headed by
 * them. A drafted, rejected, not-eligible or blocked application, and a file that has exited or was
 * cancelled, do not count: the worker may apply again then. A household whose life changed while
 * on file reports the change on its file, it does not apply a second time.
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
        applications.findByApplicantUsernameAndStatusInOrderById(applicantUsername,
                        ApplicationStatus.inProgressStates()).stream()
                .filter(other -> !Objects.equals(other.getId(), applicationId))
                .findFirst()
                .ifPresent(other -> {
                    throw new ConflictException("application.workerHasOpenApplication", other.getApplicationNumber());
                });
        activeFiles.fileNumbersHeadedBy(applicantUsername).stream().findFirst().ifPresent(file -> {
            throw new ConflictException("application.workerHasActiveFile", file);
        });
    }
}
