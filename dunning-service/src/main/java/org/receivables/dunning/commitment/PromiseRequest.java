package org.receivables.dunning.commitment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer's promise to pay, as a collector records it. */
@Schema(name = "PromiseRequest")
public record PromiseRequest(
    @Schema(required = true) String customerId,
    @Schema(required = true, description = "Open invoices of that customer the promise covers")
        List<String> invoiceIds,
    @Schema(required = true, example = "1200.00") BigDecimal amount,
    @Schema(required = true, example = "2026-07-15") LocalDate promisedFor,
    @Schema(description = "Day the promise was made; today when absent", example = "2026-07-01")
        LocalDate madeOn,
    @Schema(
            description = "Days of tolerance after promisedFor; the service default when absent",
            example = "3")
        Integer graceDays,
    @Schema(example = "CFO promised on the phone") String note) {}
