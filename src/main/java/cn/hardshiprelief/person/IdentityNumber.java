package cn.hardshiprelief.person;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;

import cn.hardshiprelief.person.InvalidIdentityNumberException.Reason;

/**
 * An 18-character resident identity number (居民身份证号) as defined by GB 11643-1999: a six-digit region code, the
 * birth date as {@code yyyyMMdd}, a three-digit sequence whose last digit is odd for men and even for women, and a
 * check character.
 * <p>
 * An instance is always valid. {@link #toString()} gives the {@linkplain #masked() masked} form so that a full number
 * never ends up in a log by accident; call {@link #value()} where the full number is really needed.
 */
public final class IdentityNumber {

    private static final int LENGTH = 18;

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

    private static final String CHECK_CHARACTERS = "10X98765432";

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    // STRICT with 'uuuu' so that 19000230 is rejected instead of being resolved to 1900-02-28
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
        .withResolverStyle(ResolverStyle.STRICT);

    /** The gender recorded in the 17th digit. */
    public enum Gender {

        MALE, FEMALE

    }

    private final String value;

    private final LocalDate birthDate;

    private IdentityNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /**
     * Reads an identity number as a person typed it: surrounding whitespace is ignored and a lower-case check
     * character {@code x} is accepted.
     * @throws InvalidIdentityNumberException naming the first check that failed
     */
    public static IdentityNumber parse(String raw) {
        return parse(raw, LocalDate.now(CHINA));
    }

    /** As {@link #parse(String)}, with the day that counts as today, for tests at the boundary. */
    static IdentityNumber parse(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidIdentityNumberException(Reason.BLANK);
        }
        String value = raw.strip().toUpperCase(Locale.ROOT);
        if (value.length() != LENGTH) {
            throw new InvalidIdentityNumberException(Reason.WRONG_LENGTH);
        }
        if (!hasLegalCharacters(value)) {
            throw new InvalidIdentityNumberException(Reason.ILLEGAL_CHARACTERS);
        }
        LocalDate birthDate = birthDateIn(value);
        if (birthDate == null || birthDate.isBefore(EARLIEST_BIRTH_DATE) || birthDate.isAfter(today)) {
            throw new InvalidIdentityNumberException(Reason.INVALID_BIRTH_DATE);
        }
        if (value.charAt(LENGTH - 1) != checkCharacterFor(value)) {
            throw new InvalidIdentityNumberException(Reason.CHECKSUM_MISMATCH);
        }
        return new IdentityNumber(value, birthDate);
    }

    /** Whether {@link #parse(String)} would accept the text. */
    public static boolean isValid(String raw) {
        try {
            parse(raw);
            return true;
        } catch (InvalidIdentityNumberException ex) {
            return false;
        }
    }

    /**
     * Masks a person's name for lists and logs: the first character stays, and for names of three characters or more
     * the last one too (张三 → 张*, 张三丰 → 张*丰, 欧阳明日 → 欧**日). A one-character name is masked completely;
     * {@code null} or blank gives an empty string.
     */
    public static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        // code points, not chars: rare characters in names (e.g. 𠮷) lie outside the Basic Multilingual Plane
        int[] characters = name.strip().codePoints().toArray();
        int length = characters.length;
        if (length == 1) {
            return "*";
        }
        StringBuilder masked = new StringBuilder().appendCodePoint(characters[0]);
        if (length == 2) {
            return masked.append('*').toString();
        }
        return masked.append("*".repeat(length - 2)).appendCodePoint(characters[length - 1]).toString();
    }

    /** The full 18-character number, with an upper-case {@code X} if that is the check character. */
    public String value() {
        return value;
    }

    /** The birth date from positions 7 to 14. */
    public LocalDate birthDate() {
        return birthDate;
    }

    /** The gender from the 17th digit: odd for men, even for women. */
    public Gender gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /** The administrative region (行政区划代码) where the number was first issued: the first six digits. */
    public String regionCode() {
        return value.substring(0, 6);
    }

    /** The first three and last four characters with the eleven between masked, e.g. {@code 110***********002X}. */
    public String masked() {
        return value.substring(0, 3) + "*".repeat(LENGTH - 7) + value.substring(LENGTH - 4);
    }

    private static boolean hasLegalCharacters(String value) {
        for (int i = 0; i < LENGTH - 1; i++) {
            if (!isAsciiDigit(value.charAt(i))) {
                return false;
            }
        }
        char last = value.charAt(LENGTH - 1);
        return isAsciiDigit(last) || last == 'X';
    }

    // Character.isDigit would also accept full-width and other non-ASCII digits
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static LocalDate birthDateIn(String value) {
        try {
            return LocalDate.parse(value.substring(6, 14), BIRTH_DATE);
        } catch (DateTimeException ex) {
            return null;
        }
    }

    private static char checkCharacterFor(String value) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (value.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof IdentityNumber that && value.equals(that.value));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** The {@linkplain #masked() masked} form, never the full number. */
    @Override
    public String toString() {
        return masked();
    }
}
