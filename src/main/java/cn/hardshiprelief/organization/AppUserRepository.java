package cn.hardshiprelief.organization;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

public interface AppUserRepository extends JpaRepository<AppUser, String> {

    @Query("select distinct u from AppUser u join u.groups g where g.role = :role and u.orgUnit.id in :unitIds order by u.username")
    List<AppUser> findByRoleInUnits(Role role, List<Long> unitIds);

    List<AppUser> findByGroupsId(String groupId);

    /** The usernames of the enabled members of these groups, from the membership's group index. */
    @Query("select distinct u.username from AppUser u join u.groups g where g.id in :groupIds and u.enabled = true")
    List<String> enabledMembersOf(java.util.Collection<String> groupIds);
}
