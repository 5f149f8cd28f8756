package cn.hardshiprelief.enrollment;

import org.springframework.stereotype.Component;

/** What a relapse needs beyond a normal submission: the previous application and a place to save the new one. */
@Component
public record RelapseSupport(ReviewRecorder recorder, EnrollmentApplicationRepository applications) {
}
