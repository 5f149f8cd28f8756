package cn.hardshiprelief.household;

import cn.hardshiprelief.vocabulary.DisabilityGrade;
import cn.hardshiprelief.vocabulary.HealthStatus;
import cn.hardshiprelief.vocabulary.SchoolingStage;
import jakarta.validation.constraints.NotNull;

/** One member of the file as a re-check finds them: health, disability and schooling, prefilled from the file. */
public class MemberFactsEntry {

    @NotNull
    private Long memberId;

    /** Shown beside the fields; the file is the source, a posted name is ignored. */
    private String name;

    @NotNull(message = "{member.health.required}")
    private HealthStatus health;

    @NotNull(message = "{member.disability.required}")
    private DisabilityGrade disability;

    @NotNull(message = "{member.schooling.required}")
    private SchoolingStage schooling;

    public MemberFactsEntry() {
    }

    MemberFactsEntry(HouseholdFileMember member) {
        this.memberId = member.getId();
        this.name = member.getName();
        this.health = member.getHealth();
        this.disability = member.getDisability();
        this.schooling = member.getSchooling();
    }

    HouseholdFile.MemberFacts facts() {
        return new HouseholdFile.MemberFacts(health, disability, schooling);
    }

    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public HealthStatus getHealth() { return health; }
    public void setHealth(HealthStatus health) { this.health = health; }
    public DisabilityGrade getDisability() { return disability; }
    public void setDisability(DisabilityGrade disability) { this.disability = disability; }
    public SchoolingStage getSchooling() { return schooling; }
    public void setSchooling(SchoolingStage schooling) { this.schooling = schooling; }
}
