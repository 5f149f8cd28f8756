package cn.hardshiprelief.aid;

import java.math.BigDecimal;

/**
 * A row of the {@code aidCap} DMN: the most one household receives of a kind in a year, and how often;
 * for 金秋助学 also how often one student may receive it at one schooling stage, whatever the year
 * ({@code timesPerStage}, null when the stage does not limit it).
 */
public record AidCap(BigDecimal kindAnnualCap, Integer timesPerYear, Integer timesPerStage) {
}
