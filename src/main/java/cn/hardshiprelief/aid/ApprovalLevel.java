package cn.hardshiprelief.aid;

import cn.hardshiprelief.organization.Role;

/** Who must approve a grant, decided by the {@code aidApprovalLevel} DMN from the amount. */
public enum ApprovalLevel {
    BRANCH_UNION(Role.BRANCH_UNION),
    COUNTY_UNION(Role.COUNTY_UNION),
    COUNTY_UNION_CHAIR(Role.COUNTY_UNION_CHAIR);

    private final Role role;

    ApprovalLevel(Role role) {
        this.role = role;
    }

    /** The role that gives the final approval at this level. */
    public Role role() {
        return role;
    }
}
