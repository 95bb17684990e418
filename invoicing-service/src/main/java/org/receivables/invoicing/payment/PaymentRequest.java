package org.receivables.invoicing.payment;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A payment received for one invoice. */
@Schema(name = "PaymentRequest", description = "Money received for one invoice")
public record PaymentRequest(
    @Schema(
            description =
                "Amount received, in the invoice's currency; at most the outstanding amount",
            example = "1176.00")
        @NotNull
        @DecimalMin(value = "0", inclusive = false)
        @Digits(integer = 15, fraction = 4)
        BigDecimal amount,
    @Schema(description = "Value date of the payment; not in the future", example = "2026-12-01")
        @NotNull
        LocalDate receivedOn,
    @Schema(description = "Bank reference of the transfer", example = "VIR-2026-12-01-0042")
        @Size(max = 140)
        String reference) {}
