package org.receivables.invoicing.einvoice;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.receivables.invoicing.creditnote.CreditNoteView;
import org.receivables.invoicing.invoice.InvoiceView;

/** What a received e-invoice became: an invoice or a credit note, with the document's terms. */
@Schema(name = "EInvoiceResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EInvoiceView(
    @Schema(
            description = "What the document became",
            enumeration = {"INVOICE", "CREDIT_NOTE"})
        String kind,
    @Schema(description = "The invoice (same resource as GET /api/v1/invoices/{id}); for INVOICE")
        InvoiceView invoice,
    @Schema(description = "The credit note; for a CREDIT_NOTE naming a known invoice")
        CreditNoteView creditNote,
    @Schema(
            description =
                "The credit left on the buyer's account; for a CREDIT_NOTE naming no known"
                    + " invoice (BT-25)")
        AccountCredit accountCredit,
    @Schema(description = "The document's own EN 16931 terms") DocumentFacts document,
    @Schema(description = "Warnings of the EN 16931 rules and of the ledger (e.g. legal terms)")
        List<Warning> warnings) {

  /** An unapplied credit on a customer's account, from a credit note naming no known invoice. */
  @Schema(name = "EInvoiceAccountCredit")
  public record AccountCredit(
      UUID id,
      UUID customerId,
      String currency,
      @Schema(description = "BT-115 of the credit note") BigDecimal amount,
      @Schema(description = "What is left to apply to invoices") BigDecimal remaining,
      @Schema(description = "BT-2") LocalDate issuedOn) {}

  /** A rule flagged as a warning: the document is accepted. */
  @Schema(name = "EInvoiceWarning")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Warning(
      @Schema(description = "Rule id, e.g. BR-CL-23, or SUITE-TERMS") String rule,
      String message,
      @Schema(description = "XPath or business term", nullable = true) String location) {}
}
