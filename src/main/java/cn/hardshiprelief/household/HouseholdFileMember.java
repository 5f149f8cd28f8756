package cn.hardshiprelief.household;

import cn.hardshiprelief.vocabulary.DisabilityGrade;
import cn.hardshiprelief.vocabulary.HealthStatus;
import cn.hardshiprelief.vocabulary.Relation;
import cn.hardshiprelief.vocabulary.SchoolingStage;
import jakarta.persistence.*;

/**
 * A person in a household file, with the facts the rules read as they stand today: health, disability
 * and schooling, recorded at filing and brought up to date at each re-check. While the file is active,
 * {@code activePersonKey} keeps them in no other.
 */
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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private HealthStatus health = HealthStatus.HEALTHY;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DisabilityGrade disability = DisabilityGrade.NONE;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SchoolingStage schooling = SchoolingStage.NONE;

    protected HouseholdFileMember() {
    }

    HouseholdFileMember(HouseholdFile file, String name, Relation relation, String idNumberHash, String idNumberMasked,
                        HealthStatus health, DisabilityGrade disability, SchoolingStage schooling) {
        this.file = file;
        this.name = name;
        this.relation = relation;
        this.idNumberHash = idNumberHash;
        this.idNumberMasked = idNumberMasked;
        this.activePersonKey = idNumberHash;
        this.health = health == null ? HealthStatus.HEALTHY : health;
        this.disability = disability == null ? DisabilityGrade.NONE : disability;
        this.schooling = schooling == null ? SchoolingStage.NONE : schooling;
    }

    void release() {
        this.activePersonKey = null;
    }

    /** What a re-check found for this person; true when anything changed. */
    boolean recheck(HealthStatus health, DisabilityGrade disability, SchoolingStage schooling) {
        if (health == null || disability == null || schooling == null) {
            throw new IllegalArgumentException("A re-check records health, disability and schooling of every member");
        }
        boolean changed = health != this.health || disability != this.disability || schooling != this.schooling;
        this.health = health;
        this.disability = disability;
        this.schooling = schooling;
        return changed;
    }

    public boolean inSchool() {
        return schooling != SchoolingStage.NONE;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Relation getRelation() { return relation; }
    public String getIdNumberMasked() { return idNumberMasked; }
    public String getIdNumberHash() { return idNumberHash; }
    public HealthStatus getHealth() { return health; }
    public DisabilityGrade getDisability() { return disability; }
    public SchoolingStage getSchooling() { return schooling; }
}
