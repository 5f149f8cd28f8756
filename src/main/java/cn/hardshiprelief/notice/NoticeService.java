package cn.hardshiprelief.notice;

import cn.hardshiprelief.household.HouseholdFiled;
import cn.hardshiprelief.household.PlannedAid;
import cn.hardshiprelief.person.IdentityNumber;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.NotFoundException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
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

    static final int SUMMARY_MAX = 3000;
    private static final int EXCERPT = 300;


    private final PublicNoticeRepository notices;
    private final ObjectionRateLimiter rateLimiter;
    private final NoticeProcess process;
    private final Clock clock;

    public NoticeService(PublicNoticeRepository notices, ObjectionRateLimiter rateLimiter,
                         NoticeProcess process, Clock clock) {
        this.notices = notices;
        this.rateLimiter = rateLimiter;
        this.process = process;
        this.clock = clock;
    }

    /** Puts the household on notice at its unit for the period; idempotent for a retried step. */
    public PublicNotice start(NoticeRequest request) {
        var existing = notices.findByApplicationId(request.applicationId().value());
        if (existing.isPresent()) {
            return existing.get();
        }
        LocalDate today = LocalDate.now(clock);
        long days = Math.max(1, request.period().toDays());
        String plannedAid = PlannedAid.forCauses(request.causes()).stream().map(Enum::name)
                .collect(Collectors.joining(","));
        PublicNotice notice = new PublicNotice(request.applicationId().value(), request.unit(),
                IdentityNumber.maskName(request.headName()), request.headIdNumberMasked(), request.tier().name(),
                plannedAid, today, today.plusDays(days));
        return notices.save(notice);
    }

    @Transactional(readOnly = true)
    public PublicNotices openAt(String unitCode) {
        List<PublicNotice> open = notices.findOpenAt(unitCode);
        return new PublicNotices(unitCode, open);
    }

    /** Anyone may object; the county union decides while the notice runs on to the end of its period. */
    public NoticeObjection object(String unitCode, Long noticeId, ObjectionForm form, String address) {
        PublicNotice notice = notices.findById(noticeId).filter(n -> n.getUnit().getCode().equals(unitCode))
                .orElseThrow(() -> new NotFoundException("notice.notFound"));
        if (!rateLimiter.tryAcquire(address)) {
            throw new BusinessException("objection.tooMany");
        }
        NoticeObjection objection = notice.object(form.reason().strip(), form.contact().strip(), address, clock.instant());
        String summary = summary(notice.getObjections());
        process.objectionLodged(notice.getApplicationId(), form.reason().strip(), summary);
        return objection;
    }

    /**
     * What the decision task shows in Tasklist, held in an engine variable: the start of each
     * objection, at most {@value #SUMMARY_MAX} characters in all (the engine's text variables end at
     * 4,000). The full texts stay in {@code notice_objection}, shown on the objection page.
     */
    static String summary(List<NoticeObjection> objections) {
        StringBuilder summary = new StringBuilder();
        for (int i = 0; i < objections.size(); i++) {
            NoticeObjection o = objections.get(i);
            String reason = o.getReason().length() <= EXCERPT ? o.getReason() : o.getReason().substring(0, EXCERPT) + "……";
            String line = (i == 0 ? "" : "\n") + "· " + reason + "（联系方式：" + o.getContact() + "）";
            if (summary.length() + line.length() > SUMMARY_MAX - 40) {
                summary.append("\n……（共 ").append(objections.size()).append(" 条异议，全文见系统中的异议处理页）");
                break;
            }
            summary.append(line);
        }
        return summary.toString();
    }

    @Transactional(readOnly = true)
    public List<NoticeObjection> objectionsOf(Long applicationId) {
        return notices.findByApplicationId(applicationId).map(n -> List.copyOf(n.getObjections())).orElse(List.of());
    }

    /** An upheld objection ends the notice (the process step that calls this rejects the application). */
    public void withdraw(Long applicationId) {
        notices.findByApplicationId(applicationId).ifPresent(n -> n.close(NoticeStatus.WITHDRAWN));
    }

    @EventListener
    public void onFiled(HouseholdFiled filed) {
        notices.findByApplicationId(filed.applicationId().value()).ifPresent(n -> n.close(NoticeStatus.FILED));
    }

    /** The notices open at a unit, as the public page shows them. */
    public record PublicNotices(String unitCode, List<PublicNotice> notices) {
    }
}
