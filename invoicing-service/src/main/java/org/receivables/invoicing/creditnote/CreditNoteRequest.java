package org.receivables.invoicing.creditnote;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A credit note the ERP issued against an invoice. */
@Schema(name = "CreditNoteRequest")
public record CreditNoteRequest(
    @Schema(description = "Credit note number, unique per tenant", example = "AV-2026-0007")
        @NotBlank
        @Size(max = 50)
        String number,
    @Schema(
            description = "Amount incl. tax; at most the invoice's outstanding amount",
            example = "120.00")
        @NotNull
        @DecimalMin(value = "0", inclusive = false)
        @Digits(integer = 15, fraction = 4)
        BigDecimal amount,
    @Schema(description = "Issue date; today when absent", example = "2026-12-10")
        LocalDate issuedOn,
    @Schema(description = "Why", example = "2 boxes delivered damaged") @NotBlank @Size(max = 500)
        String reason) {}
