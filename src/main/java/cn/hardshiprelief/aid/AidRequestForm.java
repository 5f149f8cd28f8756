package cn.hardshiprelief.aid;

import cn.hardshiprelief.vocabulary.SchoolingStage;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * An aid request as typed: for a household on file ({@code fileId}), or for a worker not on file
 * ({@code workerUsername}, emergency aid only). {@code basis} is the bill, ticket or amount asked for by
 * the kinds whose amount follows one; {@code studentMemberId} is the 金秋助学 student, a member of the household
 * file chosen on the form (never a typed name); {@code requestToken} makes a double submission create one grant.
 */
public record AidRequestForm(
        Long fileId,
        @Size(max = 64) String workerUsername,
        @NotNull AidKind kind,
        SchoolingStage stage,
        Long studentMemberId,
        @DecimalMin(value = "0.01", message = "{aid.basis.positive}")
        @Digits(integer = 9, fraction = 2, message = "{aid.basis.digits}") BigDecimal basis,
        Long fundId,
        @NotBlank @Size(max = 500) String reason,
        @Pattern(regexp = "^$|^[0-9]{12,30}$", message = "{aid.payeeAccount.pattern}") String payeeAccount,
        @Size(max = 100) String payeeBank,
        @Size(max = 64) String requestToken) {
}
