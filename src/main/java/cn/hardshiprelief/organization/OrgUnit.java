package cn.hardshiprelief.organization;

import jakarta.persistence.*;

/** A company, department or union. Codes are stable and appear in Camunda group ids. */
@Entity
@Table(name = "org_unit")
public class OrgUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrgUnitType type;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private OrgUnit parent;

    protected OrgUnit() {
    }

    public OrgUnit(String code, String name, OrgUnitType type, OrgUnit parent) {
        this.code = code;
        this.name = name;
        this.type = type;
        this.parent = parent;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public OrgUnitType getType() { return type; }
    public OrgUnit getParent() { return parent; }

    /** The company this unit belongs to (itself for a company), or null for a union outside a company. */
    public OrgUnit company() {
        // getters, not fields: the parent may be a lazy proxy
        for (OrgUnit unit = this; unit != null; unit = unit.getParent()) {
            if (unit.getType() == OrgUnitType.COMPANY) {
                return unit;
            }
        }
        return null;
    }
}
