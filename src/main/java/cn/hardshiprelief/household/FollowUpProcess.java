package cn.hardshiprelief.household;

/** What follow-up needs from the engine: start a file's follow-up, report a change, find its open re-check. */
public interface FollowUpProcess {

    String PROCESS_ID = "householdFollowUp";
    String RECHECK_TASK = "recheckHousehold";
    String CHANGE_MESSAGE = "changeReported";

    void start(HouseholdFile file);

    /** Triggers an immediate re-check; false when one is already open (nothing to trigger). */
    boolean changeReported(Long fileId, String reason);

    /** Ends the file's follow-up (the file was cancelled). */
    void stop(Long fileId, String reason);
}
