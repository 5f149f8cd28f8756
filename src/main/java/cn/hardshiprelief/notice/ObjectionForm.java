package cn.hardshiprelief.notice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What an objector sends: a reason and a way to reach them. */
public record ObjectionForm(
        @NotBlank(message = "{objection.reason.required}") @Size(min = 5, max = 2000, message = "{objection.reason.size}") String reason,
        @NotBlank(message = "{objection.contact.required}") @Size(max = 100, message = "{objection.contact.size}") String contact) {
}
