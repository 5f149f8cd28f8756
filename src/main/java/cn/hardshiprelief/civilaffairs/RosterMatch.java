package cn.hardshiprelief.civilaffairs;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One entry of the current roster that matched a {@link Person} by identity number, with what the roster says and
 * whether its name or region differ from what the household declared ({@code regionDiffers} is false when the
 * person's region is unknown). {@code validTo} is {@code null} for open-ended support.
 */
public record RosterMatch(String idNumberHash, String rosterName, String rosterRegion, RosterStatus status,
                          BigDecimal monthlyAmount, LocalDate validFrom, LocalDate validTo,
                          boolean nameDiffers, boolean regionDiffers) {
}
