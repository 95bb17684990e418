package org.receivables.dunning.commitment;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agreed payment plan: instalments that add up to what is owed on the invoices. */
@Schema(name = "PaymentPlanRequest")
public record PlanRequest(
    @Schema(required = true) String customerId,
    @Schema(required = true) List<String> invoiceIds,
    @Schema(
            required = true,
            description = "Dated in order; must add up to the invoices' outstanding amount")
        List<Instalment> instalments,
    @Schema(description = "Day the plan was agreed; today when absent") LocalDate agreedOn,
    @Schema(
            description =
                "Days of tolerance after each instalment; the service default when absent")
        Integer graceDays,
    @Schema(
            description =
                "No late-payment interest or indemnity is claimed on these invoices while the plan is kept")
        Boolean waiveFees,
    String note) {}
