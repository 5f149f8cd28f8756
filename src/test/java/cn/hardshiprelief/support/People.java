package cn.hardshiprelief.support;

import cn.hardshiprelief.organization.AppGroupRepository;
import cn.hardshiprelief.organization.AppUser;
import cn.hardshiprelief.organization.AppUserRepository;
import cn.hardshiprelief.organization.OrgUnitRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.atomic.AtomicLong;

/** People the demo organisation lacks, made for a test: someone holding two roles (password demo123). */
@Component
public class People {

    private static final AtomicLong WORKERS = new AtomicLong();

    private final AppUserRepository users;
    private final AppGroupRepository groups;
    private final OrgUnitRepository units;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transaction;
    private final java.util.Set<String> made = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public People(AppUserRepository users, AppGroupRepository groups, OrgUnitRepository units, PasswordEncoder encoder,
                  TransactionTemplate transaction) {
        this.users = users;
        this.groups = groups;
        this.units = units;
        this.encoder = encoder;
        this.transaction = transaction;
    }

    /** Removes the people made here, so they offer no other test of the context a second pair of hands. */
    public void removeAll() {
        transaction.executeWithoutResult(status -> made.forEach(users::deleteById));
        made.clear();
    }

    /**
     * A new worker of the unit (group {@code worker_<unit>}), for a story that files several households
     * of one unit: a worker account has one household (一户一档). Kept, not removed by {@link #removeAll()}:
     * their households stay on file, and a worker holds no role another test could borrow.
     */
    public String newWorkerOf(String unitCode) {
        String username = "w" + unitCode.toLowerCase() + "n" + WORKERS.incrementAndGet();
        return transaction.execute(status -> {
            AppUser user = new AppUser(username, "职工" + WORKERS.get(), encoder.encode("demo123"),
                    units.findByCode(unitCode).orElseThrow());
            user.joinGroup(groups.findById("worker_" + unitCode).orElseThrow());
            users.save(user);
            return username;
        });
    }

    /** A person of the unit in each of the groups (removed by {@link #removeAll()}); returns the username. */
    public String withRoles(String username, String unitCode, String... groupIds) {
        return transaction.execute(status -> {
            if (!users.existsById(username)) {
                AppUser user = new AppUser(username, "兼职" + username, encoder.encode("demo123"),
                        units.findByCode(unitCode).orElseThrow());
                for (String group : groupIds) {
                    user.joinGroup(groups.findById(group).orElseThrow());
                }
                users.save(user);
                made.add(username);
            }
            return username;
        });
    }
}
