package org.receivables.invoicing.einvoice.lifecycle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A status a platform reported for one of our invoices. */
@Schema(name = "LifecycleStatusRequest")
public record LifecycleStatusRequest(
    @Schema(
            description =
                "The status, by name (REFUSED) or by the reform's code (210). PAID (212) is the"
                    + " ledger's own and refused here",
            example = "REFUSED")
        @NotBlank
        @Size(max = 40)
        String status,
    @Schema(description = "Day the platform gave it; today when absent", example = "2026-12-05")
        LocalDate occurredOn,
    @Schema(
            description = "The platform's reason (required for REFUSED and IN_DISPUTE)",
            example = "Goods not delivered")
        @Size(max = 1000)
        String reason) {}
