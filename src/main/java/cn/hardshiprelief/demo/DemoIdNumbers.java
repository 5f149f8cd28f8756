package cn.hardshiprelief.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Resident identity numbers (GB 11643-1999) for the demo households: region 230602 (萨尔图区, the
 * demo county's region), the birth date, a sequence number whose last digit is odd for men and even
 * for women, and the check character. The same person always gets the same number, so a second
 * start can never put another copy of a demo person on the register.
 */
final class DemoIdNumbers {

    private static final String REGION = "230602";
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    private DemoIdNumbers() {
    }

    /** The number of the {@code serial}-th demo person (1 to 499). */
    static String of(int serial, LocalDate born, boolean male) {
        if (serial < 1 || serial > 499) {
            throw new IllegalArgumentException("Demo serial out of range: " + serial);
        }
        String first17 = REGION + born.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", serial * 2 + (male ? 1 : 0));
        return first17 + checkCharacter(first17);
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }
}
