package cn.hardshiprelief.household;

import cn.hardshiprelief.vocabulary.ApplicationId;
import cn.hardshiprelief.organization.OrgUnit;
import cn.hardshiprelief.vocabulary.DisabilityGrade;
import cn.hardshiprelief.vocabulary.HardshipCause;
import cn.hardshiprelief.vocabulary.HealthStatus;
import cn.hardshiprelief.vocabulary.Relation;
import cn.hardshiprelief.vocabulary.SchoolingStage;
import cn.hardshiprelief.vocabulary.Tier;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the register needs to file a household (建档立卡), handed over by the process step that files it: the
 * approved, classified application's facts, not the application itself, which stays enrollment's.
 */
public record FilingRequest(
        ApplicationId applicationId,
        String headUsername,
        OrgUnit unit,
        OrgUnit company,
        OrgUnit branchUnion,
        OrgUnit countyUnion,
        String regionCode,
        Tier tier,
        HardshipCause primaryCause,
        Set<HardshipCause> secondaryCauses,
        boolean receivesDibao,
        BigDecimal dibaoLine,
        BigDecimal perCapitaIncome,
        BigDecimal medicalCostsHalfYear,
        BigDecimal oneOffCosts,
        List<Member> members) {

    public FilingRequest {
        secondaryCauses = Set.copyOf(secondaryCauses);
        members = List.copyOf(members);
    }

    /** One member of the household as the 三查一访 confirmed them. */
    public record Member(String name, Relation relation, String idNumberHash, String idNumberMasked,
                         HealthStatus health, DisabilityGrade disability, SchoolingStage schooling,
                         BigDecimal monthlyIncome) {
    }

    /** The primary cause and the secondary ones, in their natural order. */
    public Set<HardshipCause> causes() {
        Set<HardshipCause> all = new TreeSet<>(secondaryCauses);
        if (primaryCause != null) {
            all.add(primaryCause);
        }
        return all;
    }

    public List<String> memberIdNumberHashes() {
        return members.stream().map(Member::idNumberHash).toList();
    }
}
