package cn.hardshiprelief.survey;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.ForbiddenException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.Optional;

/**
 * Opening this year's survey by hand (年度摸底): when its date has passed and no survey was opened — the
 * application was installed after 1 October, say, so its timer waits for next year — an administrator opens
 * it from /surveys. Idempotent: when this year's survey exists, nothing starts and the answer says so.
 * Before this year's date it is refused: the timer opens it then, and a survey opened earlier would make
 * that timer fail (one survey a year).
 */
@Service
@Transactional
public class SurveyOpening {

    private final SurveyRepository surveys;
    private final SurveyProcess engine;
    private final Clock clock;

    public SurveyOpening(SurveyRepository surveys, SurveyProcess engine, Clock clock) {
        this.surveys = surveys;
        this.engine = engine;
        this.clock = clock;
    }

    /** What happened: this year's survey was opened now, or had been already (when, and by whom if by hand). */
    public record Opening(int year, boolean openedNow, Instant openedAt) {
    }

    public Opening openThisYear(Actor actor) {
        if (!actor.isAdmin()) {
            throw new ForbiddenException("survey.openByHand.adminOnly");
        }
        int year = Year.now(clock).getValue();
        Optional<Survey> existing = surveys.findByYear(year);
        if (existing.isPresent()) {
            return new Opening(year, false, existing.get().getOpenedAt());
        }
        Instant now = clock.instant();
        Optional<Instant> next = engine.nextScheduledStart();
        if (next.isPresent() && next.get().isAfter(now) && Year.from(next.get().atZone(clock.getZone())).getValue() == year) {
            throw new ConflictException("survey.openByHand.notYet", LocalDate.ofInstant(next.get(), clock.getZone()).toString());
        }
        try {
            engine.startNow(actor.username());
        } catch (RuntimeException e) {
            if (openedMeanwhile(e)) {
                // another administrator's click committed first: the unique year refused this one
                throw new ConflictException("survey.alreadyOpened", year);
            }
            throw e;
        }
        Survey opened = surveys.findByYear(year).orElseThrow(() -> new IllegalStateException("openSurvey did not run"));
        return new Opening(year, true, opened.getOpenedAt());
    }

    private static boolean openedMeanwhile(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataIntegrityViolationException
                    || t instanceof BusinessException b && "survey.alreadyOpened".equals(b.getMessageKey())) {
                return true;
            }
        }
        return false;
    }
}
