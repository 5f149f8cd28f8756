package cn.hardshiprelief.vocabulary;

/** Housing of the household. */
public enum HousingType {
    OWNED, RENTED, PUBLIC_RENTAL, EMPLOYER_DORMITORY, LODGING_WITH_RELATIVES, NONE
}
