package cn.hardshiprelief.household;

import cn.hardshiprelief.organization.Actor;
import cn.hardshiprelief.organization.Directory;
import cn.hardshiprelief.organization.OrgUnit;
import cn.hardshiprelief.organization.OrgUnitType;
import cn.hardshiprelief.organization.Role;
import cn.hardshiprelief.person.IdentityNumber;
import cn.hardshiprelief.person.IdentityNumberCipher;
import cn.hardshiprelief.shared.ForbiddenException;
import cn.hardshiprelief.shared.NotFoundException;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Set;

/**
 * Reading the register, always within the actor's reach: a branch union sees its branch's files, a
 * county union its county's, a company's management and union the company's, administrators all.
 */
@Service
@Transactional(readOnly = true)
public class HouseholdQueries {

    /** Pages of 50; a later page number (typed in the address) shows the last possible page, empty, not a failure. */
    private static final int LAST_PAGE = 1_000_000;

    private static final Set<Role> COMPANY_ROLES = Set.of(Role.DIRECTOR, Role.HR, Role.GENERAL_OFFICE);

    private final HouseholdFileRepository files;
    private final FileEventRepository events;
    private final IdentityNumberCipher cipher;
    private final Directory directory;
    private final IncomeCorrections incomes;

    public HouseholdQueries(HouseholdFileRepository files, FileEventRepository events, IdentityNumberCipher cipher,
                            Directory directory, IncomeCorrections incomes) {
        this.files = files;
        this.events = events;
        this.cipher = cipher;
        this.directory = directory;
        this.incomes = incomes;
    }

    /** The recorded incomes of a file the caller has already read through {@link #file}, with their corrections. */
    public IncomeHistory incomes(HouseholdFile file) {
        return incomes.history(file);
    }

    /** The history of a file the caller has already read through {@link #file}. */
    public java.util.List<FileEvent> history(HouseholdFile file) {
        return events.findByFileIdOrderByOccurredAtDescIdDesc(file.getId());
    }

    public Page<HouseholdFile> search(Actor actor, HouseholdSearch search, int page) {
        Specification<HouseholdFile> spec = scope(actor);
        if (search.name() != null && !search.name().isBlank()) {
            String like = "%" + search.name().strip() + "%";
            spec = spec.and((root, q, cb) -> {
                q.distinct(true);
                Join<Object, Object> m = root.join("members", JoinType.LEFT);
                return cb.or(cb.like(root.get("headName"), like), cb.like(m.get("name"), like));
            });
        }
        if (search.idNumber() != null && !search.idNumber().isBlank()) {
            String hash = IdentityNumber.isValid(search.idNumber()) ? cipher.hash(IdentityNumber.parse(search.idNumber()).value())
                    : "-";
            spec = spec.and((root, q, cb) -> {
                q.distinct(true);
                return cb.equal(root.join("members").get("idNumberHash"), hash);
            });
        }
        if (search.unitCode() != null && !search.unitCode().isBlank()) {
            // the code read once from the units, then the files by the one indexed column it names: a branch union's
            // files by their branch union, any other unit's by their unit (a join to the units on either column, or
            // an "either" of the two, read the whole register)
            java.util.Optional<OrgUnit> unit = directory.units(java.util.List.of(search.unitCode().strip())).stream()
                    .findFirst();
            spec = spec.and((root, q, cb) -> unit.isEmpty() ? cb.disjunction()
                    : cb.equal(root.get(unit.get().getType() == OrgUnitType.BRANCH_UNION ? "branchUnion" : "unit")
                    .get("id"), unit.get().getId()));
        }
        if (search.tier() != null) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("tier"), search.tier()));
        }
        if (search.cause() != null) {
            spec = spec.and((root, q, cb) -> cb.or(cb.equal(root.get("primaryCause"), search.cause()),
                    cb.like(root.get("secondaryCauses"), "%" + search.cause().name() + "%")));
        }
        return files.findAll(spec, PageRequest.of(Math.min(Math.max(0, page), LAST_PAGE), 50, Sort.by(Sort.Direction.DESC, "filedAt")));
    }

    public HouseholdFile file(Actor actor, Long id) {
        HouseholdFile file = files.findById(id).orElseThrow(() -> new NotFoundException("household.notFound"));
        if (!mayRead(actor, file)) {
            throw new ForbiddenException("household.forbidden");
        }
        file.getMembers().size();
        return file;
    }

    public String displayName(String username) {
        return username == null ? null : directory.displayName(username);
    }

    private Specification<HouseholdFile> scope(Actor actor) {
        if (actor.isAdmin()) {
            return (root, q, cb) -> cb.conjunction();
        }
        if (actor.has(Role.COUNTY_UNION) || actor.has(Role.COUNTY_UNION_CHAIR)) {
            return (root, q, cb) -> cb.equal(root.get("countyUnion").get("id"), actor.orgUnitId());
        }
        if (actor.has(Role.BRANCH_UNION) && actor.companyId() == null) {
            return (root, q, cb) -> cb.equal(root.get("branchUnion").get("id"), actor.orgUnitId());
        }
        if (actor.companyId() != null && (actor.has(Role.BRANCH_UNION) || actor.roles().stream().anyMatch(COMPANY_ROLES::contains))) {
            Long company = actor.companyId();
            return (root, q, cb) -> cb.equal(root.get("unit").get("parent").get("id"), company);
        }
        throw new ForbiddenException("household.forbidden");
    }

    private boolean mayRead(Actor actor, HouseholdFile file) {
        if (actor.isAdmin() || actor.username().equals(file.getHeadUsername())) {
            return true;
        }
        if ((actor.has(Role.COUNTY_UNION) || actor.has(Role.COUNTY_UNION_CHAIR)) && file.getCountyUnion() != null
                && file.getCountyUnion().getId().equals(actor.orgUnitId())) {
            return true;
        }
        if (actor.has(Role.BRANCH_UNION) && file.getBranchUnion() != null
                && file.getBranchUnion().getId().equals(actor.orgUnitId())) {
            return true;
        }
        OrgUnit company = file.getUnit().company();
        return company != null && company.getId().equals(actor.companyId())
                && (actor.has(Role.BRANCH_UNION) || actor.roles().stream().anyMatch(COMPANY_ROLES::contains));
    }
}
