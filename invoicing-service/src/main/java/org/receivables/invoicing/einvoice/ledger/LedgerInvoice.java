package org.receivables.invoicing.einvoice.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.receivables.invoicing.customer.Customer;
import org.receivables.invoicing.einvoice.EInvoiceRejection;
import org.receivables.invoicing.einvoice.read.EDocument;
import org.receivables.invoicing.invoice.Invoice;
import org.receivables.invoicing.invoice.InvoiceLine;
import org.receivables.invoicing.invoice.InvoiceStatus;
import org.receivables.invoicing.invoice.LegalTermsCap;
import org.receivables.invoicing.invoice.VatCategory;
import org.receivables.kit.money.Money;

/**
 * Builds the ledger invoice of a valid EN 16931 invoice without recomputing any figure: totals are
 * BT-109, BT-110 and BT-112; what is already paid is BT-112 − BT-115 (the prepaid amount BT-113 net
 * of the rounding BT-114), so that the outstanding amount is exactly BT-115; the due date is BT-9,
 * else the customer's terms. Amounts with more decimals than the currency has are refused
 * (SUITE-CUR-1) rather than rounded.
 */
public final class LedgerInvoice {

  private LedgerInvoice() {}

  public static Invoice of(String tenantId, Customer customer, EDocument d, Instant now) {
    String currency = d.currency();
    if (Money.currency(currency).isEmpty()) {
      throw EInvoiceRejection.rule(
          "SUITE-CUR-2", "'" + currency + "' is not an ISO 4217 currency the ledger knows", "BT-5");
    }
    EDocument.Totals t = d.totals();
    BigDecimal taxTotal = t.taxTotal() == null ? BigDecimal.ZERO : t.taxTotal();
    requireMinorUnits(currency, "BT-109", t.taxExclusive());
    requireMinorUnits(currency, "BT-110", taxTotal);
    requireMinorUnits(currency, "BT-112", t.taxInclusive());
    requireMinorUnits(currency, "BT-115", t.payable());
    List<LedgerLines.Line> lines = LedgerLines.of(d);
    for (LedgerLines.Line line : lines) {
      requireMinorUnits(currency, "BT-131", line.netAmount());
    }
    LocalDate due =
        d.dueDate() != null ? d.dueDate() : customer.paymentTerms().dueDate(d.issueDate());
    if (due.isBefore(d.issueDate())) {
      throw EInvoiceRejection.rule(
          "SUITE-DUE-1",
          "the due date " + due + " is before the issue date " + d.issueDate(),
          "BT-9");
    }
    Invoice invoice = new Invoice();
    invoice.id = UUID.randomUUID();
    invoice.tenantId = tenantId;
    invoice.customerId = customer.id;
    invoice.number = d.number();
    invoice.issueDate = d.issueDate();
    invoice.dueDate = due;
    invoice.currency = currency;
    invoice.totalExclTax = t.taxExclusive();
    invoice.totalTax = taxTotal;
    invoice.totalInclTax = t.taxInclusive();
    invoice.amountPaid = t.taxInclusive().subtract(t.payable());
    invoice.discountGranted = BigDecimal.ZERO;
    invoice.amountCredited = BigDecimal.ZERO;
    invoice.amountWrittenOff = BigDecimal.ZERO;
    invoice.status = InvoiceStatus.OPEN;
    invoice.settle();
    invoice.termsWarning = LegalTermsCap.check(d.issueDate(), due).orElse(null);
    invoice.createdAt = now;
    invoice.buyerVatId = d.buyer() == null ? null : d.buyer().vatId();
    List<VatCategory> categories = LedgerLines.categories(d);
    for (int n = 0; n < lines.size(); n++) {
      LedgerLines.Line l = lines.get(n);
      InvoiceLine line = new InvoiceLine();
      line.key = new InvoiceLine.Key(invoice.id, n + 1);
      line.lineNo = n + 1;
      line.invoice = invoice;
      line.description = l.description();
      line.quantity = l.quantity();
      line.unitPrice = l.unitPrice();
      line.vatRate = l.vatRate();
      line.netAmount = l.netAmount();
      VatCategory category = categories.get(n);
      if (category != null) {
        line.vatCategory = category.name();
        line.vatExemptionReason =
            category.exempt() ? LedgerLines.exemptionReason(d, category) : null;
      }
      invoice.lines.add(line);
    }
    return invoice;
  }

  public static void requireMinorUnitsOf(String currency, String term, BigDecimal amount) {
    requireMinorUnits(currency, term, amount);
  }

  static void requireMinorUnits(String currency, String term, BigDecimal amount) {
    if (amount != null && !Money.fitsMinorUnits(amount, currency)) {
      throw EInvoiceRejection.rule(
          "SUITE-CUR-1",
          amount.toPlainString()
              + " has more decimals than "
              + currency
              + " has ("
              + Money.decimals(currency)
              + "); the ledger does not round a document's amounts",
          term);
    }
  }
}
