package cn.hardshiprelief.disbursement;

/** A ledger entry's way to the bank and back. */
public enum PaymentStatus {
    /** In the ledger, not yet in a bank batch. */
    PENDING,
    /** Sent to the bank in a batch file. */
    EXPORTED,
    CONFIRMED,
    /** Returned by the bank; the grant's money is reserved again and a task asks what to do. */
    FAILED
}
