package cn.hardshiprelief.security.camunda;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.*;

/**
 * Reads users, groups and memberships with plain SQL for the engine's identity provider (it runs
 * inside engine commands, where the JPA session is not the engine's concern).
 */
@Component
class DirectoryRows {

    record UserRow(String id, String displayName, String email, String passwordHash, Set<String> groupIds) {
    }

    record GroupRow(String id, String name, String type, Set<String> memberIds) {
    }

    private final JdbcTemplate jdbc;

    DirectoryRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<UserRow> users() {
        Map<String, Set<String>> groupsByUser = new HashMap<>();
        jdbc.query("select username, group_id from app_membership", rs -> {
            groupsByUser.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
        });
        return jdbc.query("select username, display_name, email, password_hash from app_user where enabled = true"
                        + " order by username",
                (rs, i) -> new UserRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        groupsByUser.getOrDefault(rs.getString(1), Set.of())));
    }

    List<GroupRow> groups() {
        Map<String, Set<String>> membersByGroup = new HashMap<>();
        jdbc.query("select m.group_id, m.username from app_membership m join app_user u on u.username = m.username"
                + " where u.enabled = true", rs -> {
            membersByGroup.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
        });
        return jdbc.query("select id, name, role from app_group order by id",
                (rs, i) -> new GroupRow(rs.getString(1), rs.getString(2), rs.getString(3),
                        membersByGroup.getOrDefault(rs.getString(1), Set.of())));
    }

    Optional<UserRow> user(String id) {
        return users().stream().filter(u -> u.id().equals(id)).findFirst();
    }
}
