package org.receivables.invoicing.cash;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the cash-application endpoints. */
public final class CashRequests {

  private CashRequests() {}

  /** A collector's decision for an entry. */
  @Schema(name = "BankEntryMatchRequest")
  public record MatchRequest(
      @Schema(
              description =
                  "Invoices the transfer pays; what is left stays on the customer's account")
          @NotNull
          @Size(max = 500)
          List<@NotNull @Valid AllocationRequest> allocations,
      @Schema(
              description =
                  "Whose account keeps what is not allocated; required when nothing is"
                      + " allocated or the invoices are several customers'",
              nullable = true)
          UUID customerId) {}

  /** One invoice and the part of the transfer it gets. */
  @Schema(name = "BankEntryAllocationRequest")
  public record AllocationRequest(
      @NotNull UUID invoiceId,
      @Schema(example = "1200.00")
          @NotNull
          @DecimalMin(value = "0", inclusive = false)
          @Digits(integer = 15, fraction = 4)
          BigDecimal amount) {}

  /** Why an applied entry is undone. */
  @Schema(name = "BankEntryUnmatchRequest")
  public record UnmatchRequest(
      @Schema(example = "Wrong customer: the transfer was for the sister company")
          @NotBlank
          @Size(max = 500)
          String reason) {}

  /** Part of a credit applied to an invoice. */
  @Schema(name = "AccountCreditApplicationRequest")
  public record CreditApplicationRequest(
      @NotNull UUID invoiceId,
      @Schema(example = "50.00")
          @NotNull
          @DecimalMin(value = "0", inclusive = false)
          @Digits(integer = 15, fraction = 4)
          BigDecimal amount) {}
}
