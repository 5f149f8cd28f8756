package cn.hardshiprelief.household;

import cn.hardshiprelief.enrollment.Relation;
import jakarta.persistence.*;

/** A person in a household file. While the file is active, {@code activePersonKey} keeps them in no other. */
@Entity
@Table(name = "household_file_member")
public class HouseholdFileMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "file_id")
    private HouseholdFile file;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Relation relation;

    @Column(name = "id_number_hash", nullable = false)
    private String idNumberHash;

    @Column(name = "id_number_masked", nullable = false)
    private String idNumberMasked;

    @Column(name = "active_person_key", unique = true)
    private String activePersonKey;

    protected HouseholdFileMember() {
    }

    HouseholdFileMember(HouseholdFile file, String name, Relation relation, String idNumberHash, String idNumberMasked) {
        this.file = file;
        this.name = name;
        this.relation = relation;
        this.idNumberHash = idNumberHash;
        this.idNumberMasked = idNumberMasked;
        this.activePersonKey = idNumberHash;
    }

    void release() {
        this.activePersonKey = null;
    }

    public String getName() { return name; }
    public Relation getRelation() { return relation; }
    public String getIdNumberMasked() { return idNumberMasked; }
    public String getIdNumberHash() { return idNumberHash; }
}
