package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.organization.OrgUnit;

/**
 * Which approval chain an application takes, chosen by the applicant's organisation: a company's
 * own chain, or the union route (branch union → 三查一访 → county union) for workers of units
 * without one. The process variable {@code route} holds {@link #processValue()}.
 */
public enum Route {
    ENTERPRISE, UNION,
    /** 返困: an exited household fell back; straight to the branch union's verification (fast path). */
    RELAPSE;

    /** Reviewed by a branch union (the union route, and every relapse). */
    public boolean usesBranchUnion() {
        return this != ENTERPRISE;
    }

    public static Route of(OrgUnit applicantUnit) {
        return applicantUnit.company() != null ? ENTERPRISE : UNION;
    }

    public String processValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
