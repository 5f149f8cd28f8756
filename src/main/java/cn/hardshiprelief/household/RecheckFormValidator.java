package cn.hardshiprelief.household;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import java.time.Clock;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rules across the income rows of a re-check, run after Bean Validation: every month listed needs its household
 * income (0 when there was none) and its members' count; an income needs its month; a month is a whole month
 * that has ended (not this month, not a later one) and appears once. The page lists the months since the last
 * recorded one, so a listed month left without an income is refused on its row, never silently dropped; a
 * caseworker who cannot record a month clears its month field. A row with neither month nor income is empty.
 */
@Component
public class RecheckFormValidator implements Validator {

    private final Clock clock;

    public RecheckFormValidator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean supports(Class<?> type) {
        return RecheckForm.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        RecheckForm form = (RecheckForm) target;
        YearMonth current = YearMonth.now(clock);
        Set<YearMonth> seen = new HashSet<>();
        List<IncomeEntry> incomes = form.getIncomes();
        for (int i = 0; i < incomes.size(); i++) {
            IncomeEntry row = incomes.get(i);
            if (row == null || row.isBlank()) {
                continue;
            }
            String prefix = "incomes[" + i + "].";
            YearMonth month = row.getMonth();
            if (month == null) {
                rejectUnlessBound(errors, prefix + "month", "income.monthRequired", null);
                continue;
            }
            if (row.getHouseholdIncome() == null) {
                rejectUnlessBound(errors, prefix + "householdIncome", "income.amountRequired", month);
            }
            if (row.getMemberCount() == null) {
                rejectUnlessBound(errors, prefix + "memberCount", "income.members.invalid", null);
            }
            if (month.equals(current)) {
                errors.rejectValue(prefix + "month", "income.currentMonth", new Object[] {month.toString()}, null);
            } else if (month.isAfter(current)) {
                errors.rejectValue(prefix + "month", "income.futureMonth", new Object[] {month.toString()}, null);
            } else if (!seen.add(month)) {
                errors.rejectValue(prefix + "month", "income.duplicateMonth", new Object[] {month.toString()}, null);
            }
        }
    }

    /** A field that did not bind (not a number) already says so; one message per field. */
    private static void rejectUnlessBound(Errors errors, String field, String code, YearMonth month) {
        if (!errors.hasFieldErrors(field)) {
            errors.rejectValue(field, code, month == null ? null : new Object[] {month.toString()}, null);
        }
    }
}
