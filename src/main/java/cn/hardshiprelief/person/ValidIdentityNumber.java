package cn.hardshiprelief.person;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The annotated text must be a valid {@link IdentityNumber}. {@code null} and blank texts are accepted: whether the
 * number is required is for {@code @NotBlank} to say. A rejected number is reported with the message of its
 * {@link InvalidIdentityNumberException.Reason}, e.g. {@code {identityNumber.invalid.checksum}}, not with
 * {@link #message()}.
 */
@Documented
@Constraint(validatedBy = IdentityNumberValidator.class)
@Target({ METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE })
@Retention(RUNTIME)
public @interface ValidIdentityNumber {

    String message() default "{identityNumber.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

}
