package org.receivables.scoring.credit;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A credit manager's override of the recommended limit. */
@Schema(name = "CreditLimitOverride")
public record CreditLimitRequest(
    @Schema(
            nullable = true,
            description =
                "The limit to enforce, in the customer's currency; null clears the override",
            example = "40000.00")
        @PositiveOrZero
        @Digits(integer = 15, fraction = 4)
        BigDecimal creditLimit,
    @Schema(description = "Why, for the audit trail", example = "Bank guarantee of 40,000 received")
        @NotBlank
        @Size(max = 500)
        String reason) {}
