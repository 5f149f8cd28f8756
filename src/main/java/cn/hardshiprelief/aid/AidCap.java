package cn.hardshiprelief.aid;

import java.math.BigDecimal;

/** A row of the {@code aidCap} DMN: the most one household receives of a kind in a year, and how often. */
public record AidCap(BigDecimal kindAnnualCap, Integer timesPerYear) {
}
