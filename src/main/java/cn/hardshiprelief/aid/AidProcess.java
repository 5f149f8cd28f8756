package cn.hardshiprelief.aid;

/** What aid needs from the engine: start a grant's process, and tell it what the bank said. */
public interface AidProcess {

    String PROCESS_ID = "aidGrant";

    /** Starts approval; returns the process instance id. */
    String start(AidGrant grant);

    /** A grant approved by a campaign's batch approval enters the process at disbursement. */
    String startAtPayment(AidGrant grant);

    /** A returned campaign payment gets a task of its own. */
    String startAtFailedPayment(AidGrant grant);

    /** The bank's result for the grant's payment; false when no instance waits for it. */
    boolean bankResult(AidGrant grant, boolean confirmed);
}
