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

    /** Administrative division (6 digits): where the local dibao line applies. Inherited from above when empty. */
    @Column(name = "region_code")
    private String regionCode;

    protected OrgUnit() {
    }

    public OrgUnit(String code, String name, OrgUnitType type, OrgUnit parent) {
        this(code, name, type, parent, null);
    }

    public OrgUnit(String code, String name, OrgUnitType type, OrgUnit parent, String regionCode) {
        this.code = code;
        this.name = name;
        this.type = type;
        this.parent = parent;
        this.regionCode = regionCode;
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public String getName() { return name; }
    public OrgUnitType getType() { return type; }
    public OrgUnit getParent() { return parent; }
    public String getRegionCode() { return regionCode; }

    /** The company this unit belongs to (itself for a company), or null for a union outside a company. */
    public OrgUnit company() {
        return nearest(OrgUnitType.COMPANY);
    }

    /** The branch union above a workplace (itself for a branch union), or null. */
    public OrgUnit branchUnion() {
        return nearest(OrgUnitType.BRANCH_UNION);
    }

    /** The county union this unit comes under, or null. */
    public OrgUnit countyUnion() {
        return nearest(OrgUnitType.COUNTY_UNION);
    }

    /** The region of this unit or the nearest unit above it that has one. */
    public String region() {
        for (OrgUnit unit = this; unit != null; unit = unit.getParent()) {
            if (unit.getRegionCode() != null) {
                return unit.getRegionCode();
            }
        }
        return null;
    }

    /** This unit and every unit above it. */
    public boolean isWithin(OrgUnit ancestor) {
        for (OrgUnit unit = this; unit != null; unit = unit.getParent()) {
            if (unit.getId().equals(ancestor.getId())) {
                return true;
            }
        }
        return false;
    }

    private OrgUnit nearest(OrgUnitType wanted) {
        // getters, not fields: the parent may be a lazy proxy
        for (OrgUnit unit = this; unit != null; unit = unit.getParent()) {
            if (unit.getType() == wanted) {
                return unit;
            }
        }
        return null;
    }
}
