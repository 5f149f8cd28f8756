package cn.hardshiprelief.household;

import cn.hardshiprelief.vocabulary.HardshipCause;

import java.util.EnumSet;
import java.util.Set;

/** Kinds of help planned for a household (一户一策), first drawn from its causes; caseworkers refine it. */
public enum PlannedAid {
    LIFE_AID, MEDICAL_AID, EDUCATION_AID, EMPLOYMENT_SUPPORT, HOUSING_SUPPORT, LEGAL_AID, EMERGENCY_AID;

    public static Set<PlannedAid> forCauses(Set<HardshipCause> causes) {
        Set<PlannedAid> plan = EnumSet.of(LIFE_AID);
        for (HardshipCause cause : causes) {
            switch (cause) {
                case ILLNESS, DISABILITY -> plan.add(MEDICAL_AID);
                case SCHOOLING -> plan.add(EDUCATION_AID);
                case UNEMPLOYMENT, LOW_INCOME, SOLE_EARNER -> plan.add(EMPLOYMENT_SUPPORT);
                case DISASTER, ACCIDENT -> plan.add(EMERGENCY_AID);
                default -> { }
            }
        }
        return plan;
    }
}
