package cn.hardshiprelief.support;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * The test classes share one context, and the demo has a handful of workers, while a worker has
 * at most one household in progress or on file (一户一档, {@code OneHouseholdPerWorker}). Before a
 * story lets a worker apply, this closes what earlier stories left that worker: open applications
 * end as rejected (their process instances deleted) and active files as cancelled. Test-only, and
 * straight in the tables on purpose: no real transition may take a household off the register
 * that way.
 */
@Component
public class EarlierStories {

    private static final String OPEN = "('IN_REVIEW','RETURNED','APPROVED','IN_NOTICE')";
    private static final String ACTIVE = "('ACTIVE','STANDING_SUPPORT','RELAPSED')";

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final TransactionTemplate transaction;

    public EarlierStories(JdbcTemplate jdbc, RuntimeService runtime, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.transaction = transaction;
    }

    /** Leaves the worker free to apply, whatever earlier test classes filed for them. */
    public void closeHouseholdsOf(String worker) {
        transaction.executeWithoutResult(status -> {
            List<String> instances = jdbc.queryForList("select process_instance_id from enrollment_application"
                    + " where applicant_username = ? and process_instance_id is not null and status in " + OPEN,
                    String.class, worker);
            for (String instance : instances) {
                if (runtime.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
                    runtime.deleteProcessInstance(instance, "earlier test story closed", true, true);
                }
            }
            jdbc.update("update enrollment_application set status = 'REJECTED', open_key = null, rejection_reason = ?"
                    + " where applicant_username = ? and status in " + OPEN, "earlier test story closed", worker);
            jdbc.update("update household_file_member set active_person_key = null where file_id in"
                    + " (select id from household_file where head_username = ? and status in " + ACTIVE + ")", worker);
            jdbc.update("update household_file set status = 'CANCELLED', active_household_key = null"
                    + " where head_username = ? and status in " + ACTIVE, worker);
        });
    }
}
