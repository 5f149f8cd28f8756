package cn.hardshiprelief.aid;

/**
 * The aid catalogue of the work plans. Cash kinds pay an amount from the {@code aidStandard} DMN;
 * service kinds (legal aid, training, job referral) record the referral and its outcome.
 */
public enum AidKind {
    /** 生活救助 */
    LIFE_AID(true, false, false),
    /** 医疗 / 大病救助: a share of the self-paid part after insurance. */
    MEDICAL_AID(true, false, true),
    /** 金秋助学, kindergarten to doctorate, with proof of enrolment (plan 8). */
    EDUCATION_AID(true, true, true),
    /** 就业援助 / 职业介绍 */
    EMPLOYMENT_SUPPORT(false, false, false),
    /** 职业培训 */
    SKILLS_TRAINING(false, true, false),
    /** 法律援助 */
    LEGAL_AID(false, true, false),
    /** 住房救助 */
    HOUSING_SUPPORT(true, false, true),
    /** 临时救助: also for workers whose household is not (or no longer) on file. */
    EMERGENCY_AID(true, true, false),
    /** 送温暖 慰问金, paid in holiday campaigns. */
    WARMTH_VISIT(true, false, false),
    /** 返乡探亲: one trip home a year reimbursed (plan 11). */
    TRAVEL_HOME(true, true, true);

    private final boolean cash;
    private final boolean workerMayRequest;
    private final boolean needsProof;

    AidKind(boolean cash, boolean workerMayRequest, boolean needsProof) {
        this.cash = cash;
        this.workerMayRequest = workerMayRequest;
        this.needsProof = needsProof;
    }

    public boolean cash() {
        return cash;
    }

    /** Whether the worker may ask for it themselves; caseworkers may request every kind. */
    public boolean workerMayRequest() {
        return workerMayRequest;
    }

    /** Proof the request must carry: enrolment (助学), bills (医疗), contract or damage (住房), tickets (探亲). */
    public boolean needsProof() {
        return needsProof;
    }

    /** Emergency aid helps whoever is in sudden need; every other kind needs a household on the register. */
    public boolean needsOpenFile() {
        return this != EMERGENCY_AID;
    }

    /** Kinds whose amount follows a basis (a bill, a ticket, a request) rather than a fixed standard. */
    public boolean hasBasis() {
        return this == MEDICAL_AID || this == HOUSING_SUPPORT || this == EMERGENCY_AID || this == TRAVEL_HOME;
    }

    /**
     * A medical bill may be large: the standard's share of it is paid up to the most one grant may pay.
     * For every other kind with a basis an amount above the standard is refused, not quietly cut.
     */
    public boolean capsAtStandard() {
        return this == MEDICAL_AID;
    }

    /** Requested one at a time by caseworkers; warmth visits come through campaigns. */
    public boolean requestable() {
        return this != WARMTH_VISIT;
    }
}
