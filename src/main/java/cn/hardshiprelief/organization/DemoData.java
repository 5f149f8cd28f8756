package cn.hardshiprelief.organization;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Arrays;


/**
 * Demo organisation and one demo user for every role (password {@value #PASSWORD}), created on an
 * empty database when {@code hardship.demo-data=true} (the default on H2; off in the mysql profile).
 */
@Component
@ConditionalOnProperty(name = "hardship.demo-data", havingValue = "true")
public class DemoData {

    public static final String PASSWORD = "demo123";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final OrgUnitRepository units;
    private final AppGroupRepository groups;
    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;

    public DemoData(OrgUnitRepository units, AppGroupRepository groups, AppUserRepository users,
                    PasswordEncoder passwordEncoder) {
        this.units = units;
        this.groups = groups;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    @EventListener
    @Order(0)
    @Transactional
    public void load(ApplicationReadyEvent event) {
        if (users.count() == 0) {
            create();
        }
        log.info("""

                ==================================================================
                 困难职工帮扶管理系统 Hardship Relief is running.
                 Log in at http://localhost:{}/  (Camunda Cockpit/Tasklist: /camunda/app/)
                 Demo users (password {}): {}
                ==================================================================""",
                event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080"), PASSWORD,
                banner(event.getApplicationContext().getEnvironment().getProperty("hardship.demo-households",
                        Boolean.class, false)));
    }

    /** The demo users as the start-up banner lists them: the same people as the login page and the README. */
    static String banner(boolean withDemoHouseholds) {
        return String.join(", ", Arrays.stream(DemoUser.values())
                .filter(u -> withDemoHouseholds || !u.isWithDemoHouseholds())
                .map(u -> u.username() + " " + u.displayName() + "(" + u.role() + ")").toList());
    }

    private void create() {
        OrgUnit county = units.save(new OrgUnit("CU01", "示范县总工会", OrgUnitType.COUNTY_UNION, null, "230602"));
        OrgUnit company = units.save(new OrgUnit("C01", "示例机械有限公司", OrgUnitType.COMPANY, county));
        OrgUnit production = units.save(new OrgUnit("C01D01", "生产部", OrgUnitType.DEPARTMENT, company));
        OrgUnit finance = units.save(new OrgUnit("C01D02", "财务部", OrgUnitType.DEPARTMENT, company));
        OrgUnit companyUnion = units.save(new OrgUnit("C01U", "示例机械有限公司工会", OrgUnitType.BRANCH_UNION, company));
        OrgUnit branchA = units.save(new OrgUnit("CU01B01", "城关街道工会", OrgUnitType.BRANCH_UNION, county));
        OrgUnit branchB = units.save(new OrgUnit("CU01B02", "工业园区工会", OrgUnitType.BRANCH_UNION, county));
        OrgUnit shop = units.save(new OrgUnit("CU01B01W1", "城关便民超市", OrgUnitType.WORKPLACE, branchA));
        OrgUnit depot = units.save(new OrgUnit("CU01B02W1", "园区物流配送点", OrgUnitType.WORKPLACE, branchB));

        group(Role.WORKER, production, "生产部职工");
        group(Role.WORKER, finance, "财务部职工");
        group(Role.WORKER, shop, "城关便民超市职工");
        group(Role.WORKER, depot, "园区物流配送点职工");
        group(Role.DEPARTMENT_HEAD, production, "生产部负责人");
        group(Role.DEPARTMENT_HEAD, finance, "财务部负责人");
        group(Role.DIRECTOR, company, "分管领导");
        group(Role.HR, company, "人力资源部");
        group(Role.GENERAL_OFFICE, company, "综合办公室");
        group(Role.BRANCH_UNION, companyUnion, "公司工会");
        group(Role.BRANCH_UNION, branchA, "城关街道工会");
        group(Role.BRANCH_UNION, branchB, "工业园区工会");
        group(Role.COUNTY_UNION, county, "县总工会");
        group(Role.COUNTY_UNION_CHAIR, county, "县总工会主席");
        group(Role.ADMIN, null, "系统管理员");

        String hash = passwordEncoder.encode(PASSWORD);
        for (DemoUser u : DemoUser.ofTheOrganisation()) {
            OrgUnit unit = units.findByCode(u.unitCode()).orElseThrow();
            AppUser user = new AppUser(u.username(), u.displayName(), hash, unit);
            user.joinGroup(groups.findById(u.role().groupId(unit.getCode())).orElseThrow());
            users.save(user);
        }
        log.info("Demo organisation and {} demo users created", DemoUser.ofTheOrganisation().size());
    }

    private void group(Role role, OrgUnit unit, String name) {
        groups.save(new AppGroup(role, unit, name));
    }
}
