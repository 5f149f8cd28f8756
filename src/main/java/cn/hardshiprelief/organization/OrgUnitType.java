package cn.hardshiprelief.organization;

/**
 * Kinds of organisation unit. A company runs the enterprise approval chain through its departments;
 * a workplace (small firm, migrant workers' site, community) has no chain of its own and its
 * workers go the union route through the branch union above it.
 */
public enum OrgUnitType {
    COMPANY, DEPARTMENT, BRANCH_UNION, COUNTY_UNION, WORKPLACE
}
