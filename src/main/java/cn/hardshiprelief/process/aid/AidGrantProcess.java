package cn.hardshiprelief.process.aid;

import java.util.List;

/**
 * Ids of process {@code aidGrant} (processes/aidGrant.bpmn), one instance per grant with the grant id
 * as business key. They are a contract with the Modeler, Cockpit, tests and the REST API: keep them
 * stable.
 */
public final class AidGrantProcess {

    public static final String PROCESS_ID = "aidGrant";

    public static final String AID_REQUESTED = "aidRequested";
    public static final String CHECK_AID_GRANT = "checkAidGrant";
    public static final String IS_GRANT_ALLOWED = "isGrantAllowed";
    public static final String GRANT_REFUSED = "grantRefused";

    /** Business rule task on decision {@link #APPROVAL_LEVEL_DECISION}. */
    public static final String DECIDE_APPROVAL_LEVEL = "decideApprovalLevel";
    public static final String APPROVAL_LEVEL_DECISION = "aidApprovalLevel";

    public static final String APPROVE_BY_BRANCH_UNION = "approveByBranchUnion";
    public static final String BRANCH_UNION_DECISION = "branchUnionDecision";
    public static final String APPROVE_BY_COUNTY_UNION = "approveByCountyUnion";
    public static final String COUNTY_UNION_DECISION = "countyUnionDecision";
    public static final String APPROVE_BY_COUNTY_UNION_CHAIR = "approveByCountyUnionChair";
    public static final String COUNTY_UNION_CHAIR_DECISION = "countyUnionChairDecision";

    /** Where every "not approved" meets before {@link #REJECT_GRANT}. */
    public static final String REJECT_GRANT_JOIN = "rejectGrantJoin";
    public static final String REJECT_GRANT = "rejectGrant";
    public static final String GRANT_REJECTED = "grantRejected";

    /** Where the final approval of each level meets before {@link #APPROVE_GRANT}. */
    public static final String APPROVE_GRANT_JOIN = "approveGrantJoin";
    public static final String APPROVE_GRANT = "approveGrant";
    public static final String IS_CASH_AID = "isCashAid";

    public static final String RECORD_REFERRAL_OUTCOME = "recordReferralOutcome";
    public static final String SERVICE_DELIVERED = "serviceDelivered";

    /** Where the first payment and a retried one meet before {@link #DISBURSE_GRANT}. */
    public static final String DISBURSE_GRANT_JOIN = "disburseGrantJoin";
    /**
     * Asynchronous (asyncBefore, retried R3/PT5M). Campaign grants start here with
     * {@code startBeforeActivity}, already approved on the campaign's list.
     */
    public static final String DISBURSE_GRANT = "disburseGrant";
    /** Waits for message {@link #BANK_RESULT_MESSAGE}, correlated by business key (the grant id). */
    public static final String AWAIT_BANK_RESULT = "awaitBankResult";
    public static final String BANK_RESULT_MESSAGE = "bankResultReturned";
    public static final String IS_PAYMENT_CONFIRMED = "isPaymentConfirmed";
    public static final String CONFIRM_RECEIPT = "confirmReceipt";
    public static final String GRANT_PAID = "grantPaid";

    /** A returned campaign payment starts here with {@code startBeforeActivity}. */
    public static final String RESOLVE_FAILED_PAYMENT = "resolveFailedPayment";
    public static final String IS_PAYMENT_RETRIED = "isPaymentRetried";
    public static final String CANCEL_GRANT = "cancelGrant";
    public static final String GRANT_CANCELLED = "grantCancelled";

    /** The approval steps, lowest first; each uses form {@link Forms#APPROVE_AID_GRANT} and the approval listener. */
    public static final List<String> APPROVAL_STEPS = List.of(
            APPROVE_BY_BRANCH_UNION, APPROVE_BY_COUNTY_UNION, APPROVE_BY_COUNTY_UNION_CHAIR);

    public static final class Variables {
        /** At start: the grant's id (long), also the business key as a string. */
        public static final String GRANT_ID = "grantId";
        /** At start: the granting union's unit code, e.g. CU01B01 (candidate group branchUnion_…). */
        public static final String UNIT_CODE = "unitCode";
        /** At start: its county union's unit code, e.g. CU01 (countyUnion_…, countyUnionChair_…). */
        public static final String COUNTY_UNIT_CODE = "countyUnitCode";
        /** At start: the amount (double), read only by the approval-level decision. */
        public static final String AMOUNT = "amount";
        /** At start: true for cash aid (paid through the bank), false for service kinds (referred). */
        public static final String CASH = "cash";
        /** At start: the {@code AidKind} name. */
        public static final String KIND = "kind";
        /** At start: the username who asked for the grant. */
        public static final String REQUESTED_BY = "requestedBy";
        /** Set by the check delegate (boolean). */
        public static final String GRANT_ALLOWED = "grantAllowed";
        /** Set by the decision: an {@code ApprovalLevel} name. */
        public static final String APPROVAL_LEVEL = "approvalLevel";
        /** Set by the approval listener at each approval step (boolean). */
        public static final String APPROVED = "approved";
        /** The approver's comment, or the note on a failed payment (string). */
        public static final String COMMENT = "comment";
        /** Sent with the bank's result message (boolean): true paid, false returned. */
        public static final String PAYMENT_CONFIRMED = "paymentConfirmed";
        /** Set when a failed payment is resolved (boolean): true pay again, false cancel. */
        public static final String RETRY_PAYMENT = "retryPayment";
        /** Form field of recordReferralOutcome (string). */
        public static final String REFERRAL_OUTCOME = "referralOutcome";
        /** Form field of confirmReceipt (string). */
        public static final String RECEIPT_NOTE = "receiptNote";

        private Variables() {
        }
    }

    /** The Camunda Forms (forms/*.form) the user tasks reference by id. */
    public static final class Forms {
        public static final String APPROVE_AID_GRANT = "approveAidGrant";
        public static final String RECORD_REFERRAL_OUTCOME = "recordReferralOutcome";
        public static final String CONFIRM_RECEIPT = "confirmReceipt";
        public static final String RESOLVE_FAILED_PAYMENT = "resolveFailedPayment";

        private Forms() {
        }
    }

    private AidGrantProcess() {
    }
}
