package org.receivables.invoicing.einvoice.out;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.mustangproject.BankDetails;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.LegalOrganisation;
import org.mustangproject.Product;
import org.mustangproject.SchemedID;
import org.mustangproject.TradeParty;
import org.receivables.invoicing.creditnote.CreditNote;
import org.receivables.invoicing.customer.Customer;
import org.receivables.invoicing.einvoice.EInvoiceConfig.Seller;
import org.receivables.invoicing.invoice.InvoiceLine;
import org.receivables.invoicing.invoice.VatCategory;

/**
 * Maps one of our invoices to Mustang's model of an EN 16931 invoice, from which the library writes
 * the CII. The seller comes from the tenant's configuration, the buyer from the customer; lines
 * keep their own quantity, price and rate, so that the amounts the library sums are the ones we
 * hold (line net = quantity × price rounded, VAT rounded once per rate: the same EN 16931
 * arithmetic). A credit note is the same document with type code 381, naming the invoice it credits
 * (BT-25), its lines from {@link CreditNoteLines}.
 */
public final class CiiMapping {

  /** UN/ECE Rec 20 "one": our lines carry no unit. */
  static final String UNIT = "C62";

  /** UNTDID 4461: SEPA credit transfer. */
  static final String SEPA_TRANSFER = "58";

  /** UNTDID 4461: credit transfer, when the seller has no IBAN configured. */
  static final String CREDIT_TRANSFER = "30";

  private CiiMapping() {}

  public static Invoice of(
      org.receivables.invoicing.invoice.Invoice invoice, Customer customer, Seller seller) {
    Invoice out =
        new Invoice()
            .setNumber(invoice.number)
            .setIssueDate(date(invoice.issueDate))
            .setDeliveryDate(date(invoice.issueDate))
            .setDueDate(date(invoice.dueDate))
            .setPaymentTermDescription(paymentTerms(invoice))
            .setCurrency(invoice.currency);
    parties(out, invoice, customer, seller, categories(invoice));
    if (invoice.paymentReference != null) {
      out.setPaymentReference(invoice.paymentReference);
    }
    for (InvoiceLine line : invoice.lines) {
      out.addItem(item(line));
    }
    return out;
  }

  /**
   * BT-20, the payment terms as text: the due date, and the early-payment discount when the invoice
   * grants one (EN 16931 has no structured element for it; the text is where the norm puts it).
   */
  static String paymentTerms(org.receivables.invoicing.invoice.Invoice invoice) {
    String terms = "Due on " + invoice.dueDate;
    if (invoice.discountPercent == null || invoice.discountDeadline == null) {
      return terms;
    }
    return terms
        + ". Early payment discount: "
        + invoice.discountPercent.stripTrailingZeros().toPlainString()
        + " % of the amount due if paid by "
        + invoice.discountDeadline;
  }

  /** A credit note of {@code invoice} as an EN 16931 credit note (type code 381). */
  public static Invoice creditNote(
      CreditNote note,
      org.receivables.invoicing.invoice.Invoice invoice,
      Customer customer,
      Seller seller) {
    CreditNoteLines.Split split = CreditNoteLines.of(invoice.lines, note.amount, invoice.currency);
    Rounded out = new Rounded(split.rounding());
    out.setCreditNote()
        .setNumber(note.number)
        .setIssueDate(date(note.issuedOn))
        .setDeliveryDate(date(invoice.issueDate))
        .setInvoiceReferencedDocumentID(invoice.number)
        .setInvoiceReferencedIssueDate(date(invoice.issueDate))
        .setPaymentTermDescription(
            "Credited against invoice " + invoice.number + ": deducted from what it owes")
        .setCurrency(invoice.currency);
    if (note.reason != null && !note.reason.isBlank()) {
      out.addNote(note.reason);
    }
    parties(
        out,
        invoice,
        customer,
        seller,
        split.lines().stream().map(CreditNoteLines.Line::category).toList());
    for (CreditNoteLines.Line line : split.lines()) {
      out.addItem(
          new Item(
              product(
                  "Credit on invoice " + invoice.number,
                  line.category(),
                  line.vatRate(),
                  line.exemptionReason()),
              line.net(),
              BigDecimal.ONE));
    }
    return out;
  }

  /** A document whose amount due differs from its grand total by a rounding amount (BT-114). */
  static final class Rounded extends Invoice {
    private final BigDecimal rounding;

    Rounded(BigDecimal rounding) {
      this.rounding = rounding;
    }

    @Override
    public BigDecimal getRoundingAmount() {
      return rounding.signum() == 0 ? null : rounding;
    }
  }

  private static List<VatCategory> categories(org.receivables.invoicing.invoice.Invoice invoice) {
    return invoice.lines.stream().map(InvoiceLine::category).toList();
  }

  /**
   * Seller and buyer, with what the categories need: no VAT identifiers when nothing is subject to
   * VAT (BR-O-02), the buyer's VAT id (BT-48) or legal id for reverse charge (BR-AE-02), the
   * deliver-to country for an intra-EU supply (BR-IC-12).
   */
  private static void parties(
      Invoice out,
      org.receivables.invoicing.invoice.Invoice invoice,
      Customer customer,
      Seller seller,
      List<VatCategory> categories) {
    boolean outOfScope = categories.contains(VatCategory.O);
    out.setSender(sender(seller, !outOfScope));
    TradeParty buyer = recipient(customer);
    if (invoice.buyerVatId != null && !outOfScope) {
      buyer.setVATID(invoice.buyerVatId);
    }
    if (categories.contains(VatCategory.AE)
        && invoice.buyerVatId == null
        && customer.legalId != null) {
      buyer.setLegalOrganisation(
          new LegalOrganisation().setSchemedID(new SchemedID().setId(customer.legalId)));
    }
    out.setRecipient(buyer);
    if (categories.contains(VatCategory.K)) {
      out.setDeliveryAddress(
          new TradeParty().setName(buyer.getName()).setCountry(customer.country));
    }
  }

  static TradeParty sender(Seller seller) {
    return sender(seller, true);
  }

  static TradeParty sender(Seller seller, boolean withVatId) {
    TradeParty party = new TradeParty().setName(seller.name()).setCountry(seller.country());
    seller.street().ifPresent(party::setStreet);
    seller.postcode().ifPresent(party::setZIP);
    seller.city().ifPresent(party::setLocation);
    if (withVatId) {
      party.setVATID(seller.vatId());
    }
    seller
        .legalId()
        .ifPresent(
            id ->
                party.setLegalOrganisation(
                    new LegalOrganisation()
                        .setSchemedID(
                            new SchemedID().setScheme(seller.legalIdScheme()).setId(id))));
    BankDetails bank =
        seller
            .iban()
            .map(iban -> new BankDetails(iban).setPaymentMeansCode(SEPA_TRANSFER))
            .orElse(null);
    if (bank != null) {
      seller.bic().ifPresent(bank::setBIC);
      party.addBankDetails(bank);
    }
    return party;
  }

  static TradeParty recipient(Customer customer) {
    // a customer whose personal data was erased keeps only its reference
    String name =
        customer.name == null || customer.name.isBlank()
            ? "Customer " + customer.externalRef
            : customer.name;
    TradeParty party = new TradeParty().setName(name).setCountry(customer.country);
    if (customer.externalRef != null) {
      party.setID(customer.externalRef);
    }
    return party;
  }

  /**
   * A line as an item. EN 16931 forbids a negative price (BR-27): a negative line (an allowance
   * taken in as a line) keeps its amount with the sign moved to the quantity.
   */
  static Item item(InvoiceLine line) {
    BigDecimal price = line.unitPrice;
    BigDecimal quantity = line.quantity;
    if (price.signum() < 0) {
      price = price.negate();
      quantity = quantity.negate();
    }
    return new Item(
        product(line.description, line.category(), line.vatRate, line.vatExemptionReason),
        price,
        quantity);
  }

  /** A product with its VAT category and, for an exempt one, the reason (BT-120, BT-121). */
  static Product product(String name, VatCategory category, BigDecimal rate, String reason) {
    Product product = new Product(name, null, UNIT, rate).setTaxCategoryCode(category.name());
    if (category.exempt()) {
      product.setTaxExemptionReason(category.reason(reason));
      category.reasonCode().ifPresent(product::setTaxExemptionReasonCode);
    }
    return product;
  }

  private static Date date(LocalDate day) {
    // Mustang formats dates in the JVM's zone: midnight there is that same day
    return day == null ? null : Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
  }
}
