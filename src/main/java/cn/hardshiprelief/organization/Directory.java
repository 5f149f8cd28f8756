package cn.hardshiprelief.organization;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Looks up people and units. */
@Service
@Transactional(readOnly = true)
public class Directory {

    private final AppUserRepository users;
    private final OrgUnitRepository units;

    public Directory(AppUserRepository users, OrgUnitRepository units) {
        this.users = users;
        this.units = units;
    }

    public Actor actor(String username) {
        return users.findById(username).map(Actor::of)
                .orElseThrow(() -> new NoSuchElementException("No user " + username));
    }

    public Optional<AppUser> user(String username) {
        return users.findById(username);
    }

    public String displayName(String username) {
        return users.findById(username).map(AppUser::getDisplayName).orElse(username);
    }

    /** Display names of these people in one query (a username without an account stands for itself). */
    public Map<String, String> displayNames(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        usernames.forEach(u -> names.put(u, u));
        if (!usernames.isEmpty()) {
            users.findAllById(usernames).forEach(u -> names.put(u.getUsername(), u.getDisplayName()));
        }
        return names;
    }

    /** The enabled people in any of these groups (a task's candidate groups, say); none for no groups. */
    public java.util.Set<String> membersOf(Collection<String> groupIds) {
        return groupIds.isEmpty() ? java.util.Set.of() : java.util.Set.copyOf(users.enabledMembersOf(groupIds));
    }

    /** The units of these codes (an unknown code is left out). */
    public List<OrgUnit> units(Collection<String> codes) {
        return codes.isEmpty() ? List.of() : units.findByCodeIn(codes);
    }

    public OrgUnit unit(Long id) {
        return units.findById(id).orElseThrow(() -> new NoSuchElementException("No unit " + id));
    }

    /** Workers of the company an actor belongs to: whom union staff may file on behalf of. */
    public List<AppUser> workersOfCompany(Long companyId) {
        List<Long> unitIds = units.findAll().stream()
                .filter(u -> u.company() != null && u.company().getId().equals(companyId))
                .map(OrgUnit::getId).toList();
        return unitIds.isEmpty() ? List.of() : users.findByRoleInUnits(Role.WORKER, unitIds);
    }

    /** The company's own union (a branch union inside the company), if it has one. */
    public Optional<OrgUnit> companyUnion(Long companyId) {
        return units.findAll().stream().filter(u -> u.getType() == OrgUnitType.BRANCH_UNION && u.company() != null
                && u.company().getId().equals(companyId)).findFirst();
    }

    /** The company's own union staff: the default paired cadre (结对帮扶干部) of its households. */
    public List<AppUser> unionStaffOfCompany(Long companyId) {
        List<Long> unitIds = units.findAll().stream()
                .filter(u -> u.company() != null && u.company().getId().equals(companyId))
                .map(OrgUnit::getId).toList();
        return unitIds.isEmpty() ? List.of() : users.findByRoleInUnits(Role.BRANCH_UNION, unitIds);
    }

    /** Workers of the workplaces under a branch union (the union route). */
    public List<AppUser> workersUnderBranchUnion(Long branchUnionId) {
        OrgUnit branch = unit(branchUnionId);
        List<Long> unitIds = units.findAll().stream()
                .filter(u -> u.company() == null && u.isWithin(branch)).map(OrgUnit::getId).toList();
        return unitIds.isEmpty() ? List.of() : users.findByRoleInUnits(Role.WORKER, unitIds);
    }
}
