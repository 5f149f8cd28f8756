package cn.hardshiprelief.organization;

/**
 * What a person does in the system. A role held in an organisation unit is a group whose id is
 * {@code groupPrefix + "_" + unitCode} (e.g. {@code departmentHead_C01D01}); candidate groups in
 * the BPMN use the same ids.
 */
public enum Role {
    WORKER("worker"),
    DEPARTMENT_HEAD("departmentHead"),
    DIRECTOR("director"),
    HR("hr"),
    GENERAL_OFFICE("generalOffice"),
    BRANCH_UNION("branchUnion"),
    COUNTY_UNION("countyUnion"),
    /** 县总工会主席: approves the largest grants (the aidApprovalLevel decision says from which amount). */
    COUNTY_UNION_CHAIR("countyUnionChair"),
    ADMIN("camunda-admin");

    private final String groupPrefix;

    Role(String groupPrefix) {
        this.groupPrefix = groupPrefix;
    }

    /** Camunda group id for this role in the given unit; the administrators' group has no unit. */
    public String groupId(String unitCode) {
        return this == ADMIN ? groupPrefix : groupPrefix + "_" + unitCode;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
