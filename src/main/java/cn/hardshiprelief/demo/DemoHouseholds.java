package cn.hardshiprelief.demo;

import cn.hardshiprelief.household.HouseholdFile;
import cn.hardshiprelief.household.HouseholdFileRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Six households on the register on a fresh demo database, so that aid, funds and warmth campaigns
 * can be tried at once instead of after a five-day public notice. Runs after the demo organisation
 * ({@code DemoData}, order 0) and the demo funds ({@code DemoFunds}, order 1), only while the
 * register is empty, and only with {@code hardship.demo-data} and {@code hardship.demo-households}
 * (off in tests). A household that fails is logged and skipped: the demo never stops the start.
 */
@Component
@ConditionalOnProperty(prefix = "hardship", name = {"demo-data", "demo-households"}, havingValue = "true")
class DemoHouseholds {

    private static final Logger log = LoggerFactory.getLogger(DemoHouseholds.class);

    private final HouseholdFileRepository files;
    private final DemoWorkers workers;
    private final DemoEnrollment enrollment;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoHouseholds(HouseholdFileRepository files, DemoWorkers workers, DemoEnrollment enrollment,
                   TransactionTemplate transaction, Clock clock) {
        this.files = files;
        this.workers = workers;
        this.enrollment = enrollment;
        this.transaction = transaction;
        this.clock = clock;
    }

    @EventListener
    @Order(2)
    public void load(ApplicationReadyEvent event) {
        try {
            if (files.count() > 0) {
                return;
            }
            long started = System.nanoTime();
            workers.ensure();
            List<String> filed = new ArrayList<>();
            LocalDate today = LocalDate.now(clock);
            for (DemoHousehold household : DemoHousehold.all()) {
                try {
                    filed.add(file(household, today));
                } catch (RuntimeException e) {
                    log.warn("Demo household of {} not filed: {}", household.worker(), e.toString());
                }
            }
            if (filed.isEmpty()) {
                log.warn("No demo household was filed (see the warnings above); the register stays empty");
                return;
            }
            log.info("{} demo households filed on the register in {} ms ({}); aid can be tried at once, see docs/demo-users.md",
                    filed.size(), (System.nanoTime() - started) / 1_000_000, String.join(", ", filed));
        } catch (RuntimeException e) {
            log.warn("Demo households not created: {}", e.toString());
        }
    }

    private String file(DemoHousehold household, LocalDate today) {
        Long applicationId = enrollment.file(household, today);
        HouseholdFile file = transaction.execute(status -> {
            HouseholdFile f = files.findByApplicationId(applicationId)
                    .orElseThrow(() -> new IllegalStateException("No file for application " + applicationId));
            f.changePayee(household.payeeAccount(), DemoHousehold.PAYEE_BANK);
            return f;
        });
        if (file.getTier() != household.expectedTier()) {
            log.warn("Demo household of {} classified {}, meant to show {} (were the classification rules changed?)",
                    household.worker(), file.getTier(), household.expectedTier());
        }
        return household.worker() + " " + file.getFileNumber() + " " + file.getTier();
    }
}
