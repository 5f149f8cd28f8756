package cn.hardshiprelief.survey;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.OrgUnit;
import cn.hardshiprelief.organization.OrgUnitType;
import cn.hardshiprelief.organization.Role;
import cn.hardshiprelief.shared.ForbiddenException;

import java.util.*;

/**
 * The unions of the organisation tree as the survey sees them: every branch union (基层工会, including
 * a company's own union) and the county union (县总工会) it comes under, and which branch union
 * answers for a file. Built from all org units in one read; there are few.
 */
final class Unions {

    private final Map<Long, OrgUnit> units = new HashMap<>();
    private final List<OrgUnit> branchUnions;
    private final List<OrgUnit> countyUnions;

    Unions(Collection<OrgUnit> all) {
        all.forEach(unit -> units.put(unit.getId(), unit));
        branchUnions = ofType(all, OrgUnitType.BRANCH_UNION);
        countyUnions = ofType(all, OrgUnitType.COUNTY_UNION);
    }

    private static List<OrgUnit> ofType(Collection<OrgUnit> all, OrgUnitType type) {
        return all.stream().filter(u -> u.getType() == type).sorted(Comparator.comparing(OrgUnit::getCode)).toList();
    }

    /** Every branch union, by code: each gets a survey task, whether it has files or not. */
    List<OrgUnit> branchUnions() {
        return branchUnions;
    }

    OrgUnit unit(Long id) {
        return id == null ? null : units.get(id);
    }

    /**
     * The branch union that answers for a file: the one it was filed through (union route), else
     * the union of the company the file's unit belongs to (enterprise route), as for re-checks.
     */
    Long branchUnionOf(Long fileBranchUnionId, Long fileUnitId) {
        if (fileBranchUnionId != null) {
            return fileBranchUnionId;
        }
        OrgUnit unit = unit(fileUnitId);
        OrgUnit company = unit == null ? null : unit.company();
        if (company == null) {
            return null;
        }
        return branchUnions.stream().filter(u -> u.company() != null && u.company().getId().equals(company.getId()))
                .min(Comparator.comparing(OrgUnit::getId)).map(OrgUnit::getId).orElse(null);
    }

    /** What an actor may see: a branch union its own, a county union its branch unions, administrators all. */
    Scope scopeOf(Actor actor) {
        if (actor.isAdmin()) {
            return new Scope(branchUnions, countyUnions);
        }
        if (actor.has(Role.COUNTY_UNION)) {
            OrgUnit county = unit(actor.orgUnitId());
            return new Scope(branchUnions.stream().filter(b -> b.countyUnion() != null
                    && b.countyUnion().getId().equals(actor.orgUnitId())).toList(), county == null ? List.of() : List.of(county));
        }
        if (actor.has(Role.BRANCH_UNION)) {
            OrgUnit branch = unit(actor.orgUnitId());
            if (branch == null || branch.getType() != OrgUnitType.BRANCH_UNION) {
                throw new ForbiddenException("survey.forbidden");
            }
            OrgUnit county = branch.countyUnion();
            return new Scope(List.of(branch), county == null ? List.of() : List.of(county));
        }
        throw new ForbiddenException("survey.forbidden");
    }

    /** The branch unions and county unions one actor sees on the survey page. */
    record Scope(List<OrgUnit> branchUnions, List<OrgUnit> countyUnions) {

        boolean covers(Long branchUnionId) {
            return branchUnionId != null && branchUnions.stream().anyMatch(b -> b.getId().equals(branchUnionId));
        }
    }
}
