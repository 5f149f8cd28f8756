package cn.hardshiprelief.person;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link ValidIdentityNumber} texts with {@link IdentityNumber#parse(String)} and replaces the default violation
 * with one that names the reason, so the form tells the person what to correct.
 */
public class IdentityNumberValidator implements ConstraintValidator<ValidIdentityNumber, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null || value.isBlank()) {
            return true;
        }
        try {
            IdentityNumber.parse(value);
            return true;
        } catch (InvalidIdentityNumberException ex) {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("{" + ex.messageKey() + "}").addConstraintViolation();
            return false;
        }
    }

}
