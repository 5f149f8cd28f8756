package cn.hardshiprelief.household;

import cn.hardshiprelief.person.EncryptedAccountConverter;
import cn.hardshiprelief.vocabulary.DisabilityGrade;
import cn.hardshiprelief.vocabulary.HardshipCause;
import cn.hardshiprelief.vocabulary.HealthStatus;
import cn.hardshiprelief.vocabulary.Relation;
import cn.hardshiprelief.vocabulary.SchoolingStage;
import cn.hardshiprelief.vocabulary.Tier;
import cn.hardshiprelief.organization.OrgUnit;
import jakarta.persistence.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.*;
import java.util.stream.Collectors;

/**
 * A household file (建档立卡): the register entry of one household, made from an approved,
 * classified and publicly noticed application. One active file per household and per person, kept
 * by unique keys in the database, not only by checks in code.
 */
@Entity
@Table(name = "household_file")
public class HouseholdFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "file_number", nullable = false, unique = true)
    private String fileNumber;

    @Column(name = "application_id", nullable = false, unique = true)
    private Long applicationId;

    @Column(name = "head_username", nullable = false)
    private String headUsername;

    @Column(name = "head_name", nullable = false)
    private String headName;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "unit_id")
    private OrgUnit unit;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "branch_union_id")
    private OrgUnit branchUnion;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "county_union_id")
    private OrgUnit countyUnion;

    @Column(name = "region_code")
    private String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Tier tier;

    @Enumerated(EnumType.STRING)
    @Column(name = "primary_cause", nullable = false)
    private HardshipCause primaryCause;

    @Column(name = "secondary_causes")
    private String secondaryCauses;

    @Column(name = "receives_dibao", nullable = false)
    private boolean receivesDibao;

    @Column(name = "dibao_line", precision = 10, scale = 2)
    private BigDecimal dibaoLine;

    @Column(name = "per_capita_income", precision = 12, scale = 2)
    private BigDecimal perCapitaIncome;

    @Column(name = "medical_costs_half_year", nullable = false, precision = 12, scale = 2)
    private BigDecimal medicalCostsHalfYear = BigDecimal.ZERO;

    @Column(name = "one_off_costs", nullable = false, precision = 12, scale = 2)
    private BigDecimal oneOffCosts = BigDecimal.ZERO;

    @Column(nullable = false)
    private int earners;

    @Column(name = "disaster_affected", nullable = false)
    private boolean disasterAffected;

    @Column(name = "planned_aid")
    private String plannedAid;

    @Column(name = "paired_cadre")
    private String pairedCadre;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FileStatus status;

    @Column(name = "payee_account")
    @Convert(converter = EncryptedAccountConverter.class)
    private String payeeAccount;

    @Column(name = "payee_bank")
    private String payeeBank;

    @Column(name = "active_household_key", unique = true)
    private String activeHouseholdKey;

    @Column(name = "filed_at", nullable = false)
    private Instant filedAt;

    @Version
    private int version;

    @OneToMany(mappedBy = "file", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<HouseholdFileMember> members = new ArrayList<>();

    protected HouseholdFile() {
    }

    /** Files the household of an application that has passed review, classification and notice. */
    public static HouseholdFile of(FilingRequest application, String headName, String pairedCadre, Instant now) {
        if (application.tier() == null || !application.tier().eligible()) {
            throw new IllegalStateException("Application " + application.applicationId() + " is not classified as eligible");
        }
        HouseholdFile file = new HouseholdFile();
        file.applicationId = application.applicationId().value();
        file.fileNumber = "JD" + now.atZone(ZoneId.of("Asia/Shanghai")).getYear()
                + String.format("%08d", application.applicationId().value());
        file.headUsername = application.headUsername();
        file.headName = headName;
        file.unit = application.unit();
        file.branchUnion = application.branchUnion();
        file.countyUnion = application.countyUnion();
        file.regionCode = application.regionCode();
        file.tier = application.tier();
        file.primaryCause = application.primaryCause();
        file.secondaryCauses = application.secondaryCauses().stream().sorted().map(Enum::name)
                .collect(Collectors.joining(","));
        file.receivesDibao = application.receivesDibao();
        file.dibaoLine = application.dibaoLine();
        file.perCapitaIncome = application.perCapitaIncome();
        file.medicalCostsHalfYear = orZero(application.medicalCostsHalfYear());
        file.oneOffCosts = orZero(application.oneOffCosts());
        file.earners = (int) application.members().stream().filter(m -> m.monthlyIncome().signum() > 0).count();
        file.disasterAffected = application.causes().contains(HardshipCause.DISASTER);
        file.plannedAid = PlannedAid.forCauses(application.causes()).stream().map(Enum::name)
                .collect(Collectors.joining(","));
        file.pairedCadre = pairedCadre;
        file.status = FileStatus.ACTIVE;
        file.filedAt = now;
        for (FilingRequest.Member m : application.members()) {
            file.members.add(new HouseholdFileMember(file, m.name(), m.relation(), m.idNumberHash(),
                    m.idNumberMasked(), m.health(), m.disability(), m.schooling()));
            if (m.relation() == Relation.SELF) {
                file.activeHouseholdKey = m.idNumberHash();
            }
        }
        return file;
    }

    /** 脱困: the household leaves the register; it no longer holds its members, so they may be filed again later. */
    public FileStatus exit() {
        requireActive();
        FileStatus from = status;
        status = FileStatus.EXITED;
        activeHouseholdKey = null;
        members.forEach(HouseholdFileMember::release);
        return from;
    }

    /** 注销: the file leaves the register for good (death, moved, wrongly filed); members are released. */
    public FileStatus cancel() {
        if (status == FileStatus.CANCELLED) {
            throw new cn.hardshiprelief.shared.ConflictException("household.notActive", fileNumber);
        }
        FileStatus from = status;
        status = FileStatus.CANCELLED;
        activeHouseholdKey = null;
        members.forEach(HouseholdFileMember::release);
        return from;
    }

    /** 解困: cannot exit (illness, disability); stays on the register with standing help at the dibao level. */
    public FileStatus standingSupport() {
        requireActive();
        FileStatus from = status;
        status = FileStatus.STANDING_SUPPORT;
        return from;
    }

    /** The re-check keeps the file and re-classifies its tier. */
    public Tier reclassify(Tier newTier) {
        requireActive();
        Tier from = tier;
        if (newTier != null && newTier.eligible()) {
            tier = newTier;
        }
        return from;
    }

    /**
     * What a re-check found: the household's costs and dependants, and each member's health, disability and
     * schooling ({@code facts} by member id, every member once). Returns the names of the members whose facts
     * changed.
     */
    public List<String> recheck(HouseholdCircumstances found, Map<Long, MemberFacts> facts) {
        requireActive();
        if (!facts.keySet().equals(members.stream().map(HouseholdFileMember::getId).collect(Collectors.toSet()))) {
            throw new cn.hardshiprelief.shared.BusinessException("recheck.membersMismatch");
        }
        this.medicalCostsHalfYear = found.medicalCostsHalfYear();
        this.oneOffCosts = found.oneOffCosts();
        this.earners = found.earners();
        this.disasterAffected = found.disasterAffected();
        List<String> changed = new ArrayList<>();
        for (HouseholdFileMember member : members) {
            MemberFacts f = facts.get(member.getId());
            if (member.recheck(f.health(), f.disability(), f.schooling())) {
                changed.add(member.getName());
            }
        }
        return changed;
    }

    /** A member's health, disability and schooling as a re-check records them. */
    public record MemberFacts(HealthStatus health, DisabilityGrade disability,
                              SchoolingStage schooling) {
    }

    public HouseholdCircumstances circumstances() {
        return new HouseholdCircumstances(medicalCostsHalfYear, oneOffCosts, earners, disasterAffected);
    }

    /** The most severe disability recorded for a member (NONE when nobody has one). */
    public DisabilityGrade severestDisability() {
        return members.stream().map(HouseholdFileMember::getDisability)
                .max(Comparator.comparingInt(DisabilityGrade::severity)).orElse(DisabilityGrade.NONE);
    }

    /** The most severe health status recorded for a member (HEALTHY when all are). */
    public HealthStatus severestHealth() {
        return members.stream().map(HouseholdFileMember::getHealth)
                .max(Comparator.comparingInt(HealthStatus::severity)).orElse(HealthStatus.HEALTHY);
    }

    /** Members in full-time education, kindergarten to doctorate (the classification's studentsInSchool). */
    public int studentsInSchool() {
        return (int) members.stream().filter(HouseholdFileMember::inSchool).count();
    }

    public Optional<HouseholdFileMember> member(Long memberId) {
        return members.stream().filter(m -> m.getId() != null && m.getId().equals(memberId)).findFirst();
    }

    /** 发放账户: where the household's aid is paid; the bank details given with its latest cash grant. */
    public void changePayee(String account, String bank) {
        if (account == null || !account.matches("[0-9]{12,30}") || bank == null || bank.isBlank()) {
            throw new IllegalArgumentException("A payee account is 12 to 30 digits with its bank");
        }
        this.payeeAccount = account;
        this.payeeBank = bank.strip();
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    public boolean isOpen() {
        return status.holdsHousehold();
    }

    private void requireActive() {
        if (!status.holdsHousehold()) {
            throw new cn.hardshiprelief.shared.ConflictException("household.notActive", fileNumber);
        }
    }

    public Long getId() { return id; }
    public String getFileNumber() { return fileNumber; }
    public Long getApplicationId() { return applicationId; }
    public String getHeadUsername() { return headUsername; }
    public String getHeadName() { return headName; }
    public OrgUnit getUnit() { return unit; }
    public OrgUnit getBranchUnion() { return branchUnion; }
    public OrgUnit getCountyUnion() { return countyUnion; }
    public String getRegionCode() { return regionCode; }
    public Tier getTier() { return tier; }
    public HardshipCause getPrimaryCause() { return primaryCause; }
    public boolean isReceivesDibao() { return receivesDibao; }
    public BigDecimal getDibaoLine() { return dibaoLine; }
    public BigDecimal getPerCapitaIncome() { return perCapitaIncome; }
    public String getPairedCadre() { return pairedCadre; }
    public FileStatus getStatus() { return status; }
    public String getPayeeAccount() { return payeeAccount; }
    public String getPayeeBank() { return payeeBank; }
    public Instant getFiledAt() { return filedAt; }
    public List<HouseholdFileMember> getMembers() { return Collections.unmodifiableList(members); }

    public Set<HardshipCause> getSecondaryCauses() {
        return secondaryCauses == null || secondaryCauses.isBlank() ? Set.of()
                : Arrays.stream(secondaryCauses.split(",")).map(HardshipCause::valueOf).collect(Collectors.toCollection(TreeSet::new));
    }

    public Set<PlannedAid> getPlannedAid() {
        return plannedAid == null || plannedAid.isBlank() ? Set.of()
                : Arrays.stream(plannedAid.split(",")).map(PlannedAid::valueOf).collect(Collectors.toCollection(TreeSet::new));
    }
}
