package cn.hardshiprelief.aid;

/** Where a grant stands. */
public enum GrantStatus {
    /** Requested, the fund's money reserved, waiting for approval. */
    REQUESTED,
    /** Stopped by the duplicate, cap or fund checks inside the process. */
    REFUSED,
    REJECTED,
    /** Approved: a cash grant waits for disbursement, a service grant for its outcome. */
    APPROVED,
    /** In the payment ledger, waiting for the bank's result. */
    PAYING,
    /** The bank returned the payment; a caseworker corrects it and pays again, or cancels. */
    PAYMENT_FAILED,
    /** The bank confirmed the payment; waiting for the recipient's receipt. */
    PAID,
    /** Receipt confirmed by the recipient or recorded by the cadre. */
    RECEIVED,
    /** A service grant whose referral outcome is recorded. */
    DELIVERED,
    CANCELLED;

    public boolean counts() {
        return this != REFUSED && this != REJECTED && this != CANCELLED;
    }
}
