package cn.hardshiprelief.vocabulary;

/**
 * Hardship tiers as decided by the {@code classifyHardship} DMN: the company tiers of plan 12
 * (特困, 重困, 一般困难) on the enterprise route, the union tiers (深度困难, 相对困难, 意外致困) on
 * the union route, or not eligible.
 */
public enum Tier {
    EXTREME, SEVERE, GENERAL, DEEP, RELATIVE, SUDDEN, NOT_ELIGIBLE;

    public boolean eligible() {
        return this != NOT_ELIGIBLE;
    }
}
