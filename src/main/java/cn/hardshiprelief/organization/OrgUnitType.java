package cn.hardshiprelief.organization;

/** Kinds of organisation unit. A company runs the enterprise approval chain through its departments. */
public enum OrgUnitType {
    COMPANY, DEPARTMENT, BRANCH_UNION, COUNTY_UNION
}
