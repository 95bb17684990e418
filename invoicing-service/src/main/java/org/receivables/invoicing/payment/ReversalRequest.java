package org.receivables.invoicing.payment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A payment that did not stand: a bounced transfer, a returned direct debit. */
@Schema(name = "PaymentReversalRequest")
public record ReversalRequest(
    @Schema(
            description = "Why the payment is reversed",
            example = "Transfer returned: account closed")
        @NotBlank
        @Size(max = 500)
        String reason,
    @Schema(description = "Day of the reversal; today when absent", example = "2026-12-05")
        LocalDate reversedOn) {}
