package cn.hardshiprelief.campaign;

/** The holidays of the warmth visits (plan 6: 元旦、春节、五一、中秋、十一). */
public enum Holiday {
    NEW_YEAR, SPRING_FESTIVAL, MAY_DAY, MID_AUTUMN, NATIONAL_DAY
}
