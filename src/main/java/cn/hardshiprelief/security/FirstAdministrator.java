package cn.hardshiprelief.security;

import cn.hardshiprelief.organization.AppGroup;
import cn.hardshiprelief.organization.AppGroupRepository;
import cn.hardshiprelief.organization.AppUser;
import cn.hardshiprelief.organization.AppUserRepository;
import cn.hardshiprelief.organization.OrgUnit;
import cn.hardshiprelief.organization.OrgUnitRepository;
import cn.hardshiprelief.organization.OrgUnitType;
import cn.hardshiprelief.organization.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A production database starts empty: the first administrator comes from the environment
 * ({@code HARDSHIP_ADMIN_USERNAME}, {@code HARDSHIP_ADMIN_PASSWORD}, optionally {@code HARDSHIP_ADMIN_NAME}
 * and {@code HARDSHIP_ADMIN_UNIT_CODE}/{@code _NAME} for the county union it belongs to) on a start that finds
 * no administrator. Once there is one, the variables are ignored; remove them from the environment then.
 */
@Component
@Order(-10)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final Environment environment;
    private final AppUserRepository users;
    private final AppGroupRepository groups;
    private final OrgUnitRepository units;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transaction;

    FirstAdministrator(Environment environment, AppUserRepository users, AppGroupRepository groups,
                       OrgUnitRepository units, PasswordEncoder encoder, TransactionTemplate transaction) {
        this.environment = environment;
        this.users = users;
        this.groups = groups;
        this.units = units;
        this.encoder = encoder;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        String username = environment.getProperty("HARDSHIP_ADMIN_USERNAME", "").strip();
        String password = environment.getProperty("HARDSHIP_ADMIN_PASSWORD", "");
        if (username.isEmpty() || password.isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            String adminGroup = Role.ADMIN.groupId(null);
            boolean anyAdmin = groups.findById(adminGroup).map(g -> !users.findByGroupsId(adminGroup).isEmpty())
                    .orElse(false);
            if (anyAdmin) {
                log.info("An administrator exists; HARDSHIP_ADMIN_* ignored (remove them from the environment)");
                return;
            }
            PasswordPolicy.check(username, password);
            OrgUnit unit = units.findByCode(environment.getProperty("HARDSHIP_ADMIN_UNIT_CODE", "ROOT"))
                    .orElseGet(() -> units.save(new OrgUnit(environment.getProperty("HARDSHIP_ADMIN_UNIT_CODE", "ROOT"),
                            environment.getProperty("HARDSHIP_ADMIN_UNIT_NAME", "县总工会"), OrgUnitType.COUNTY_UNION, null)));
            AppGroup group = groups.findById(adminGroup)
                    .orElseGet(() -> groups.save(new AppGroup(Role.ADMIN, null, "系统管理员")));
            AppUser admin = new AppUser(username, environment.getProperty("HARDSHIP_ADMIN_NAME", "系统管理员"),
                    encoder.encode(password), unit);
            admin.joinGroup(group);
            users.save(admin);
            log.warn("First administrator '{}' created from HARDSHIP_ADMIN_USERNAME; remove HARDSHIP_ADMIN_PASSWORD "
                    + "from the environment now", username);
        });
    }
}
