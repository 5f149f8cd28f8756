package cn.hardshiprelief.household;

import cn.hardshiprelief.vocabulary.HardshipCause;
import cn.hardshiprelief.vocabulary.Tier;

/** Search of the register: any combination; the identity number matches exactly (by blind index). */
public record HouseholdSearch(String name, String idNumber, String unitCode, Tier tier, HardshipCause cause) {

    public static HouseholdSearch none() {
        return new HouseholdSearch(null, null, null, null, null);
    }
}
