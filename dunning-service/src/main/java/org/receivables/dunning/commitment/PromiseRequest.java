package org.receivables.dunning.commitment;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer's promise to pay, as a collector records it. */
@Schema(name = "PromiseRequest")
public record PromiseRequest(
    @Schema(required = true) String customerId,
    @Schema(required = true, description = "Open invoices of that customer the promise covers")
        @NotEmpty(message = "must list at least one invoice")
        @Size(max = CommitmentInvoices.MAX_INVOICES, message = "must list at most 200 invoices")
        List<String> invoiceIds,
    @Schema(required = true, example = "1200.00")
        @NotNull(message = "must be greater than 0")
        @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
        BigDecimal amount,
    @Schema(required = true, example = "2026-07-15") @NotNull(message = "is required")
        LocalDate promisedFor,
    @Schema(description = "Day the promise was made; today when absent", example = "2026-07-01")
        LocalDate madeOn,
    @Schema(
            description = "Days of tolerance after promisedFor; the service default when absent",
            example = "3")
        @Min(value = 0, message = "must be between 0 and 30")
        @Max(value = 30, message = "must be between 0 and 30")
        Integer graceDays,
    @Schema(example = "CFO promised on the phone") String note) {}
