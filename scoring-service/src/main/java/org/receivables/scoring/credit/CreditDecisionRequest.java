package org.receivables.scoring.credit;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An order (or any new credit) an ERP wants to grant a customer. */
@Schema(name = "CreditDecisionRequest")
public record CreditDecisionRequest(
    @Schema(description = "The customer's id in this suite") @NotBlank @Size(max = 100)
        String customerId,
    @Schema(description = "The new credit asked for, incl. tax", example = "800.00")
        @NotNull
        @Positive
        @Digits(integer = 15, fraction = 4)
        BigDecimal amount,
    @Schema(description = "ISO 4217; must be the customer's currency when given", example = "EUR")
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        String currency,
    @Schema(
            description = "The ERP's order reference, kept in the decision log",
            example = "SO-2026-1042")
        @Size(max = 100)
        String reference) {}
