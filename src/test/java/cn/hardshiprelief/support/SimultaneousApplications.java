package cn.hardshiprelief.support;

import cn.hardshiprelief.enrollment.ApplicationForm;
import cn.hardshiprelief.enrollment.EnrollmentApplication;
import cn.hardshiprelief.enrollment.EnrollmentService;
import cn.hardshiprelief.organization.Directory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Two first applications of one worker at the same moment, made to meet where the check in the service
 * cannot see them: the first is written but not yet committed when the second is checked and written, and
 * commits while the second waits for the database. Real services, two threads, two transactions.
 */
@Component
public class SimultaneousApplications {

    private final EnrollmentService enrollment;
    private final Directory directory;
    private final TransactionTemplate transaction;

    public SimultaneousApplications(EnrollmentService enrollment, Directory directory, TransactionTemplate transaction) {
        this.enrollment = enrollment;
        this.directory = directory;
        this.transaction = transaction;
    }

    /** What became of each: the application submitted, or the exception that refused it. */
    public record Outcome(EnrollmentApplication first, Throwable firstRefusal, EnrollmentApplication second,
                          Throwable secondRefusal) {
    }

    public Outcome submit(String worker, ApplicationForm first, ApplicationForm second) {
        CountDownLatch firstWritten = new CountDownLatch(1);
        CountDownLatch secondUnderWay = new CountDownLatch(1);
        CompletableFuture<EnrollmentApplication> one = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
            EnrollmentApplication submitted = enrollment.submit(directory.actor(worker), null, first);
            firstWritten.countDown();
            await(secondUnderWay);
            pause(); // the second is checked and reaches the database before this one commits
            return submitted;
        }));
        CompletableFuture<EnrollmentApplication> two = CompletableFuture.supplyAsync(() -> {
            await(firstWritten);
            return transaction.execute(status -> {
                secondUnderWay.countDown();
                return enrollment.submit(directory.actor(worker), null, second);
            });
        });
        return new Outcome(result(one), refusal(one), result(two), refusal(two));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other application never came");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static EnrollmentApplication result(CompletableFuture<EnrollmentApplication> future) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Throwable refusal(CompletableFuture<EnrollmentApplication> future) {
        try {
            future.get(60, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
