package cn.hardshiprelief.demo;

import cn.hardshiprelief.organization.AppGroupRepository;
import cn.hardshiprelief.organization.AppUser;
import cn.hardshiprelief.organization.AppUserRepository;
import cn.hardshiprelief.organization.DemoData;
import cn.hardshiprelief.organization.DemoUser;
import cn.hardshiprelief.organization.OrgUnit;
import cn.hardshiprelief.organization.OrgUnitRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;


/**
 * Two more workers, so that six demo households have six different heads: the demo organisation
 * has four workers, and one worker heading two households would make the register read wrong.
 * Same password as every demo user; see docs/demo-users.md.
 */
@Component
@ConditionalOnProperty(prefix = "hardship", name = {"demo-data", "demo-households"}, havingValue = "true")
class DemoWorkers {

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
        for (DemoUser w : DemoUser.withTheDemoHouseholds()) {
            if (users.existsById(w.username())) {
                continue;
            }
            OrgUnit unit = units.findByCode(w.unitCode())
                    .orElseThrow(() -> new IllegalStateException("Demo unit " + w.unitCode() + " is missing"));
            AppUser user = new AppUser(w.username(), w.displayName(), passwordEncoder.encode(DemoData.PASSWORD), unit);
            user.joinGroup(groups.findById(w.role().groupId(unit.getCode())).orElseThrow());
            users.save(user);
        }
    }
}
