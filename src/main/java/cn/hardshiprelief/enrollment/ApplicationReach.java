package cn.hardshiprelief.enrollment;

import cn.hardshiprelief.organization.OrgUnit;
import jakarta.persistence.criteria.Predicate;
import org.springframework.data.jpa.domain.Specification;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The applications a member of staff works on, by the units of their groups: a county union's, a branch
 * union's union-route and relapse cases, a company union's company (every route), a department head's
 * department and a company's director, HR and general office for the enterprise chain; administrators all.
 * One definition for both questions: may this person open this application ({@link #covers}), and which
 * applications does their list show ({@link #asQuery}), so the list never offers one that then answers 403.
 */
record ApplicationReach(boolean all, Set<Long> countyUnions, Set<Long> branchUnions, Set<Long> unionCompanies,
                        Set<Long> departments, Set<Long> companies) {

    static final ApplicationReach EVERYTHING = new ApplicationReach(true, Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    boolean isEmpty() {
        return !all && countyUnions.isEmpty() && branchUnions.isEmpty() && unionCompanies.isEmpty()
                && departments.isEmpty() && companies.isEmpty();
    }

    boolean covers(EnrollmentApplication application) {
        if (all) {
            return true;
        }
        boolean enterprise = application.getRoute() == Route.ENTERPRISE;
        return in(countyUnions, application.getCountyUnion())
                || !enterprise && in(branchUnions, application.getBranchUnion())
                || in(unionCompanies, application.getCompany())
                || enterprise && (in(departments, application.getDepartment()) || in(companies, application.getCompany()));
    }

    Specification<EnrollmentApplication> asQuery() {
        return (root, query, cb) -> {
            if (all) {
                return cb.conjunction();
            }
            List<Predicate> any = new ArrayList<>();
            var enterprise = cb.equal(root.get("route"), Route.ENTERPRISE);
            if (!countyUnions.isEmpty()) {
                any.add(root.get("countyUnion").get("id").in(countyUnions));
            }
            if (!branchUnions.isEmpty()) {
                any.add(cb.and(cb.not(enterprise), root.get("branchUnion").get("id").in(branchUnions)));
            }
            if (!unionCompanies.isEmpty()) {
                any.add(root.get("company").get("id").in(unionCompanies));
            }
            if (!departments.isEmpty()) {
                any.add(cb.and(enterprise, root.get("department").get("id").in(departments)));
            }
            if (!companies.isEmpty()) {
                any.add(cb.and(enterprise, root.get("company").get("id").in(companies)));
            }
            return any.isEmpty() ? cb.disjunction() : cb.or(any.toArray(Predicate[]::new));
        };
    }

    private static boolean in(Set<Long> ids, OrgUnit unit) {
        return unit != null && ids.contains(Objects.requireNonNull(unit.getId()));
    }
}
