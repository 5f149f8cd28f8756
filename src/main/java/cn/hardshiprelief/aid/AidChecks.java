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
 * year (per student for education aid), the kind's yearly cap, the household's yearly cap, and the support
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

    /** Education aid counts per student; warmth visits per holiday; everything else per household. */
    private static boolean sameOccasion(AidGrant grant, AidGrant other) {
        return switch (grant.getKind()) {
            case EDUCATION_AID -> Objects.equals(normalise(grant.getStudentName()), normalise(other.getStudentName()));
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
        for (RosterMatch match : roster.match(beneficiary.members(), today)) {
            findings.add(Finding.notice("aid.check.civilAffairs", match.rosterName(), match.status().chineseName(),
                    match.monthlyAmount()));
        }
    }

    /**
     * The key that keeps a once-a-year grant unique in the database while it counts, even when two
     * caseworkers request it at the same moment: for kinds the {@code aidCap} decision allows once a year
     * (per student for education aid), and warmth visits once per holiday.
     */
    public String onceKey(AidGrant grant, Beneficiary beneficiary) {
        String base = beneficiary.householdKey() + ":" + grant.getKind() + ":" + grant.getYear();
        if (grant.getKind() == AidKind.WARMTH_VISIT) {
            // the holiday's own year: a Spring Festival visit paid in December belongs to next year's festival
            Integer year = grant.getHolidayYear() != null ? grant.getHolidayYear() : grant.getYear();
            return beneficiary.householdKey() + ":" + grant.getKind() + ":" + year + ":" + grant.getHoliday();
        }
        Integer times = grant.getKind().cash() ? rules.cap(grant.getKind()).timesPerYear() : null;
        if (times == null || times != 1) {
            return null;
        }
        return grant.getKind() == AidKind.EDUCATION_AID ? base + ":" + normalise(grant.getStudentName()) : base;
    }

    static String normalise(String name) {
        return name == null ? null : name.replaceAll("\\s+", "");
    }
}
