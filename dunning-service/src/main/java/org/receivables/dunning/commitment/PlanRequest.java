package org.receivables.dunning.commitment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agreed payment plan: instalments that add up to what is owed on the invoices. */
@Schema(name = "PaymentPlanRequest")
public record PlanRequest(
    @Schema(required = true) String customerId,
    @Schema(required = true)
        @NotEmpty(message = "must list at least one invoice")
        @Size(max = CommitmentInvoices.MAX_INVOICES, message = "must list at most 200 invoices")
        List<String> invoiceIds,
    @Schema(
            required = true,
            description = "Dated in order; must add up to the invoices' outstanding amount")
        List<Instalment> instalments,
    @Schema(description = "Day the plan was agreed; today when absent") LocalDate agreedOn,
    @Schema(
            description =
                "Days of tolerance after each instalment; the service default when absent")
        @Min(value = 0, message = "must be between 0 and 30")
        @Max(value = 30, message = "must be between 0 and 30")
        Integer graceDays,
    @Schema(
            description =
                "No late-payment interest or indemnity is claimed on these invoices while the plan is kept")
        Boolean waiveFees,
    String note) {}
