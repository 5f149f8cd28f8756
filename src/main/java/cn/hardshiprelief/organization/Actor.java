package cn.hardshiprelief.organization;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is acting: the logged-in person with the groups they hold. Services take an Actor and check
 * access themselves; pages and the API only pass it on.
 */
public record Actor(String username, String displayName, Long orgUnitId, String orgUnitName,
                    Long companyId, Set<String> groupIds, Set<Role> roles) {

    public static Actor of(AppUser user) {
        OrgUnit company = user.getOrgUnit().company();
        return new Actor(user.getUsername(), user.getDisplayName(), user.getOrgUnit().getId(),
                user.getOrgUnit().getName(), company == null ? null : company.getId(),
                user.getGroups().stream().map(AppGroup::getId).collect(Collectors.toUnmodifiableSet()),
                user.getGroups().stream().map(AppGroup::getRole).collect(Collectors.toUnmodifiableSet()));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean inGroup(String groupId) {
        return groupIds.contains(groupId);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }
}
