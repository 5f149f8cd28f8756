package cn.hardshiprelief.household;

/** Why a file is cancelled (注销). */
public enum CancelReason {
    DEATH, MOVED_AWAY, WRONGLY_FILED
}
