package cn.hardshiprelief.notice;

import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.enrollment.HouseholdMember;
import cn.hardshiprelief.enrollment.Relation;
import cn.hardshiprelief.enrollment.ReviewRecorder;
import cn.hardshiprelief.household.HouseholdFiled;
import cn.hardshiprelief.household.PlannedAid;
import cn.hardshiprelief.person.IdentityNumber;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.NotFoundException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Public notice of approved households (公示): started by the process, read by anyone at
 * {@code /public/notices/{unitCode}}, objected to by anyone with a reason and a contact.
 */
@Service
@Transactional
public class NoticeService {

    private final PublicNoticeRepository notices;
    private final ReviewRecorder applications;
    private final ObjectionRateLimiter rateLimiter;
    private final NoticeProcess process;
    private final Clock clock;

    public NoticeService(PublicNoticeRepository notices, ReviewRecorder applications, ObjectionRateLimiter rateLimiter,
                         NoticeProcess process, Clock clock) {
        this.notices = notices;
        this.applications = applications;
        this.rateLimiter = rateLimiter;
        this.process = process;
        this.clock = clock;
    }

    /** Puts the household on notice at its unit for the period; idempotent for a retried step. */
    public PublicNotice start(Long applicationId, Duration period) {
        var existing = notices.findByApplicationId(applicationId);
        if (existing.isPresent()) {
            return existing.get();
        }
        EnrollmentApplication application = applications.application(applicationId);
        HouseholdMember head = application.getMembers().stream().filter(m -> m.getRelation() == Relation.SELF)
                .findFirst().orElseThrow(() -> new IllegalStateException("No applicant in " + applicationId));
        LocalDate today = LocalDate.now(clock);
        long days = Math.max(1, period.toDays());
        String plannedAid = PlannedAid.forCauses(application.causes()).stream().map(Enum::name)
                .collect(Collectors.joining(","));
        PublicNotice notice = new PublicNotice(applicationId, application.noticeUnit(),
                IdentityNumber.maskName(head.getName()), head.getIdNumberMasked(), application.getTier().name(),
                plannedAid, today, today.plusDays(days));
        applications.putOnNotice(applicationId);
        return notices.save(notice);
    }

    @Transactional(readOnly = true)
    public PublicNotices openAt(String unitCode) {
        List<PublicNotice> open = notices.findOpenAt(unitCode);
        return new PublicNotices(unitCode, open);
    }

    /** Anyone may object; the process stops the notice timer and asks the county union to decide. */
    public NoticeObjection object(String unitCode, Long noticeId, ObjectionForm form, String address) {
        PublicNotice notice = notices.findById(noticeId).filter(n -> n.getUnit().getCode().equals(unitCode))
                .orElseThrow(() -> new NotFoundException("notice.notFound"));
        if (!rateLimiter.tryAcquire(address)) {
            throw new BusinessException("objection.tooMany");
        }
        NoticeObjection objection = notice.object(form.reason().strip(), form.contact().strip(), address, clock.instant());
        String summary = notice.getObjections().stream()
                .map(o -> "· " + o.getReason() + "（联系方式：" + o.getContact() + "）").collect(Collectors.joining("\n"));
        applications.recordObjection(notice.getApplicationId(), form.reason().strip());
        process.objectionLodged(applications.application(notice.getApplicationId()).getProcessInstanceId(), summary);
        return objection;
    }

    @Transactional(readOnly = true)
    public List<NoticeObjection> objectionsOf(Long applicationId) {
        return notices.findByApplicationId(applicationId).map(n -> List.copyOf(n.getObjections())).orElse(List.of());
    }

    /** An upheld objection ends the notice and the application. */
    public void withdraw(Long applicationId, String actor, String reason) {
        notices.findByApplicationId(applicationId).ifPresent(n -> n.close(NoticeStatus.WITHDRAWN));
        applications.rejectAfterObjection(applicationId, actor, reason);
    }

    @EventListener
    public void onFiled(HouseholdFiled filed) {
        notices.findByApplicationId(filed.applicationId()).ifPresent(n -> n.close(NoticeStatus.FILED));
    }

    /** The notices open at a unit, as the public page shows them. */
    public record PublicNotices(String unitCode, List<PublicNotice> notices) {
    }
}
