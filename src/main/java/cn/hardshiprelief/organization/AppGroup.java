package cn.hardshiprelief.organization;

import jakarta.persistence.*;

/** A role held in an organisation unit; also a Camunda group (candidate group of user tasks). */
@Entity
@Table(name = "app_group")
public class AppGroup {

    @Id
    private String id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "org_unit_id")
    private OrgUnit orgUnit;

    protected AppGroup() {
    }

    public AppGroup(Role role, OrgUnit orgUnit, String name) {
        this.id = role.groupId(orgUnit == null ? null : orgUnit.getCode());
        this.role = role;
        this.orgUnit = orgUnit;
        this.name = name;
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public Role getRole() { return role; }
    public OrgUnit getOrgUnit() { return orgUnit; }
}
