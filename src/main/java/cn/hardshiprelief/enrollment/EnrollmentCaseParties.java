package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.task.CaseParties;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The applicant and whoever filed the application on their behalf (代申请): never deciders of it. */
@Component
class EnrollmentCaseParties implements CaseParties {

    private final EnrollmentApplicationRepository applications;

    EnrollmentCaseParties(EnrollmentApplicationRepository applications) {
        this.applications = applications;
    }

    @Override
    public String processId() {
        return HardshipEnrollmentProcess.PROCESS_ID;
    }

    @Override
    public Map<String, Set<String>> of(String businessKey) {
        return applications.findById(Long.valueOf(businessKey)).map(application -> {
            Map<String, Set<String>> parties = new HashMap<>();
            parties.put(APPLICANT, Set.of(application.getApplicantUsername()));
            if (application.getFiledByUsername() != null) {
                parties.put(FILER, Set.of(application.getFiledByUsername()));
            }
            return Map.copyOf(parties);
        }).orElse(Map.of());
    }
}
