package cn.hardshiprelief.aid;

import cn.hardshiprelief.vocabulary.HardshipCause;
import cn.hardshiprelief.vocabulary.SchoolingStage;

import java.math.BigDecimal;
import java.util.Optional;

/** The aid standards, caps and approval levels as the deployed DMN decisions say today. */
public interface AidRules {

    Optional<AidStandard> standard(AidKind kind, String tier, SchoolingStage stage);

    /** 叠加: what a secondary cause adds to a stackable kind (0 when the standard adds nothing). */
    BigDecimal supplement(AidKind kind, HardshipCause cause);

    AidCap cap(AidKind kind);

    /** All cash aid one household may receive in a calendar year. */
    BigDecimal householdAnnualCap(String tier);

    ApprovalLevel approvalLevel(BigDecimal amount);
}
