package cn.hardshiprelief.aid;

import cn.hardshiprelief.civilaffairs.Person;
import cn.hardshiprelief.vocabulary.HardshipCause;
import cn.hardshiprelief.vocabulary.Relation;
import cn.hardshiprelief.vocabulary.SchoolingStage;
import cn.hardshiprelief.organization.OrgUnit;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who receives a grant: a household on file, or (emergency aid only) a worker whose household is not
 * or no longer on file. {@code householdKey} identifies the household for duplicate and cap checks;
 * {@code members} are the people of the household file (none for a worker not on file).
 */
public record Beneficiary(Long fileId, boolean fileOpen, String name, String username, OrgUnit unit,
                          OrgUnit grantingUnion, OrgUnit countyUnion, String tier, Set<HardshipCause> secondaryCauses,
                          String regionCode, List<Member> members, String payeeAccount, String payeeBank) {

    public static final String NO_TIER = "NONE";

    /**
     * A person of the household file as aid sees them: a 金秋助学 student is one of them. {@code key} is the
     * blind index of their identity number, the same in every file the person is ever in.
     */
    public record Member(Long id, String name, Relation relation, SchoolingStage schooling, String key) {
    }

    public String householdKey() {
        return fileId != null ? "F" + fileId : "U" + username;
    }

    /** The member of this household with that id, if there is one. */
    public Optional<Member> member(Long memberId) {
        return memberId == null ? Optional.empty()
                : members.stream().filter(m -> memberId.equals(m.id())).findFirst();
    }

    /** The members to look up on the civil-affairs roster. */
    public List<Person> rosterPersons() {
        return members.stream().map(m -> new Person(m.key(), m.name(), regionCode)).toList();
    }
}
