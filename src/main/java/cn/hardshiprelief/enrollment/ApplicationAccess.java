package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.workbench.CarbonCopies;
import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.AppUser;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.organization.OrgUnit;
import cn.hardshiprelief.organization.Role;
import cn.hardshiprelief.shared.ForbiddenException;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may see an application: the applicant and whoever filed it, the reviewers of its department
 * and company, the unions whose cases it is ({@link ApplicationReach}), administrators. Checked in the
 * services, whatever page or API asked.
 */
@Component
public class ApplicationAccess {

    private final Directory directory;
    private final CarbonCopies carbonCopies;

    public ApplicationAccess(Directory directory, CarbonCopies carbonCopies) {
        this.directory = directory;
        this.carbonCopies = carbonCopies;
    }

    public boolean canView(Actor actor, EnrollmentApplication application) {
        return actor.isAdmin()
                || actor.username().equals(application.getApplicantUsername())
                || actor.username().equals(application.getFiledByUsername())
                || isReviewerOf(actor, application)
                || reachOf(actor).covers(application)
                || isCopiedTo(actor, application);
    }

    /** 抄送: someone the case was copied to reads it (this one only, and only to read: no edit, no decision). */
    private boolean isCopiedTo(Actor actor, EnrollmentApplication application) {
        return application.getId() != null && carbonCopies.isCopiedTo(actor.username(),
                HardshipEnrollmentProcess.PROCESS_ID, String.valueOf(application.getId()));
    }

    /**
     * The applications this person works on as staff, read from the units of their groups (a company's own
     * union covers the company's applications on every route). Empty for a worker.
     */
    ApplicationReach reachOf(Actor actor) {
        if (actor.isAdmin()) {
            return ApplicationReach.EVERYTHING;
        }
        Map<Role, List<OrgUnit>> units = new EnumMap<>(Role.class);
        for (Role role : List.of(Role.COUNTY_UNION, Role.BRANCH_UNION, Role.DEPARTMENT_HEAD, Role.DIRECTOR, Role.HR,
                Role.GENERAL_OFFICE)) {
            String prefix = role.groupId("");
            Set<String> codes = actor.groupIds().stream().filter(g -> g.startsWith(prefix))
                    .map(g -> g.substring(prefix.length())).collect(Collectors.toSet());
            units.put(role, directory.units(codes));
        }
        Set<Long> companies = new HashSet<>();
        for (Role role : List.of(Role.DIRECTOR, Role.HR, Role.GENERAL_OFFICE)) {
            units.get(role).forEach(u -> companies.add(u.getId()));
        }
        return new ApplicationReach(false, ids(units.get(Role.COUNTY_UNION)), ids(units.get(Role.BRANCH_UNION)),
                units.get(Role.BRANCH_UNION).stream().map(OrgUnit::company).filter(java.util.Objects::nonNull)
                        .map(OrgUnit::getId).collect(Collectors.toSet()),
                ids(units.get(Role.DEPARTMENT_HEAD)), companies);
    }

    private static Set<Long> ids(List<OrgUnit> units) {
        return units.stream().map(OrgUnit::getId).collect(Collectors.toSet());
    }

    public boolean isReviewerOf(Actor actor, EnrollmentApplication application) {
        if (application.getCountyUnion() != null
                && actor.inGroup(Role.COUNTY_UNION.groupId(application.getCountyUnion().getCode()))) {
            return true;
        }
        if (application.getRoute().usesBranchUnion() && application.getBranchUnion() != null) {
            return actor.inGroup(Role.BRANCH_UNION.groupId(application.getBranchUnion().getCode()));
        }
        String company = application.getCompany().getCode();
        return actor.inGroup(Role.DEPARTMENT_HEAD.groupId(application.getDepartment().getCode()))
                || actor.inGroup(Role.DIRECTOR.groupId(company))
                || actor.inGroup(Role.HR.groupId(company))
                || actor.inGroup(Role.GENERAL_OFFICE.groupId(company));
    }

    public void checkView(Actor actor, EnrollmentApplication application) {
        if (!canView(actor, application)) {
            throw new ForbiddenException("application.forbidden");
        }
    }

    /** Only whoever filed it edits a draft or a returned application. */
    public void checkEdit(Actor actor, EnrollmentApplication application) {
        if (!actor.username().equals(application.getFiledByUsername())) {
            throw new ForbiddenException("application.forbidden");
        }
    }

    /**
     * A worker applies for themself; branch-union staff file on behalf of the workers of their
     * company (a company's own union) or of the workplaces under their branch union.
     */
    public void checkFileFor(Actor actor, AppUser worker) {
        if (actor.username().equals(worker.getUsername()) && actor.has(Role.WORKER)) {
            return;
        }
        boolean isWorker = worker.getGroups().stream().anyMatch(g -> g.getRole() == Role.WORKER);
        if (!actor.has(Role.BRANCH_UNION) || !isWorker || !coversWorker(actor, worker.getOrgUnit())) {
            throw new ForbiddenException("application.cannotFileFor", worker.getDisplayName());
        }
    }

    private static boolean coversWorker(Actor actor, OrgUnit workerUnit) {
        OrgUnit company = workerUnit.company();
        if (company != null) {
            return company.getId().equals(actor.companyId());
        }
        OrgUnit branch = workerUnit.branchUnion();
        return branch != null && branch.getId().equals(actor.orgUnitId());
    }
}
