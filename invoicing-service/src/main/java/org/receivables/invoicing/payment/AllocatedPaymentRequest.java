package org.receivables.invoicing.payment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One bank payment spread over several invoices of the same customer. */
@Schema(
    name = "AllocatedPaymentRequest",
    description =
        "One bank payment applied to several invoices of one customer; all allocations are"
            + " applied or none")
public record AllocatedPaymentRequest(
    @Schema(description = "The paying customer; every invoice must be theirs") @NotNull
        UUID customerId,
    @Schema(
            description = "Total received; must equal the sum of the allocations",
            example = "1500.00")
        @NotNull
        @DecimalMin(value = "0", inclusive = false)
        @Digits(integer = 15, fraction = 4)
        BigDecimal amount,
    @Schema(description = "Value date of the payment; not in the future", example = "2026-12-01")
        @NotNull
        LocalDate receivedOn,
    @Schema(description = "Bank reference of the transfer", example = "VIR-2026-12-01-0042")
        @Size(max = 140)
        String reference,
    @Schema(description = "Where the money goes, one entry per invoice")
        @NotEmpty
        @Size(max = 500)
        @Valid
        List<@NotNull @Valid AllocationRequest> allocations) {

  /** The part of the payment applied to one invoice. */
  @Schema(name = "AllocationRequest")
  public record AllocationRequest(
      @Schema(description = "An invoice of the customer") @NotNull UUID invoiceId,
      @Schema(description = "Amount applied to it; at most its outstanding", example = "1000.00")
          @NotNull
          @DecimalMin(value = "0", inclusive = false)
          @Digits(integer = 15, fraction = 4)
          BigDecimal amount) {}
}
