package cn.hardshiprelief.notice;

import cn.hardshiprelief.enrollment.ApplicationStatus;
import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.enrollment.ReviewRecorder;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * A demonstration cannot wait five days: an administrator ends a household's public notice now
 * ({@code /admin/notices}), and the process goes on as after a full period. Only with demo data
 * ({@code hardship.demo-data}, on with the H2 default, off with the mysql profile): in production the
 * notice runs its full period (plans 4 and 8: 公示), which no button may cut short. Each use is on the
 * application's timeline (who, when), and the public page shows today as the notice's last day.
 */
@Service
@Transactional
public class NoticePeriodShortcut {

    static final int PAGE_SIZE = 50;
    private static final List<NoticeStatus> RUNNING = List.of(NoticeStatus.RUNNING, NoticeStatus.OBJECTED);

    private final PublicNoticeRepository notices;
    private final ReviewRecorder applications;
    private final NoticeProcess process;
    private final Clock clock;
    private final boolean demo;

    public NoticePeriodShortcut(PublicNoticeRepository notices, ReviewRecorder applications, NoticeProcess process,
                                Clock clock, @Value("${hardship.demo-data:false}") boolean demo) {
        this.notices = notices;
        this.applications = applications;
        this.process = process;
        this.clock = clock;
        this.demo = demo;
    }

    /** Whether this installation has the shortcut (demo data). */
    public boolean available() {
        return demo;
    }

    /** The notices still running, the first to end first; administrators only. */
    @Transactional(readOnly = true)
    public Page<PublicNotice> running(Actor actor, int page) {
        requireAdmin(actor);
        Page<PublicNotice> found = notices.findByStatusInOrderByEndsOnAscIdAsc(RUNNING,
                PageRequest.of(Math.min(Math.max(0, page), 1_000_000), PAGE_SIZE));
        found.forEach(n -> n.getUnit().getName());
        return found;
    }

    /**
     * Ends the notice of the application now. Filed at once when no objection is waiting for the county
     * union's decision; otherwise filed (or not) by that decision. Returns the application as it then stands.
     */
    public EnrollmentApplication endNow(Actor actor, Long applicationId) {
        requireAdmin(actor);
        if (!demo) {
            throw new ForbiddenException("notice.endNow.demoOnly");
        }
        PublicNotice notice = notices.findByApplicationId(applicationId)
                .orElseThrow(() -> new NotFoundException("notice.notFound"));
        EnrollmentApplication application = applications.recordNoticeEndedEarly(applicationId, actor.username());
        if (!process.endPeriodNow(application.getProcessInstanceId())) {
            // the period is already over: an objection is still waiting for its decision
            throw new ConflictException("notice.endNow.alreadyOver", application.getApplicationNumber());
        }
        notice.endsToday(LocalDate.now(clock));
        return applications.application(applicationId);
    }

    /** Whether the household was filed by the end of its notice (else an objection is still to be decided). */
    public static boolean filed(EnrollmentApplication application) {
        return application.getStatus() == ApplicationStatus.FILED;
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new ForbiddenException("notice.endNow.adminOnly");
        }
    }
}
