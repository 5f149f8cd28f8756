package cn.hardshiprelief.household;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Role;
import cn.hardshiprelief.shared.ForbiddenException;

/** Who works a file: its branch union (or the company's union for a company's workers), its county union, administrators. */
final class Caseworkers {

    private Caseworkers() {
    }

    static boolean of(Actor actor, HouseholdFile file) {
        boolean branch = actor.has(Role.BRANCH_UNION) && (file.getBranchUnion() != null
                ? file.getBranchUnion().getId().equals(actor.orgUnitId())
                : file.getUnit().company() != null && file.getUnit().company().getId().equals(actor.companyId()));
        boolean county = actor.has(Role.COUNTY_UNION) && file.getCountyUnion() != null
                && file.getCountyUnion().getId().equals(actor.orgUnitId());
        return branch || county || actor.isAdmin();
    }

    /** Refuses (403) anyone who does not work the file. */
    static void require(Actor actor, HouseholdFile file) {
        if (!of(actor, file)) {
            throw new ForbiddenException("household.forbidden");
        }
    }
}
