package cn.hardshiprelief.notice;

/** What the notice needs from the running process: tell it that someone objected, or that the period is over. */
public interface NoticeProcess {
    /**
     * Someone objected to the application's notice: the application records the objection and the process gets
     * it (a decision task for the county union, or a longer summary on the one already open).
     */
    void objectionLodged(Long applicationId, String reason, String objectionSummary);

    /**
     * Ends the notice period now: the timer {@code noticePeriodEnded} fires as if its time had come, and the
     * process goes on as after a full period (filing, or waiting for an open objection's decision first).
     * False when the instance is not waiting out a notice period.
     */
    boolean endPeriodNow(String processInstanceId);
}
