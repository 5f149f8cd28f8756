package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.shared.ConflictException;

/** The same application was submitted before (double click, resent request): nothing new was created. */
public class AlreadySubmittedException extends ConflictException {

    private final Long applicationId;

    public AlreadySubmittedException(Long applicationId, String applicationNumber) {
        super("application.alreadySubmitted", applicationNumber);
        this.applicationId = applicationId;
    }

    public Long getApplicationId() {
        return applicationId;
    }
}
