package cn.hardshiprelief.campaign;

/** One household of a campaign. */
public enum LineStatus {
    SELECTED,
    /** Its grant is in the payment ledger. */
    PAID,
    /** Could not be paid (the file was closed, no bank account): its batch raises an incident until resolved. */
    FAILED,
    /** Taken off the list after it failed; its money goes back to the fund. */
    REMOVED
}
