package cn.hardshiprelief.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.hardshiprelief.person.IdentityNumber.Gender;
import cn.hardshiprelief.person.InvalidIdentityNumberException.Reason;

class IdentityNumberTest {

    // The example in GB 11643-1999: a woman born on 1949-12-31 in Chaoyang District, Beijing
    private static final String WOMAN_BORN_1949 = "11010519491231002X";

    // The same with sequence 001 and its check digit
    private static final String MAN_BORN_1949 = "110105194912310011";

    @Test
    void acceptsTheExampleFromTheStandard() {
        IdentityNumber number = IdentityNumber.parse(WOMAN_BORN_1949);

        assertThat(number.value()).isEqualTo(WOMAN_BORN_1949);
        assertThat(IdentityNumber.isValid(WOMAN_BORN_1949)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "110105194912310011", "44030619850615123X", "310115200002290021", "11010519000101001X" })
    void acceptsNumbersWhoseCheckCharacterMatches(String valid) {
        assertThat(IdentityNumber.parse(valid).value()).isEqualTo(valid);
    }

    @Test
    void acceptsALowerCaseXAndStoresItUpperCase() {
        assertThat(IdentityNumber.parse("11010519491231002x").value()).isEqualTo(WOMAN_BORN_1949);
    }

    @Test
    void ignoresWhitespaceAroundTheNumber() {
        assertThat(IdentityNumber.parse("  11010519491231002x\t").value()).isEqualTo(WOMAN_BORN_1949);
        assertThat(IdentityNumber.parse("\u300011010519491231002X\u3000").value()).isEqualTo(WOMAN_BORN_1949);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "   ", "\t\n" })
    void rejectsAMissingNumberAsBlank(String blank) {
        assertRejected(blank, Reason.BLANK, "identityNumber.invalid.blank");
    }

    @ParameterizedTest
    @ValueSource(strings = { "11010519491231002", "11010519491231002X1", "110105491231002", "1" })
    void rejectsANumberThatDoesNotHaveEighteenCharacters(String wrongLength) {
        assertRejected(wrongLength, Reason.WRONG_LENGTH, "identityNumber.invalid.length");
    }

    @ParameterizedTest
    @ValueSource(strings = { "1101051949123100X2", "11010519491231002Y", "1101051949 231002X", "11010519491231002-",
            "１１０１０５１９４９１２３１００２Ｘ" })
    void rejectsANumberWithCharactersOtherThanDigitsAndAFinalX(String illegal) {
        assertRejected(illegal, Reason.ILLEGAL_CHARACTERS, "identityNumber.invalid.characters");
    }

    @Test
    void rejectsTheThirtiethOfFebruary() {
        assertRejected("110105190002300019", Reason.INVALID_BIRTH_DATE, "identityNumber.invalid.birthDate");
    }

    @ParameterizedTest
    @ValueSource(strings = { "19491331", "19490001", "19491200", "19490431", "20230229" })
    void rejectsBirthDatesThatDoNotExist(String birthDate) {
        assertRejected(withCheckCharacter("110105" + birthDate + "002"), Reason.INVALID_BIRTH_DATE,
                "identityNumber.invalid.birthDate");
    }

    @Test
    void rejectsBirthDatesBefore1900EvenTheExampleOfTheStandard() {
        assertRejected("440524188001010014", Reason.INVALID_BIRTH_DATE, "identityNumber.invalid.birthDate");
        assertRejected("110105189912310015", Reason.INVALID_BIRTH_DATE, "identityNumber.invalid.birthDate");
        assertThat(IdentityNumber.parse("11010519000101001X").birthDate()).isEqualTo(LocalDate.of(1900, 1, 1));
    }

    @Test
    void rejectsABirthDateInTheFuture() {
        assertRejected("110105209901010012", Reason.INVALID_BIRTH_DATE, "identityNumber.invalid.birthDate");
    }

    @Test
    void acceptsABabyBornTodayButNotTomorrow() {
        LocalDate today = LocalDate.of(2025, 6, 1);
        String bornToday = withCheckCharacter("110105" + yyyyMMdd(today) + "001");
        String bornTomorrow = withCheckCharacter("110105" + yyyyMMdd(today.plusDays(1)) + "001");

        assertThat(IdentityNumber.parse(bornToday, today).birthDate()).isEqualTo(today);
        assertThatThrownBy(() -> IdentityNumber.parse(bornTomorrow, today))
            .isInstanceOfSatisfying(InvalidIdentityNumberException.class,
                    ex -> assertThat(ex.reason()).isEqualTo(Reason.INVALID_BIRTH_DATE));
    }

    @Test
    void rejectsANumberWhoseCheckDigitIsWrong() {
        assertRejected("110105194912310021", Reason.CHECKSUM_MISMATCH, "identityNumber.invalid.checksum");
        assertRejected("110105194912310012", Reason.CHECKSUM_MISMATCH, "identityNumber.invalid.checksum");
    }

    @Test
    void rejectsTwoSwappedDigitsThroughTheCheckDigit() {
        // 12-31 with sequence 002 read as 12-31 with 020
        assertRejected("11010519491231020X", Reason.CHECKSUM_MISMATCH, "identityNumber.invalid.checksum");
    }

    @Test
    void neverPutsTheRejectedNumberIntoTheExceptionMessage() {
        assertThatThrownBy(() -> IdentityNumber.parse("110105194912310021"))
            .hasMessage("Not a valid resident identity number: CHECKSUM_MISMATCH")
            .hasMessageNotContaining("1101051949");
    }

    @Test
    void readsTheBirthDateFromPositionsSevenToFourteen() {
        assertThat(IdentityNumber.parse(WOMAN_BORN_1949).birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(IdentityNumber.parse("310115200002290021").birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @Test
    void readsTheGenderFromTheSeventeenthDigitOddForMen() {
        assertThat(IdentityNumber.parse(MAN_BORN_1949).gender()).isEqualTo(Gender.MALE);
        assertThat(IdentityNumber.parse(WOMAN_BORN_1949).gender()).isEqualTo(Gender.FEMALE);
        assertThat(IdentityNumber.parse("44030619850615123X").gender()).isEqualTo(Gender.MALE);
    }

    @Test
    void readsTheRegionCodeFromTheFirstSixDigits() {
        assertThat(IdentityNumber.parse("44030619850615123X").regionCode()).isEqualTo("440306");
    }

    @Test
    void masksAllButTheFirstThreeAndLastFourCharacters() {
        IdentityNumber number = IdentityNumber.parse(WOMAN_BORN_1949);

        assertThat(number.masked()).isEqualTo("110***********002X").hasSize(18);
    }

    @Test
    void showsOnlyTheMaskedFormInToStringSoLogsNeverHoldAFullNumber() {
        IdentityNumber number = IdentityNumber.parse(WOMAN_BORN_1949);

        assertThat(number).hasToString("110***********002X");
        assertThat("applicant " + number).doesNotContain(WOMAN_BORN_1949);
    }

    @Test
    void isEqualToAnotherNumberWithTheSameValue() {
        IdentityNumber typedUpperCase = IdentityNumber.parse(WOMAN_BORN_1949);
        IdentityNumber typedLowerCase = IdentityNumber.parse(" 11010519491231002x ");

        assertThat(typedLowerCase).isEqualTo(typedUpperCase).hasSameHashCodeAs(typedUpperCase);
        assertThat(IdentityNumber.parse(MAN_BORN_1949)).isNotEqualTo(typedUpperCase);
    }

    @ParameterizedTest
    @CsvSource({ "张三, 张*", "张三丰, 张*丰", "欧阳明日, 欧**日", "爱新觉罗溥仪, 爱****仪", "王, *", "'  李四 ', 李*",
            "𠮷三, 𠮷*", "张𠮷丰, 张*丰" })
    void masksANameKeepingTheFirstAndForThreeOrMoreCharactersTheLastCharacter(String name, String masked) {
        assertThat(IdentityNumber.maskName(name)).isEqualTo(masked);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "  " })
    void masksAMissingNameAsEmpty(String missing) {
        assertThat(IdentityNumber.maskName(missing)).isEmpty();
    }

    private static void assertRejected(String raw, Reason reason, String messageKey) {
        assertThat(IdentityNumber.isValid(raw)).isFalse();
        assertThatThrownBy(() -> IdentityNumber.parse(raw))
            .isInstanceOfSatisfying(InvalidIdentityNumberException.class, ex -> {
                assertThat(ex.reason()).isEqualTo(reason);
                assertThat(ex.messageKey()).isEqualTo(messageKey);
            });
    }

    /** Completes 17 digits with their check character, computed here independently of the production code. */
    private static String withCheckCharacter(String first17) {
        int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += Character.digit(first17.charAt(i), 10) * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    private static String yyyyMMdd(LocalDate date) {
        return date.format(DateTimeFormatter.BASIC_ISO_DATE);
    }

}
