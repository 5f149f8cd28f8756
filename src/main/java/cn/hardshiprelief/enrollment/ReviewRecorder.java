package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.vocabulary.Tier;

import cn.hardshiprelief.enrollment.HardshipEnrollmentProcess.Decisions;
import cn.hardshiprelief.notification.NotificationKind;
import cn.hardshiprelief.notification.Notifications;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Records on the application what happened in the process: called from the task listeners and the
 * service task of {@code hardshipEnrollment}, inside the engine's transaction.
 */
@Service
@Transactional
public class ReviewRecorder {

    private final EnrollmentApplicationRepository applications;
    private final Directory directory;
    private final Clock clock;
    private final Notifications notifications;

    public ReviewRecorder(EnrollmentApplicationRepository applications, Directory directory, Clock clock,
                          Notifications notifications) {
        this.applications = applications;
        this.directory = directory;
        this.clock = clock;
        this.notifications = notifications;
    }

    public void recordDecision(Long applicationId, String step, String taskId, String actor, String decision,
                               String comment) {
        EnrollmentApplication application = load(applicationId);
        String actorName = directory.displayName(actor);
        if (Decisions.APPROVE.equals(decision)) {
            application.approveStep(step, taskId, actor, actorName, blankToNull(comment), clock.instant());
        } else if (Decisions.RETURN.equals(decision)) {
            application.returnForCorrection(step, taskId, actor, actorName, blankToNull(comment), clock.instant());
        } else if (Decisions.REJECT.equals(decision)) {
            application.reject(step, taskId, actor, actorName, blankToNull(comment), clock.instant());
            tellApplicant(application, NotificationKind.REJECTED, application.getRejectionReason());
        } else {
            throw new BusinessException("review.decisionRequired");
        }
    }

    public EnrollmentApplication recordSentBack(Long applicationId, String step, String toStep, String taskId,
                                                String actor, String reason) {
        EnrollmentApplication application = load(applicationId);
        application.sendBack(step, toStep, taskId, actor, directory.displayName(actor), blankToNull(reason), clock.instant());
        return application;
    }

    public EnrollmentApplication recordResubmission(Long applicationId, String taskId, String actor, String note) {
        EnrollmentApplication application = load(applicationId);
        application.resubmit(taskId, actor, directory.displayName(actor), blankToNull(note), clock.instant());
        return application;
    }

    /**
     * The household went on the register under {@code fileNumber}: the application is concluded as filed. A
     * step retried after the application was concluded this way changes nothing.
     */
    public void recordFiled(Long applicationId, String fileNumber) {
        EnrollmentApplication application = load(applicationId);
        if (application.getStatus() != ApplicationStatus.FILED) {
            application.filed(fileNumber, clock.instant());
        }
    }

    public void recordVerified(Long applicationId, String taskId, String actor) {
        EnrollmentApplication application = load(applicationId);
        application.note("verifyHousehold", taskId, EventOutcome.VERIFIED, null, actor, directory.displayName(actor),
                clock.instant());
    }

    /** The application, for the process's own steps (no actor: the engine acts). */
    @Transactional(readOnly = true)
    public EnrollmentApplication application(Long applicationId) {
        EnrollmentApplication application = load(applicationId);
        application.getMembers().size();
        return application;
    }

    public void classify(Long applicationId, Tier tier, String reason, String reasonCode,
                         java.math.BigDecimal dibaoLine, boolean receivesDibao) {
        load(applicationId).classify(tier, reason, reasonCode, dibaoLine, receivesDibao, clock.instant());
    }

    public void blockAsDuplicate(Long applicationId, String fileNumbers) {
        load(applicationId).blockAsDuplicate(fileNumbers, clock.instant());
    }

    /**
     * @param findingsCode the message code the timeline reads in the reader's language: {@code civil.none}, or
     *                     {@code civil.found} when members are on the roster (a language without that label, Chinese,
     *                     shows the stored findings with the members' names; the review page lists them live)
     */
    public void recordMatching(Long applicationId, String findings, String findingsCode) {
        load(applicationId).noteCoded("matchCivilAffairsRecords", EventOutcome.MATCHED, findings, findingsCode,
                clock.instant());
    }

    public void putOnNotice(Long applicationId) {
        load(applicationId).putOnNotice(clock.instant());
    }

    public void recordObjection(Long applicationId, String reason) {
        load(applicationId).note("startPublicNotice", null, EventOutcome.OBJECTION, reason, "public", "公众",
                clock.instant());
    }

    public void recordObjectionDecision(Long applicationId, String taskId, String actor, boolean upheld, String comment) {
        load(applicationId).note("decideObjection", taskId, upheld ? EventOutcome.REJECTED : EventOutcome.OBJECTION_DISMISSED,
                comment, actor, directory.displayName(actor), clock.instant());
    }

    /** An administrator ends the notice now (demo): the timeline says who and when. Only while on notice. */
    public EnrollmentApplication recordNoticeEndedEarly(Long applicationId, String actor) {
        EnrollmentApplication application = load(applicationId);
        if (application.getStatus() != ApplicationStatus.IN_NOTICE) {
            throw new cn.hardshiprelief.shared.ConflictException("application.notOnNotice", application.getApplicationNumber());
        }
        application.note("noticePeriodEnded", null, EventOutcome.NOTICE_ENDED_EARLY, null, actor,
                directory.displayName(actor), clock.instant());
        return application;
    }

    public void rejectAfterObjection(Long applicationId, String actor, String reason) {
        EnrollmentApplication application = load(applicationId);
        application.rejectAfterObjection(actor, directory.displayName(actor), reason, clock.instant());
        tellApplicant(application, NotificationKind.REJECTED, reason);
    }

    public void confirm(Long applicationId) {
        EnrollmentApplication application = load(applicationId);
        application.confirm(clock.instant());
        tellApplicant(application, NotificationKind.APPROVED);
    }

    /**
     * The reviewers' decision reaches the applicant, and whoever filed for them (代申请), as a notification leading to
     * the application. A return needs none here: the correction task arriving for the filer says so.
     */
    private void tellApplicant(EnrollmentApplication application, NotificationKind kind, Object... details) {
        java.util.Set<String> people = new java.util.LinkedHashSet<>();
        people.add(application.getApplicantUsername());
        if (application.getFiledByUsername() != null) {
            people.add(application.getFiledByUsername());
        }
        Object[] args = new Object[details.length + 1];
        args[0] = application.getApplicationNumber();
        System.arraycopy(details, 0, args, 1, details.length);
        notifications.notifyAll(people, kind, "/applications/" + application.getId(), args);
    }

    private EnrollmentApplication load(Long id) {
        return applications.findById(id).orElseThrow(() -> new NotFoundException("application.notFound", id));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
