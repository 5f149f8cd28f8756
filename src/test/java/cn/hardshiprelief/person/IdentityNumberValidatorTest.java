package cn.hardshiprelief.person;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityNumberValidatorTest {

    private static ValidatorFactory factory;

    private static Validator validator;

    /** How forms bind input: a record with the constraint on its component. */
    record ApplicantForm(@ValidIdentityNumber String identityNumber) {
    }

    /** A class with the constraint on a field. */
    static class Member {

        @ValidIdentityNumber
        String identityNumber;

        Member(String identityNumber) {
            this.identityNumber = identityNumber;
        }

    }

    @BeforeAll
    static void buildValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeFactory() {
        factory.close();
    }

    @Test
    void acceptsAValidNumberWithALowerCaseX() {
        assertThat(validator.validate(new ApplicantForm("11010519491231002x"))).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "   " })
    void leavesAMissingNumberToNotBlank(String missing) {
        assertThat(validator.validate(new ApplicantForm(missing))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({ "11010519491231002, {identityNumber.invalid.length}",
            "1101051949123100X2, {identityNumber.invalid.characters}",
            "110105190002300019, {identityNumber.invalid.birthDate}",
            "110105194912310021, {identityNumber.invalid.checksum}" })
    void reportsExactlyOneViolationThatNamesTheReason(String invalid, String template) {
        Set<ConstraintViolation<ApplicantForm>> violations = validator.validate(new ApplicantForm(invalid));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.getMessageTemplate()).isEqualTo(template);
            assertThat(violation.getPropertyPath()).hasToString("identityNumber");
            assertThat(violation.getInvalidValue()).isEqualTo(invalid);
        });
    }

    @Test
    void reportsTheReasonForAnnotatedFieldsToo() {
        Set<ConstraintViolation<Member>> violations = validator.validate(new Member("110105194912310021"));

        assertThat(violations).singleElement()
            .extracting(ConstraintViolation::getMessageTemplate)
            .isEqualTo("{identityNumber.invalid.checksum}");
    }

    @Test
    void declaresTheGeneralMessageAsItsDefault() throws NoSuchMethodException {
        Object defaultMessage = ValidIdentityNumber.class.getMethod("message").getDefaultValue();

        assertThat(defaultMessage).isEqualTo("{identityNumber.invalid}");
    }

}
