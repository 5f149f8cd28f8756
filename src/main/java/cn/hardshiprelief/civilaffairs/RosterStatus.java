package cn.hardshiprelief.civilaffairs;

import java.util.Locale;
import java.util.Optional;

/** The kind of civil-affairs support a roster entry records (救助类别). */
public enum RosterStatus {

    /** 最低生活保障 (dibao), the minimum living allowance. */
    DIBAO("低保"),
    /** 低保边缘 (near-dibao): income just above the dibao line. */
    NEAR_DIBAO("低保边缘"),
    /** 特困人员 (extreme poverty): no income, no ability to work and no one obliged to support them. */
    EXTREME_POVERTY("特困");

    private final String chineseName;

    RosterStatus(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The word the bureau's roster uses, e.g. {@code 低保边缘}. */
    public String chineseName() {
        return chineseName;
    }

    /** Reads a roster cell: the Chinese word or the constant's name (in any case); empty if it is neither. */
    public static Optional<RosterStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        for (RosterStatus status : values()) {
            if (status.chineseName.equals(value) || status.name().equals(value.toUpperCase(Locale.ROOT))) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
