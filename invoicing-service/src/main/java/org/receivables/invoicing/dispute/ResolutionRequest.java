package org.receivables.invoicing.dispute;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a dispute ends. */
@Schema(name = "DisputeResolutionRequest")
public record ResolutionRequest(
    @Schema(description = "ACCEPTED: the customer was right; REJECTED: back to normal collection")
        @NotNull
        Dispute.Outcome outcome,
    @Schema(
            description =
                "Required when ACCEPTED: CREDIT_NOTE (issue one) or CANCELLATION (cancel the"
                    + " invoice; only without payments)")
        Dispute.Resolution resolution,
    @Schema(
            description = "Number of the credit note; required for CREDIT_NOTE",
            example = "AV-2026-0008")
        @Size(max = 50)
        String creditNoteNumber,
    @Schema(
            description =
                "Credit note amount; defaults to the disputed amount, or to the whole"
                    + " outstanding amount when the dispute named none",
            example = "120.00")
        @DecimalMin(value = "0", inclusive = false)
        @Digits(integer = 15, fraction = 4)
        BigDecimal creditAmount,
    @Schema(description = "Free note on the decision", example = "Photos confirm the damage")
        @Size(max = 1000)
        String note,
    @Schema(description = "Day of the decision; today when absent", example = "2026-12-12")
        LocalDate resolvedOn) {}
