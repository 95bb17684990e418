package org.receivables.invoicing.einvoice.out;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.mustangproject.BankDetails;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.LegalOrganisation;
import org.mustangproject.Product;
import org.mustangproject.SchemedID;
import org.mustangproject.TradeParty;
import org.receivables.invoicing.customer.Customer;
import org.receivables.invoicing.einvoice.EInvoiceConfig.Seller;
import org.receivables.invoicing.invoice.InvoiceLine;

/**
 * Maps one of our invoices to Mustang's model of an EN 16931 invoice, from which the library writes
 * the CII. The seller comes from the tenant's configuration, the buyer from the customer; lines
 * keep their own quantity, price and rate, so that the amounts the library sums are the ones we
 * hold (line net = quantity × price rounded, VAT rounded once per rate: the same EN 16931
 * arithmetic).
 */
public final class CiiMapping {

  /** UN/ECE Rec 20 "one": our lines carry no unit. */
  static final String UNIT = "C62";

  /**
   * Standard rate (S) for a positive rate, zero-rated (Z) for 0 %: the only categories we issue.
   */
  static final String STANDARD = "S";

  static final String ZERO_RATED = "Z";

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
            .setPaymentTermDescription("Due on " + invoice.dueDate)
            .setCurrency(invoice.currency)
            .setSender(sender(seller))
            .setRecipient(recipient(customer));
    if (invoice.paymentReference != null) {
      out.setPaymentReference(invoice.paymentReference);
    }
    for (InvoiceLine line : invoice.lines) {
      out.addItem(item(line));
    }
    return out;
  }

  static TradeParty sender(Seller seller) {
    TradeParty party = new TradeParty().setName(seller.name()).setCountry(seller.country());
    seller.street().ifPresent(party::setStreet);
    seller.postcode().ifPresent(party::setZIP);
    seller.city().ifPresent(party::setLocation);
    party.setVATID(seller.vatId());
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
    BigDecimal rate = line.vatRate;
    Product product =
        new Product(line.description, null, UNIT, rate)
            .setTaxCategoryCode(rate.signum() == 0 ? ZERO_RATED : STANDARD);
    return new Item(product, price, quantity);
  }

  private static Date date(LocalDate day) {
    // Mustang formats dates in the JVM's zone: midnight there is that same day
    return day == null ? null : Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
  }
}
