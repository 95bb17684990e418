package org.receivables.invoicing.einvoice;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
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
    @Schema(description = "The credit note; for CREDIT_NOTE") CreditNoteView creditNote,
    @Schema(description = "The document's own EN 16931 terms") DocumentFacts document,
    @Schema(description = "Warnings of the EN 16931 rules and of the ledger (e.g. legal terms)")
        List<Warning> warnings) {

  /** A rule flagged as a warning: the document is accepted. */
  @Schema(name = "EInvoiceWarning")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Warning(
      @Schema(description = "Rule id, e.g. BR-CL-23, or SUITE-TERMS") String rule,
      String message,
      @Schema(description = "XPath or business term", nullable = true) String location) {}
}
