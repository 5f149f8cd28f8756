package cn.hardshiprelief.notification;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The person's e-mail for notifications: the address (may be blank) and whether to send there (needs one). The
 * checkbox is bound as its text and checked here, so a value no checkbox sends is a message beside it, not a form
 * that could not be built.
 */
public record EmailPreferenceForm(@Email(message = "{notification.settings.emailInvalid}")
                                  @Size(max = 100, message = "{notification.settings.emailTooLong}") String email,
                                  @Pattern(regexp = "true|false", message = "{notification.settings.byEmailInvalid}")
                                  String byEmail) {

    public static EmailPreferenceForm of(String email, boolean byEmail) {
        return new EmailPreferenceForm(email, String.valueOf(byEmail));
    }

    public boolean sendsEmail() {
        return "true".equals(byEmail);
    }

    @AssertTrue(message = "{notification.settings.emailRequired}")
    public boolean isAddressGivenForEmail() {
        return !sendsEmail() || (email != null && !email.isBlank());
    }
}
