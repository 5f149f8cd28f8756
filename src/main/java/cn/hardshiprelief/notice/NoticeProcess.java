package cn.hardshiprelief.notice;

/** What the notice needs from the running process: tell it that someone objected. */
public interface NoticeProcess {
    void objectionLodged(String processInstanceId, String objectionSummary);
}
