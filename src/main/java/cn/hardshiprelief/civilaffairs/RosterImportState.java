package cn.hardshiprelief.civilaffairs;

/**
 * Where an import stands. QUEUED → CHECKING → WRITING → SUCCEEDED; CHECKING → REJECTED when any line is wrong
 * (nothing written); any running state → FAILED when something broke that is not the file's fault, or the
 * application stopped meanwhile.
 */
public enum RosterImportState {
    QUEUED, CHECKING, WRITING, SUCCEEDED, REJECTED, FAILED;

    public boolean isRunning() {
        return this == QUEUED || this == CHECKING || this == WRITING;
    }
}
