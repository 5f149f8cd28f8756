package cn.hardshiprelief.demo;

import cn.hardshiprelief.organization.AppGroupRepository;
import cn.hardshiprelief.organization.AppUser;
import cn.hardshiprelief.organization.AppUserRepository;
import cn.hardshiprelief.organization.DemoData;
import cn.hardshiprelief.organization.OrgUnit;
import cn.hardshiprelief.organization.OrgUnitRepository;
import cn.hardshiprelief.organization.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Two more workers, so that six demo households have six different heads: the demo organisation
 * has four workers, and one worker heading two households would make the register read wrong.
 * Same password as every demo user; see docs/demo-users.md.
 */
@Component
@ConditionalOnProperty(prefix = "hardship", name = {"demo-data", "demo-households"}, havingValue = "true")
class DemoWorkers {

    /** username, name, unit code. */
    static final List<List<String>> WORKERS = List.of(
            List.of("worker5", "何丽", "C01D02"),
            List.of("worker6", "黄磊", "CU01B01W1"));

    private final AppUserRepository users;
    private final AppGroupRepository groups;
    private final OrgUnitRepository units;
    private final PasswordEncoder passwordEncoder;

    DemoWorkers(AppUserRepository users, AppGroupRepository groups, OrgUnitRepository units,
                PasswordEncoder passwordEncoder) {
        this.users = users;
        this.groups = groups;
        this.units = units;
        this.passwordEncoder = passwordEncoder;
    }

    /** Creates the workers that are not there yet; the demo organisation must exist. */
    @Transactional
    public void ensure() {
        for (List<String> w : WORKERS) {
            if (users.existsById(w.get(0))) {
                continue;
            }
            OrgUnit unit = units.findByCode(w.get(2))
                    .orElseThrow(() -> new IllegalStateException("Demo unit " + w.get(2) + " is missing"));
            AppUser user = new AppUser(w.get(0), w.get(1), passwordEncoder.encode(DemoData.PASSWORD), unit);
            user.joinGroup(groups.findById(Role.WORKER.groupId(unit.getCode())).orElseThrow());
            users.save(user);
        }
    }
}
