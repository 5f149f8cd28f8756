package cn.hardshiprelief.organization;

import java.util.Arrays;
import java.util.List;

/**
 * The demo users, one list for everything that names them: the demo organisation ({@link DemoData}) and the two
 * workers that come with the demo households create them, the start-up banner and the login page list them, and a
 * test holds README.md and docs/demo-users.md to the same people. All have the password {@link DemoData#PASSWORD}.
 */
public enum DemoUser {
    WORKER1("worker1", "张伟", "C01D01", Role.WORKER),
    WORKER2("worker2", "李娜", "C01D02", Role.WORKER),
    HEAD1("head1", "王强", "C01D01", Role.DEPARTMENT_HEAD),
    HEAD2("head2", "赵敏", "C01D02", Role.DEPARTMENT_HEAD),
    DIRECTOR1("director1", "刘洋", "C01", Role.DIRECTOR),
    HR1("hr1", "陈静", "C01", Role.HR),
    OFFICE1("office1", "杨帆", "C01", Role.GENERAL_OFFICE),
    UNION1("union1", "周丽", "C01U", Role.BRANCH_UNION),
    UNION2("union2", "钱进", "C01U", Role.BRANCH_UNION),
    BRANCH1("branch1", "吴刚", "CU01B01", Role.BRANCH_UNION),
    BRANCH2("branch2", "郑华", "CU01B02", Role.BRANCH_UNION),
    COUNTY1("county1", "孙杰", "CU01", Role.COUNTY_UNION),
    CHAIR1("chair1", "马建国", "CU01", Role.COUNTY_UNION_CHAIR),
    WORKER3("worker3", "王芳", "CU01B01W1", Role.WORKER),
    WORKER4("worker4", "刘军", "CU01B02W1", Role.WORKER),
    ADMIN("admin", "系统管理员", "C01", Role.ADMIN),
    /** Created with the demo households, so that six households have six different heads. */
    WORKER5("worker5", "何丽", "C01D02", Role.WORKER, true),
    WORKER6("worker6", "黄磊", "CU01B01W1", Role.WORKER, true);

    private final String username;
    private final String displayName;
    private final String unitCode;
    private final Role role;
    private final boolean withDemoHouseholds;

    DemoUser(String username, String displayName, String unitCode, Role role) {
        this(username, displayName, unitCode, role, false);
    }

    DemoUser(String username, String displayName, String unitCode, Role role, boolean withDemoHouseholds) {
        this.username = username;
        this.displayName = displayName;
        this.unitCode = unitCode;
        this.role = role;
        this.withDemoHouseholds = withDemoHouseholds;
    }

    /** The people of the demo organisation ({@code hardship.demo-data}). */
    public static List<DemoUser> ofTheOrganisation() {
        return Arrays.stream(values()).filter(u -> !u.withDemoHouseholds).toList();
    }

    /** The workers created with the demo households ({@code hardship.demo-households}). */
    public static List<DemoUser> withTheDemoHouseholds() {
        return Arrays.stream(values()).filter(u -> u.withDemoHouseholds).toList();
    }

    public String username() { return username; }
    public String displayName() { return displayName; }
    public String unitCode() { return unitCode; }
    public Role role() { return role; }
    public boolean isWithDemoHouseholds() { return withDemoHouseholds; }
}
