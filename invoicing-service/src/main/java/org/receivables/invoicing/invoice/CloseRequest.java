package org.receivables.invoicing.invoice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why and when an invoice is cancelled or written off. */
@Schema(name = "CloseRequest", description = "Cancellation or write-off of an invoice")
public record CloseRequest(
    @Schema(description = "Why", example = "Customer in liquidation, claim not recoverable")
        @NotBlank
        @Size(max = 500)
        String reason,
    @Schema(
            description = "Effective day; today in the tenant's zone when absent",
            example = "2026-12-15")
        LocalDate on) {}
