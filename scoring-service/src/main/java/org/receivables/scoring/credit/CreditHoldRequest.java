package org.receivables.scoring.credit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A credit manager places or releases a credit hold. */
@Schema(name = "CreditHoldRequest")
public record CreditHoldRequest(
    @Schema(description = "true places the hold, false releases it") @NotNull Boolean onHold,
    @Schema(example = "Payment plan agreed and first instalment received")
        @NotBlank
        @Size(max = 500)
        String reason) {}
