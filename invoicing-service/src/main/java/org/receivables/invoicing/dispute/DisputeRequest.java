package org.receivables.invoicing.dispute;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer disputes an invoice, or part of it. */
@Schema(name = "DisputeRequest")
public record DisputeRequest(
    @Schema(description = "What the customer objects to", example = "Goods delivered damaged")
        @NotBlank
        @Size(max = 1000)
        String reason,
    @Schema(
            description =
                "The disputed part incl. tax, at most the outstanding amount; absent when the"
                    + " whole invoice is disputed",
            example = "120.00")
        @DecimalMin(value = "0", inclusive = false)
        @Digits(integer = 15, fraction = 4)
        BigDecimal amount,
    @Schema(description = "Day it was raised; today when absent", example = "2026-12-05")
        LocalDate openedOn) {}
