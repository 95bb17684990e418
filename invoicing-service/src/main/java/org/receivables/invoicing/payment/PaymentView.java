package org.receivables.invoicing.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.receivables.invoicing.invoice.Invoice;
import org.receivables.invoicing.invoice.InvoiceStatus;
import org.receivables.kit.money.Money;

/** A payment and where it went, with each invoice's figures after it. */
@Schema(name = "Payment")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentView(
    UUID id,
    UUID customerId,
    @Schema(example = "EUR") String currency,
    @Schema(example = "1176.00") BigDecimal amount,
    @Schema(example = "2026-12-01") LocalDate receivedOn,
    @Schema(example = "VIR-2026-12-01-0042") String reference,
    @Schema(description = "REVERSED once the transfer bounced") Payment.Status status,
    LocalDate reversedOn,
    String reversalReason,
    List<AllocationView> allocations) {

  /** The part applied to one invoice. */
  @Schema(name = "PaymentAllocation")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AllocationView(
      UUID invoiceId,
      @Schema(description = "Amount applied", example = "1176.00") BigDecimal amount,
      @Schema(description = "Early-payment discount this payment earned", example = "24.00")
          BigDecimal discountGranted,
      @Schema(description = "The invoice's status now") InvoiceStatus invoiceStatus,
      @Schema(description = "What the invoice still owes now", example = "0.00")
          BigDecimal outstanding) {}

  static PaymentView of(Payment p, Map<UUID, Invoice> invoices) {
    String cur = p.currency;
    return new PaymentView(
        p.id,
        p.customerId,
        cur,
        Money.round(p.amount, cur),
        p.receivedOn,
        p.reference,
        p.status,
        p.reversedOn,
        p.reversalReason,
        p.allocations.stream()
            .map(
                a -> {
                  Invoice i = invoices.get(a.invoiceId);
                  return new AllocationView(
                      a.invoiceId,
                      Money.round(a.amount, cur),
                      Money.round(a.discountGranted, cur),
                      i == null ? null : i.status,
                      i == null ? null : Money.round(i.outstanding(), cur));
                })
            .toList());
  }
}
