package cn.hardshiprelief.aid;

import cn.hardshiprelief.civilaffairs.CivilAffairsRoster;
import cn.hardshiprelief.civilaffairs.RosterMatch;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The duplicate-aid and cap checks of a grant (重复救助、年度上限), run when it is requested and again
 * inside the process: the same kind already granted as often as the {@code aidCap} decision allows this
 * year (per student for education aid), 金秋助学 for the same child at the same schooling stage in any earlier
 * year as often as {@code aidCap}'s {@code timesPerStage} allows, the kind's yearly cap, the household's
 * yearly cap, and the support
 * the civil-affairs roster shows for the household's members (shown, not blocking: union aid may come on
 * top of dibao).
 */
@Component
public class AidChecks {

    static final Set<GrantStatus> NOT_COUNTING = EnumSet.of(GrantStatus.REJECTED, GrantStatus.REFUSED,
            GrantStatus.CANCELLED);

    private final AidGrantRepository grants;
    private final AidRules rules;
    private final CivilAffairsRoster roster;

    public AidChecks(AidGrantRepository grants, AidRules rules, CivilAffairsRoster roster) {
        this.grants = grants;
        this.rules = rules;
        this.roster = roster;
    }

    public List<Finding> check(AidGrant grant, Beneficiary beneficiary, LocalDate today) {
        List<Finding> findings = new ArrayList<>();
        if (grant.getKind().cash()) {
            List<AidGrant> sameKind = grants.countingOfKind(grant.getFileId(), grant.getBeneficiaryUsername(),
                    grant.getYear(), grant.getKind(), NOT_COUNTING).stream()
                    .filter(other -> !Objects.equals(other.getId(), grant.getId())).toList();
            AidCap cap = rules.cap(grant.getKind());
            timesPerYear(grant, sameKind, cap, findings);
            timesPerStage(grant, cap, findings);
            kindCap(grant, sameKind, cap, findings);
            householdCap(grant, beneficiary, findings);
        }
        civilAffairs(grant, beneficiary, today, findings);
        return findings;
    }

    private void timesPerYear(AidGrant grant, List<AidGrant> sameKind, AidCap cap, List<Finding> findings) {
        if (cap.timesPerYear() == null) {
            return;
        }
        List<AidGrant> same = sameKind.stream().filter(other -> sameOccasion(grant, other)).toList();
        if (same.size() >= cap.timesPerYear()) {
            findings.add(Finding.blocking("aid.check.duplicate", grant.getYear(), cap.timesPerYear(),
                    String.join(", ", same.stream().map(AidGrant::getGrantNumber).toList())));
        }
    }

    /**
     * 金秋助学 once per schooling stage for the child, across years (and files: a household that exits and comes
     * back is the same child by the member's blind index). The refusal names the earlier grants and their years.
     */
    private void timesPerStage(AidGrant grant, AidCap cap, List<Finding> findings) {
        if (grant.getKind() != AidKind.EDUCATION_AID || cap.timesPerStage() == null || grant.getStage() == null) {
            return;
        }
        List<AidGrant> atStage = grants.countingOfStudentAtStage(AidKind.EDUCATION_AID, grant.getStage(),
                        grant.getStudentKey(), grant.getFileId(), NOT_COUNTING).stream()
                .filter(other -> !Objects.equals(other.getId(), grant.getId()))
                .filter(grant::sameStudentAs)
                .toList();
        if (atStage.size() >= cap.timesPerStage()) {
            findings.add(Finding.blocking("aid.check.oncePerStage", grant.getStudentName(), cap.timesPerStage(),
                    String.join(", ", atStage.stream().map(g -> g.getGrantNumber() + " (" + g.getYear() + ")").toList())));
        }
    }

    /** Education aid counts per student; warmth visits per holiday; everything else per household. */
    private static boolean sameOccasion(AidGrant grant, AidGrant other) {
        return switch (grant.getKind()) {
            case EDUCATION_AID -> grant.sameStudentAs(other);
            case WARMTH_VISIT -> Objects.equals(grant.getHoliday(), other.getHoliday())
                    && Objects.equals(grant.getHolidayYear(), other.getHolidayYear());
            default -> true;
        };
    }

    private void kindCap(AidGrant grant, List<AidGrant> sameKind, AidCap cap, List<Finding> findings) {
        if (cap.kindAnnualCap() == null) {
            return;
        }
        BigDecimal already = sameKind.stream().map(AidGrant::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (already.add(grant.getAmount()).compareTo(cap.kindAnnualCap()) > 0) {
            findings.add(Finding.blocking("aid.check.kindCap", grant.getYear(), cap.kindAnnualCap(), already,
                    grant.getAmount()));
        }
    }

    private void householdCap(AidGrant grant, Beneficiary beneficiary, List<Finding> findings) {
        BigDecimal cap = rules.householdAnnualCap(beneficiary.tier());
        BigDecimal already = grants.countingTotal(grant.getFileId(), grant.getBeneficiaryUsername(), grant.getYear(),
                NOT_COUNTING);
        if (grant.getId() != null && grant.getStatus().counts()) {
            already = already.subtract(grant.getAmount());
        }
        if (already.add(grant.getAmount()).compareTo(cap) > 0) {
            findings.add(Finding.blocking("aid.check.householdCap", grant.getYear(), cap, already, grant.getAmount()));
        }
    }

    private void civilAffairs(AidGrant grant, Beneficiary beneficiary, LocalDate today, List<Finding> findings) {
        if (beneficiary.members().isEmpty()) {
            return;
        }
        for (RosterMatch match : roster.match(beneficiary.rosterPersons(), today)) {
            findings.add(Finding.notice("aid.check.civilAffairs", match.rosterName(), match.status().chineseName(),
                    match.monthlyAmount()));
        }
    }

    /**
     * The key that keeps a once-only grant unique in the database while it counts, even when two caseworkers
     * request it at the same moment: 金秋助学 once per schooling stage for the child (any year) where the
     * {@code aidCap} decision says so, otherwise kinds it allows once a year (per student for education aid),
     * and warmth visits once per holiday.
     */
    public String onceKey(AidGrant grant, Beneficiary beneficiary) {
        String base = beneficiary.householdKey() + ":" + grant.getKind() + ":" + grant.getYear();
        if (grant.getKind() == AidKind.WARMTH_VISIT) {
            // the holiday's own year: a Spring Festival visit paid in December belongs to next year's festival
            Integer year = grant.getHolidayYear() != null ? grant.getHolidayYear() : grant.getYear();
            return beneficiary.householdKey() + ":" + grant.getKind() + ":" + year + ":" + grant.getHoliday();
        }
        AidCap cap = grant.getKind().cash() ? rules.cap(grant.getKind()) : new AidCap(null, null, null);
        if (grant.getKind() == AidKind.EDUCATION_AID && Integer.valueOf(1).equals(cap.timesPerStage())
                && grant.getStudentKey() != null) {
            return "S" + grant.getStudentKey() + ":" + grant.getKind() + ":" + grant.getStage();
        }
        if (cap.timesPerYear() == null || cap.timesPerYear() != 1) {
            return null;
        }
        return grant.getKind() == AidKind.EDUCATION_AID ? base + ":" + grant.getStudentKey() : base;
    }
}
