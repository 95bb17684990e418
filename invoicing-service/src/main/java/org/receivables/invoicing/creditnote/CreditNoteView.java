package org.receivables.invoicing.creditnote;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.receivables.invoicing.invoice.Invoice;
import org.receivables.invoicing.invoice.InvoiceStatus;
import org.receivables.kit.money.Money;

/** A credit note, with the invoice's figures after it when just issued. */
@Schema(name = "CreditNote")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreditNoteView(
    UUID id,
    UUID invoiceId,
    @Schema(example = "AV-2026-0007") String number,
    @Schema(example = "EUR") String currency,
    @Schema(example = "120.00") BigDecimal amount,
    @Schema(example = "2026-12-10") LocalDate issuedOn,
    @Schema(example = "2 boxes delivered damaged") String reason,
    @Schema(description = "The dispute it settles, if any") UUID disputeId,
    @Schema(description = "The invoice's status after it") InvoiceStatus invoiceStatus,
    @Schema(description = "What the invoice owes after it", example = "1080.00")
        BigDecimal outstanding) {

  public static CreditNoteView of(CreditNote c, Invoice invoice, boolean withFigures) {
    String cur = invoice.currency;
    return new CreditNoteView(
        c.id,
        c.invoiceId,
        c.number,
        cur,
        Money.round(c.amount, cur),
        c.issuedOn,
        c.reason,
        c.disputeId,
        withFigures ? invoice.status : null,
        withFigures ? Money.round(invoice.outstanding(), cur) : null);
  }
}
