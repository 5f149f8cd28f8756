package cn.hardshiprelief.security.camunda;

import org.camunda.bpm.engine.identity.*;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The engine's view of our users and groups (stored once, in app_user / app_group). Read-only:
 * people are managed in the application, so Camunda Admin shows them without edit buttons.
 * Queries filter in memory, which suits the few thousand staff accounts of a province.
 */
class AppIdentityProvider implements ReadOnlyIdentityProvider {

    private final DirectoryRows rows;
    private final PasswordEncoder passwordEncoder;

    AppIdentityProvider(DirectoryRows rows, PasswordEncoder passwordEncoder) {
        this.rows = rows;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public User findUserById(String userId) {
        return rows.user(userId).map(AppIdentityProvider::toUser).orElse(null);
    }

    @Override
    public UserQuery createUserQuery() {
        return new AppUserQuery(this);
    }

    @Override
    public UserQuery createUserQuery(CommandContext commandContext) {
        return new AppUserQuery(this);
    }

    @Override
    public NativeUserQuery createNativeUserQuery() {
        throw new UnsupportedOperationException("Native user queries are not supported: users live in app_user");
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        return userId != null && password != null && rows.user(userId)
                .map(u -> passwordEncoder.matches(password, u.passwordHash())).orElse(false);
    }

    @Override
    public Group findGroupById(String groupId) {
        return rows.groups().stream().filter(g -> g.id().equals(groupId)).findFirst()
                .map(AppIdentityProvider::toGroup).orElse(null);
    }

    @Override
    public GroupQuery createGroupQuery() {
        return new AppGroupQuery(this);
    }

    @Override
    public GroupQuery createGroupQuery(CommandContext commandContext) {
        return new AppGroupQuery(this);
    }

    @Override
    public Tenant findTenantById(String tenantId) {
        return null;
    }

    @Override
    public TenantQuery createTenantQuery() {
        return new NoTenantQuery();
    }

    @Override
    public TenantQuery createTenantQuery(CommandContext commandContext) {
        return new NoTenantQuery();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    List<User> users(AppUserQuery q) {
        Predicate<DirectoryRows.UserRow> match = u -> q.getTenantId() == null;
        match = match.and(u -> q.getId() == null || q.getId().equals(u.id()));
        match = match.and(u -> q.getIds() == null || Arrays.asList(q.getIds()).contains(u.id()));
        match = match.and(u -> q.getFirstName() == null || q.getFirstName().equals(u.displayName()));
        match = match.and(u -> q.getFirstNameLike() == null || like(u.displayName(), q.getFirstNameLike()));
        match = match.and(u -> q.getLastName() == null || q.getLastName().isEmpty());
        match = match.and(u -> q.getLastNameLike() == null || like("", q.getLastNameLike()));
        match = match.and(u -> q.getEmail() == null || q.getEmail().equals(u.email()));
        match = match.and(u -> q.getEmailLike() == null || like(u.email(), q.getEmailLike()));
        match = match.and(u -> q.getGroupId() == null || u.groupIds().contains(q.getGroupId()));
        return rows.users().stream().filter(match).map(AppIdentityProvider::toUser).toList();
    }

    List<Group> groups(AppGroupQuery q) {
        Predicate<DirectoryRows.GroupRow> match = g -> q.getTenantId() == null;
        match = match.and(g -> q.getId() == null || q.getId().equals(g.id()));
        match = match.and(g -> q.getIds() == null || Arrays.asList(q.getIds()).contains(g.id()));
        match = match.and(g -> q.getName() == null || q.getName().equals(g.name()));
        match = match.and(g -> q.getNameLike() == null || like(g.name(), q.getNameLike()));
        match = match.and(g -> q.getType() == null || q.getType().equals(g.type()));
        match = match.and(g -> q.getUserId() == null || g.memberIds().contains(q.getUserId()));
        return rows.groups().stream().filter(match).map(AppIdentityProvider::toGroup).toList();
    }

    /** SQL LIKE with % wildcards, case-insensitive, as Camunda's own queries behave. */
    static boolean like(String value, String pattern) {
        if (value == null) {
            return false;
        }
        String regex = Arrays.stream(pattern.toLowerCase(Locale.ROOT).split("%", -1))
                .map(java.util.regex.Pattern::quote).reduce((a, b) -> a + ".*" + b).orElse("");
        return value.toLowerCase(Locale.ROOT).matches(regex);
    }

    private static User toUser(DirectoryRows.UserRow row) {
        UserEntity user = new UserEntity(row.id());
        user.setFirstName(row.displayName());
        user.setLastName("");
        user.setEmail(row.email());
        return user;
    }

    private static Group toGroup(DirectoryRows.GroupRow row) {
        GroupEntity group = new GroupEntity(row.id());
        group.setName(row.name());
        group.setType(row.type());
        return group;
    }

    static <T> List<T> page(List<T> all, Page page) {
        if (page == null) {
            return all;
        }
        int from = Math.min(page.getFirstResult(), all.size());
        int to = (int) Math.min((long) from + page.getMaxResults(), all.size());
        return all.subList(from, to);
    }


    static class AppUserQuery extends UserQueryImpl {
        private final transient AppIdentityProvider provider;

        AppUserQuery(AppIdentityProvider provider) {
            super(Context.getProcessEngineConfiguration() == null ? null
                    : Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
            this.provider = provider;
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return provider.users(this).size();
        }

        @Override
        public List<User> executeList(CommandContext commandContext, Page page) {
            return page(provider.users(this), page);
        }
    }

    static class AppGroupQuery extends GroupQueryImpl {
        private final transient AppIdentityProvider provider;

        AppGroupQuery(AppIdentityProvider provider) {
            super(Context.getProcessEngineConfiguration() == null ? null
                    : Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
            this.provider = provider;
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return provider.groups(this).size();
        }

        @Override
        public List<Group> executeList(CommandContext commandContext, Page page) {
            return page(provider.groups(this), page);
        }
    }

    static class NoTenantQuery extends TenantQueryImpl {
        NoTenantQuery() {
            super(Context.getProcessEngineConfiguration() == null ? null
                    : Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return 0;
        }

        @Override
        public List<Tenant> executeList(CommandContext commandContext, Page page) {
            return List.of();
        }
    }
}
