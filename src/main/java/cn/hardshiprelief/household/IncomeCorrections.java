package cn.hardshiprelief.household;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;

/**
 * 收入更正: a caseworker of the file corrects a recorded month's household income or members' count, giving the
 * reason; the correction (who, when, before and after, why) is kept and shown on the household's page, and the
 * file's history notes it. Only while the file is on the register: an exited or cancelled file is read-only.
 * The corrected figures count from the next decision that reads them (the next re-check's exit facts and
 * re-classification); a decision already taken is not reopened.
 */
@Service
@Transactional
public class IncomeCorrections {

    private final HouseholdFileRepository files;
    private final IncomeRecordRepository incomes;
    private final IncomeCorrectionRepository corrections;
    private final FileEventRepository events;
    private final Directory directory;
    private final Clock clock;

    public IncomeCorrections(HouseholdFileRepository files, IncomeRecordRepository incomes,
                             IncomeCorrectionRepository corrections, FileEventRepository events, Directory directory,
                             Clock clock) {
        this.files = files;
        this.incomes = incomes;
        this.corrections = corrections;
        this.events = events;
        this.directory = directory;
        this.clock = clock;
    }

    public IncomeCorrection correct(Actor actor, Long fileId, Long recordId, IncomeCorrectionForm form) {
        HouseholdFile file = files.findById(fileId).orElseThrow(() -> new NotFoundException("household.notFound"));
        if (!Caseworkers.of(actor, file)) {
            throw new ForbiddenException("household.forbidden");
        }
        IncomeRecord record = incomes.findById(recordId).filter(r -> r.getFileId().equals(fileId))
                .orElseThrow(() -> new NotFoundException("income.notFound"));
        if (!file.isOpen()) {
            throw new ConflictException("household.notActive", file.getFileNumber());
        }
        BigDecimal income = form.income();
        int members = form.members();
        String reason = form.reasonText();
        String name = directory.displayName(actor.username());
        IncomeCorrection correction = corrections.save(record.correct(income, members, reason, actor.username(), name,
                clock.instant()));
        try {
            incomes.saveAndFlush(record);
        } catch (OptimisticLockingFailureException e) {
            // someone corrected the same month at the same moment: theirs stands, this one is shown their figures
            throw new ConflictException("income.correction.concurrent", record.month().toString());
        }
        events.save(new FileEvent(fileId, FileEvent.Kind.INCOME_CORRECTED, null, null,
                record.month() + " · " + correction.getOldHouseholdIncome().toPlainString() + " / "
                        + correction.getOldMemberCount() + " → " + correction.getNewHouseholdIncome().toPlainString()
                        + " / " + correction.getNewMemberCount() + " · " + reason,
                actor.username(), name, clock.instant()));
        return correction;
    }

    /** The recorded incomes of a file the caller has already read, with their corrections. */
    @Transactional(readOnly = true)
    public IncomeHistory history(HouseholdFile file) {
        return IncomeHistory.of(incomes.findByFileIdOrderByIncomeMonthDesc(file.getId()),
                corrections.findByFileIdOrderByCorrectedAtDescIdDesc(file.getId()));
    }

    /** The actor may correct this file's incomes (shows the form; {@link #correct} checks again). */
    public static boolean mayCorrect(Actor actor, HouseholdFile file) {
        return file.isOpen() && Caseworkers.of(actor, file);
    }
}
