package org.receivables.invoicing.einvoice.out;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.receivables.invoicing.creditnote.CreditNote;
import org.receivables.invoicing.customer.Customer;
import org.receivables.invoicing.customer.CustomerService;
import org.receivables.invoicing.einvoice.EInvoiceConfig;
import org.receivables.invoicing.einvoice.EInvoiceConfig.Seller;
import org.receivables.invoicing.invoice.Invoice;
import org.receivables.invoicing.invoice.InvoiceLine;
import org.receivables.invoicing.invoice.InvoiceService;
import org.receivables.kit.problem.ProblemException;

/**
 * Renders an invoice of the ledger as the e-invoice a buyer's platform reads: CII, or Factur-X (the
 * same CII inside a PDF/A-3). Rendered on each request from the ledger's data, which is what the
 * JSON shows too, so the three representations never disagree. Credit notes likewise, as CII, UBL
 * or Factur-X.
 */
@ApplicationScoped
public class EInvoiceExport {

  static final String DEFAULT_SELLER = "default";

  @Inject InvoiceService invoices;
  @Inject CustomerService customers;
  @Inject EInvoiceConfig config;

  /** The invoice as CII D16B (EN 16931). */
  @Transactional
  public byte[] cii(String tenantId, UUID id) {
    Invoice invoice = invoices.get(tenantId, id);
    return CiiWriter.xml(
        CiiMapping.of(invoice, customers.get(tenantId, invoice.customerId), seller(tenantId)));
  }

  /** The invoice as UBL 2.1 (the CII converted, so both state the same terms). */
  @Transactional
  public byte[] ubl(String tenantId, UUID id) {
    return UblWriter.invoice(cii(tenantId, id));
  }

  /** The invoice as a Factur-X PDF/A-3 with its CII attached as factur-x.xml. */
  @Transactional
  public byte[] facturX(String tenantId, UUID id) {
    Invoice invoice = invoices.get(tenantId, id);
    Customer customer = customers.get(tenantId, invoice.customerId);
    Seller seller = seller(tenantId);
    byte[] xml = CiiWriter.xml(CiiMapping.of(invoice, customer, seller));
    return FacturXWriter.pdf("Invoice " + invoice.number, text(invoice, customer, seller), xml);
  }

  /** A credit note of the invoice as CII D16B (type code 381), or UBL 2.1 CreditNote. */
  @Transactional
  public byte[] creditNoteXml(String tenantId, UUID invoiceId, UUID creditNoteId, boolean ubl) {
    byte[] cii = creditNoteCii(tenantId, invoiceId, creditNoteId);
    return ubl ? UblWriter.creditNote(cii) : cii;
  }

  /** A credit note of the invoice as a Factur-X PDF/A-3 with its CII attached. */
  @Transactional
  public byte[] creditNoteFacturX(String tenantId, UUID invoiceId, UUID creditNoteId) {
    Invoice invoice = invoices.get(tenantId, invoiceId);
    CreditNote note = creditNote(tenantId, invoice, creditNoteId);
    Customer customer = customers.get(tenantId, invoice.customerId);
    Seller seller = seller(tenantId);
    byte[] xml = CiiWriter.xml(CiiMapping.creditNote(note, invoice, customer, seller));
    List<String> lines = new ArrayList<>();
    lines.add("Seller: " + seller.name() + ", VAT " + seller.vatId());
    lines.add("Buyer: " + CiiMapping.recipient(customer).getName() + " (" + customer.country + ")");
    lines.add("Issued " + note.issuedOn + ", credits invoice " + invoice.number);
    lines.add("Reason: " + note.reason);
    lines.add("");
    lines.add("Amount credited incl. VAT: " + note.amount.toPlainString() + " " + invoice.currency);
    return FacturXWriter.pdf("Credit note " + note.number, lines, xml);
  }

  private byte[] creditNoteCii(String tenantId, UUID invoiceId, UUID creditNoteId) {
    Invoice invoice = invoices.get(tenantId, invoiceId);
    CreditNote note = creditNote(tenantId, invoice, creditNoteId);
    return CiiWriter.xml(
        CiiMapping.creditNote(
            note, invoice, customers.get(tenantId, invoice.customerId), seller(tenantId)));
  }

  private static CreditNote creditNote(String tenantId, Invoice invoice, UUID creditNoteId) {
    return CreditNote.<CreditNote>find(
            "tenantId = ?1 and invoiceId = ?2 and id = ?3", tenantId, invoice.id, creditNoteId)
        .firstResultOptional()
        .orElseThrow(() -> ProblemException.notFound("Credit note", creditNoteId));
  }

  /** Whether the tenant has a seller to print (its own or the default), so can export at all. */
  public boolean hasSeller(String tenantId) {
    return config.sellers().containsKey(tenantId) || config.sellers().containsKey(DEFAULT_SELLER);
  }

  private Seller seller(String tenantId) {
    Seller seller = config.sellers().get(tenantId);
    if (seller == null) {
      seller = config.sellers().get(DEFAULT_SELLER);
    }
    if (seller == null) {
      throw new ProblemException(
          409,
          "Conflict",
          "This tenant has no seller identity for e-invoices yet"
              + " (invoicing.e-invoice.sellers.<tenant>.*); ask an administrator to configure it");
    }
    return seller;
  }

  /** What the PDF page shows; the attached XML is what machines read. */
  static List<String> text(Invoice invoice, Customer customer, Seller seller) {
    List<String> lines = new ArrayList<>();
    lines.add("Seller: " + seller.name() + ", VAT " + seller.vatId());
    lines.add(
        "    "
            + String.join(
                ", ",
                seller.street().orElse(""),
                seller.postcode().orElse("") + " " + seller.city().orElse(""),
                seller.country()));
    lines.add("Buyer: " + CiiMapping.recipient(customer).getName() + " (" + customer.country + ")");
    lines.add("Issued " + invoice.issueDate + ", due " + invoice.dueDate);
    lines.add("");
    for (InvoiceLine line : invoice.lines) {
      lines.add(
          line.description
              + ": "
              + line.quantity.stripTrailingZeros().toPlainString()
              + " x "
              + line.unitPrice.toPlainString()
              + ", VAT "
              + line.vatRate.stripTrailingZeros().toPlainString()
              + " % = "
              + line.netAmount.toPlainString()
              + " "
              + invoice.currency);
    }
    lines.add("");
    lines.add("Total excl. VAT: " + invoice.totalExclTax.toPlainString() + " " + invoice.currency);
    lines.add("VAT: " + invoice.totalTax.toPlainString() + " " + invoice.currency);
    lines.add("Total incl. VAT: " + invoice.totalInclTax.toPlainString() + " " + invoice.currency);
    if (invoice.paymentReference != null) {
      lines.add("Payment reference: " + invoice.paymentReference);
    }
    seller.iban().ifPresent(iban -> lines.add("IBAN: " + iban));
    return lines;
  }
}
