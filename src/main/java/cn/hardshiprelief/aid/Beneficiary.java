package cn.hardshiprelief.aid;

import cn.hardshiprelief.civilaffairs.Person;
import cn.hardshiprelief.enrollment.HardshipCause;
import cn.hardshiprelief.organization.OrgUnit;

import java.util.List;
import java.util.Set;

/**
 * Who receives a grant: a household on file, or (emergency aid only) a worker whose household is not
 * or no longer on file. {@code householdKey} identifies the household for duplicate and cap checks.
 */
public record Beneficiary(Long fileId, boolean fileOpen, String name, String username, OrgUnit unit,
                          OrgUnit grantingUnion, OrgUnit countyUnion, String tier, Set<HardshipCause> secondaryCauses,
                          List<Person> members, String payeeAccount, String payeeBank) {

    public static final String NO_TIER = "NONE";

    public String householdKey() {
        return fileId != null ? "F" + fileId : "U" + username;
    }
}
