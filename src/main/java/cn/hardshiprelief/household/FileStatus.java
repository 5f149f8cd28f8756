package cn.hardshiprelief.household;

/** Status of a household file. Only an ACTIVE file holds its household and members (one active file each). */
public enum FileStatus {
    ACTIVE, STANDING_SUPPORT, EXITED, RELAPSED, CANCELLED;

    public boolean holdsHousehold() {
        return this == ACTIVE || this == STANDING_SUPPORT || this == RELAPSED;
    }
}
