package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.AppUser;
import cn.hardshiprelief.organization.OrgUnit;
import cn.hardshiprelief.organization.Role;
import cn.hardshiprelief.shared.ForbiddenException;
import org.springframework.stereotype.Component;

/**
 * Who may see an application: the applicant and whoever filed it, the reviewers of its department
 * and company, administrators. Checked in the services, whatever page or API asked.
 */
@Component
public class ApplicationAccess {

    public boolean canView(Actor actor, EnrollmentApplication application) {
        return actor.isAdmin()
                || actor.username().equals(application.getApplicantUsername())
                || actor.username().equals(application.getFiledByUsername())
                || isReviewerOf(actor, application);
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
