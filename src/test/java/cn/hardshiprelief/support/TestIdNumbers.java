package cn.hardshiprelief.support;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/** Makes valid resident identity numbers (GB 11643 check digit) for tests, a new one each call. */
public final class TestIdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

    private TestIdNumbers() {
    }

    public static String born(LocalDate birthDate) {
        int seq = SEQUENCE.incrementAndGet() % 1000;
        String base = "110105" + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", seq);
        return base + checkDigit(base);
    }

    public static char checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return "10X98765432".charAt(sum % 11);
    }
}
