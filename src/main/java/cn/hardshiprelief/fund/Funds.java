package cn.hardshiprelief.fund;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.organization.OrgUnit;
import cn.hardshiprelief.organization.OrgUnitType;
import cn.hardshiprelief.organization.Role;
import cn.hardshiprelief.shared.BusinessException;
import cn.hardshiprelief.shared.ConflictException;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.List;

/**
 * The unions' funds. Only the staff of the union that owns a fund see it, its ledger and its budget.
 * Money moves only through {@link #reserve}, {@link #release}, {@link #pay} and {@link #unpay}, each one
 * conditional UPDATE in the caller's transaction.
 */
@Service
@Transactional(readOnly = true)
public class Funds {

    /** Larger than any union's yearly budget: a figure above it is a slip of the keyboard. */
    static final BigDecimal MAX_BUDGET = new BigDecimal("100000000000.00");

    private static final List<Role> UNION_ROLES = List.of(Role.BRANCH_UNION, Role.COUNTY_UNION, Role.COUNTY_UNION_CHAIR);

    private final FundRepository funds;
    private final Directory directory;

    public Funds(FundRepository funds, Directory directory) {
        this.funds = funds;
        this.directory = directory;
    }

    /** The funds of the actor's own union, newest year first. */
    public List<Fund> ofMyUnion(Actor actor) {
        if (!isUnionStaff(actor)) {
            throw new ForbiddenException("fund.forbidden");
        }
        return funds.findByUnionIdOrderByYearDescSourceAsc(actor.orgUnitId());
    }

    /** The funds of a union for a year, as the grant forms offer them. */
    public List<Fund> ofUnion(Long unionId, int year) {
        return funds.findByUnionIdAndYearOrderBySourceAsc(unionId, year);
    }

    public Fund fund(Actor actor, Long id) {
        Fund fund = funds.findById(id).orElseThrow(() -> new NotFoundException("fund.notFound"));
        if (!mayManage(actor, fund)) {
            throw new ForbiddenException("fund.forbidden");
        }
        return fund;
    }

    public boolean mayManage(Actor actor, Fund fund) {
        return actor.isAdmin() || isUnionStaff(actor) && fund.getUnion().getId().equals(actor.orgUnitId());
    }

    /** A fund that a grant of this union in this year may draw on. */
    public Fund forGrant(Long fundId, OrgUnit grantingUnion, int year) {
        Fund fund = fundId == null ? null : funds.findById(fundId).orElse(null);
        if (fund == null || !fund.getUnion().getId().equals(grantingUnion.getId()) || fund.getYear() != year) {
            // the year as text: a number argument would be shown "2,026"
            throw new BusinessException("fund.notOfUnion", grantingUnion.getName(), String.valueOf(year));
        }
        return fund;
    }

    @Transactional
    public Fund open(Actor actor, int year, FundSource source, String name, BigDecimal budget) {
        if (!isUnionStaff(actor) && !actor.isAdmin()) {
            throw new ForbiddenException("fund.forbidden");
        }
        OrgUnit union = directory.unit(actor.orgUnitId());
        if (union.getType() != OrgUnitType.BRANCH_UNION && union.getType() != OrgUnitType.COUNTY_UNION) {
            throw new ForbiddenException("fund.forbidden");
        }
        checkBudget(budget);
        try {
            return funds.saveAndFlush(new Fund(union, year, source, name.strip(), budget));
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("fund.exists", String.valueOf(year));
        }
    }

    /** A budget may be cut, but never below what has been paid from it. */
    @Transactional
    public void changeBudget(Actor actor, Long fundId, BigDecimal budget) {
        Fund fund = fund(actor, fundId);
        checkBudget(budget);
        if (funds.changeBudget(fund.getId(), budget.setScale(2)) == 0) {
            throw new BusinessException("fund.budgetBelowPaid", fund.getPaid().toPlainString());
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void reserve(Fund fund, BigDecimal amount) {
        if (funds.reserve(fund.getId(), amount) == 0) {
            throw new FundExhaustedException(fund.getName(), funds.availableOf(fund.getId()), amount);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void release(Fund fund, BigDecimal amount) {
        if (funds.release(fund.getId(), amount) == 0) {
            throw new IllegalStateException("Fund " + fund.getId() + " holds less than " + amount + " in reserve");
        }
    }

    /** Pays a reserved amount; false when the budget no longer covers it (it was cut after the reservation). */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean pay(Fund fund, BigDecimal amount) {
        return funds.pay(fund.getId(), amount) == 1;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void unpay(Fund fund, BigDecimal amount) {
        if (funds.unpay(fund.getId(), amount) == 0) {
            throw new IllegalStateException("Fund " + fund.getId() + " has paid less than " + amount);
        }
    }

    private static void checkBudget(BigDecimal budget) {
        if (budget == null || budget.signum() < 0 || budget.compareTo(MAX_BUDGET) > 0 || budget.scale() > 2
                && budget.stripTrailingZeros().scale() > 2) {
            throw new BusinessException("fund.invalidBudget");
        }
    }

    private static boolean isUnionStaff(Actor actor) {
        return UNION_ROLES.stream().anyMatch(actor::has);
    }
}
