package cn.hardshiprelief.civilaffairs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one import, on the import thread: checks the whole file, then, only if every line passed, replaces the roster
 * with it in one transaction. Progress goes to the import's row in transactions of its own, so the progress page
 * sees it while the roster transaction is still open. The uploaded file is deleted at the end, whatever happened.
 */
@Component
class RosterImporter {

    private static final Logger log = LoggerFactory.getLogger(RosterImporter.class);

    /** Progress is written at most this often: enough for a page refreshed every two seconds. */
    static final Duration PROGRESS_INTERVAL = Duration.ofMillis(300);

    private final RosterImportRepository imports;
    private final CivilAffairsRoster roster;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separateTransaction;
    private final Clock clock;

    RosterImporter(RosterImportRepository imports, CivilAffairsRoster roster,
                   PlatformTransactionManager transactionManager, Clock clock) {
        this.imports = imports;
        this.roster = roster;
        this.transaction = new TransactionTemplate(transactionManager);
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    void run(long importId, Path file, RosterFormat format) {
        try {
            if (!update(importId, RosterImportState.QUEUED, i -> i.startChecking(clock.instant()))) {
                log.info("Roster import {} is no longer queued; not run", importId);
                return;
            }
            RosterFile rosterFile = new RosterFile(RosterSource.of(file, format));
            Instant checkStarted = clock.instant();
            Throttle throttle = new Throttle();
            RosterFile.Check check = rosterFile.check((read, valid, problems) -> {
                if (throttle.due()) {
                    update(importId, null, i -> i.checked(read, valid, problems, clock.instant()));
                }
            });
            update(importId, null, i -> i.checked(check.rowsRead(), check.rowsValid(), check.problemCount(),
                    clock.instant()));
            log.info("Roster import {}: {} rows checked in {} ms, {} problems", importId, check.rowsRead(),
                    Duration.between(checkStarted, clock.instant()).toMillis(), check.problemCount());
            if (!check.passed()) {
                reject(importId, check.problems(), check.problemCount());
                return;
            }
            update(importId, null, i -> i.startWriting(clock.instant()));
            write(importId, rosterFile, check.rowsValid());
        } catch (IOException | RuntimeException e) {
            log.error("Roster import {} failed", importId, e);
            fail(importId);
        } finally {
            deleteQuietly(file);
        }
    }

    private void write(long importId, RosterFile rosterFile, int rows) {
        Instant started = clock.instant();
        Throttle throttle = new Throttle();
        transaction.executeWithoutResult(status -> {
            try {
                int written = roster.replace(importId, rows, rosterFile::forEachEntry, count -> {
                    if (throttle.due()) {
                        update(importId, null, i -> i.written(count, clock.instant()));
                    }
                });
                // loaded only now, after the progress transactions committed, so it is not stale
                imports.findById(importId).orElseThrow().succeed(written, clock.instant());
            } catch (IOException e) {
                throw new IllegalStateException("Roster file of import " + importId + " could not be read again", e);
            }
        });
        log.info("Roster import {}: the roster now holds its {} entries, written in {} ms", importId, rows,
                Duration.between(started, clock.instant()).toMillis());
    }

    private void reject(long importId, List<RosterProblem> problems, int total) {
        update(importId, null, i -> i.reject(problems, total, clock.instant()));
        log.info("Roster import {} refused: {} problems", importId, total);
    }

    private void fail(long importId) {
        try {
            update(importId, null, i -> {
                if (i.isRunning()) {
                    i.fail("civilaffairs.failure.unexpected", clock.instant());
                }
            });
        } catch (RuntimeException e) {
            log.error("Could not record the failure of roster import {}", importId, e);
        }
    }

    /**
     * Changes the import in a transaction of its own (committed at once, whatever transaction is open around).
     * @param onlyIf the state it must be in, else nothing happens; null for any
     * @return whether the change was made
     */
    private boolean update(long importId, RosterImportState onlyIf, Consumer<RosterImport> change) {
        return Boolean.TRUE.equals(separateTransaction.execute(status -> {
            RosterImport rosterImport = imports.findById(importId).orElseThrow();
            if (onlyIf != null && rosterImport.getState() != onlyIf) {
                return false;
            }
            change.accept(rosterImport);
            return true;
        }));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the uploaded roster file {}", file, e);
        }
    }

    /** Lets progress through at most every {@link #PROGRESS_INTERVAL}. */
    private final class Throttle {
        private Instant last = clock.instant();

        boolean due() {
            Instant now = clock.instant();
            if (Duration.between(last, now).compareTo(PROGRESS_INTERVAL) < 0) {
                return false;
            }
            last = now;
            return true;
        }
    }
}
