package cn.hardshiprelief.fund;

import cn.hardshiprelief.organization.OrgUnit;
import cn.hardshiprelief.organization.OrgUnitRepository;
import cn.hardshiprelief.organization.OrgUnitType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/** Demo budgets for this year: every union of the demo organisation gets a fund from each source. */
@Component
@ConditionalOnProperty(name = "hardship.demo-data", havingValue = "true")
class DemoFunds {

    private static final Map<FundSource, BigDecimal> BUDGETS = Map.of(
            FundSource.CENTRAL_FINANCE, new BigDecimal("500000.00"),
            FundSource.LOCAL_FINANCE, new BigDecimal("300000.00"),
            FundSource.UNION_FUNDS, new BigDecimal("200000.00"),
            FundSource.DONATIONS, new BigDecimal("50000.00"));

    private final FundRepository funds;
    private final OrgUnitRepository units;
    private final Clock clock;

    DemoFunds(FundRepository funds, OrgUnitRepository units, Clock clock) {
        this.funds = funds;
        this.units = units;
        this.clock = clock;
    }

    @EventListener
    @Order(1)
    @Transactional
    public void load(ApplicationReadyEvent event) {
        if (funds.count() > 0) {
            return;
        }
        int year = LocalDate.now(clock).getYear();
        for (OrgUnit union : units.findAll()) {
            if (union.getType() == OrgUnitType.BRANCH_UNION || union.getType() == OrgUnitType.COUNTY_UNION) {
                BUDGETS.forEach((source, budget) -> funds.save(new Fund(union, year, source,
                        year + " " + union.getName() + " " + label(source), budget)));
            }
        }
    }

    private static String label(FundSource source) {
        return switch (source) {
            case CENTRAL_FINANCE -> "中央财政帮扶资金";
            case LOCAL_FINANCE -> "地方财政帮扶资金";
            case UNION_FUNDS -> "工会经费";
            case DONATIONS -> "社会捐赠";
        };
    }
}
