package cn.hardshiprelief.enrollment.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** A reviewer's decision: approve, reject or return; a comment is required to reject or return. */
public record DecisionRequest(
        @Schema(allowableValues = {"approve", "reject", "return"}, requiredMode = Schema.RequiredMode.REQUIRED)
        String decision,
        @Schema(maxLength = 1000) String comment) {
}
