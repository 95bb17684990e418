package org.receivables.invoicing.einvoice.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.receivables.invoicing.customer.Customer;
import org.receivables.invoicing.customer.CustomerRequest;
import org.receivables.invoicing.customer.CustomerService;
import org.receivables.invoicing.einvoice.EInvoiceRejection;
import org.receivables.invoicing.einvoice.read.EDocument;

/**
 * Finds the customer a document's buyer (BG-7) is: by legal registration id (BT-47), then by VAT id
 * (BT-48) or buyer id (BT-46) as the customer's {@code externalRef}. An unknown buyer is registered
 * through the customer service (so its event is published) with that identifier as {@code
 * externalRef}.
 */
@ApplicationScoped
public class BuyerMatcher {

  /** Advisory lock namespace of buyer registrations (EInvoiceService's documents use another). */
  public static final int LOCK_NAMESPACE = 1_400_015;

  @Inject CustomerService customers;

  /**
   * The key of the advisory lock (namespace {@link #LOCK_NAMESPACE}) under which the document's
   * buyer is matched or registered; empty when the buyer has no identifier (then it cannot be
   * registered, so there is nothing to serialise). Two documents of one new buyer arriving at once
   * (different numbers, so not serialised by the document's own lock) queue on it: the second finds
   * the customer the first registered instead of colliding with it on its {@code externalRef}
   * (409). The caller takes it together with the document's lock, in one statement.
   */
  public static Optional<String> lockKey(String tenantId, EDocument document) {
    EDocument.Party buyer = document.buyer();
    List<String> ids = identifiers(buyer);
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(tenantId + '\n' + (buyer.legalId() != null ? buyer.legalId() : ids.get(0)));
  }

  /**
   * The customer the buyer is, registered if unknown. The caller holds the lock of {@link #lockKey}
   * for this transaction.
   */
  public Customer match(String tenantId, EDocument document) {
    return find(tenantId, document.buyer()).orElseGet(() -> register(tenantId, document));
  }

  /**
   * The customer the buyer already is, in one read of every customer any of its identifiers names
   * (one round trip where trying them in turn took up to four); {@link #choose} picks as before.
   */
  Optional<Customer> find(String tenantId, EDocument.Party buyer) {
    List<String> refs = identifiers(buyer);
    if (refs.isEmpty()) {
      return Optional.empty();
    }
    List<Customer> candidates =
        buyer.legalId() == null
            ? Customer.list(
                "tenantId = ?1 and externalRef in ?2 order by createdAt, id", tenantId, refs)
            : Customer.list(
                "tenantId = ?1 and (legalId = ?2 or externalRef in ?3) order by createdAt, id",
                tenantId,
                buyer.legalId(),
                refs);
    return choose(buyer, candidates);
  }

  /**
   * Which of the customers the buyer's identifiers name it is: the oldest with its legal
   * registration id (BT-47), else the one whose {@code externalRef} is its first identifier in
   * {@link #identifiers} order.
   *
   * @param candidates oldest first
   */
  static Optional<Customer> choose(EDocument.Party buyer, List<Customer> candidates) {
    if (buyer.legalId() != null) {
      for (Customer c : candidates) {
        if (buyer.legalId().equals(c.legalId)) {
          return Optional.of(c);
        }
      }
    }
    for (String ref : identifiers(buyer)) {
      for (Customer c : candidates) {
        if (ref.equals(c.externalRef)) {
          return Optional.of(c);
        }
      }
    }
    return Optional.empty();
  }

  /** The buyer's identifiers in the order they are tried: VAT id, buyer id, legal id. */
  static List<String> identifiers(EDocument.Party buyer) {
    return java.util.stream.Stream.of(buyer.vatId(), buyer.id(), buyer.legalId())
        .filter(java.util.Objects::nonNull)
        .distinct()
        .toList();
  }

  private Customer register(String tenantId, EDocument document) {
    EDocument.Party buyer = document.buyer();
    List<String> ids = identifiers(buyer);
    if (ids.isEmpty()) {
      throw EInvoiceRejection.rule(
          "SUITE-BUYER-1",
          "the buyer has no legal id (BT-47), VAT id (BT-48) or id (BT-46) to match or register"
              + " a customer with",
          "BG-7");
    }
    String country = buyer.country() == null ? "FR" : buyer.country().toUpperCase(Locale.ROOT);
    CustomerRequest request =
        new CustomerRequest(
            cut(ids.get(0), 100),
            cut(buyer.name() == null ? ids.get(0) : buyer.name(), 200),
            buyer.legalId() == null ? null : cut(buyer.legalId(), 50),
            country,
            document.currency(),
            "FR".equals(country) ? "fr" : "en",
            buyer.email() != null && buyer.email().contains("@") ? cut(buyer.email(), 254) : null,
            null,
            new CustomerRequest.PaymentTermsRequest(
                termsDays(document.issueDate(), document.dueDate()), false, null, null, null),
            null,
            false);
    return customers.register(tenantId, request);
  }

  /** The document's own term when it states a due date, else 30 days. */
  static int termsDays(LocalDate issued, LocalDate due) {
    if (issued == null || due == null) {
      return 30;
    }
    long days = ChronoUnit.DAYS.between(issued, due);
    return (int) Math.max(0, Math.min(365, days));
  }

  private static String cut(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }
}
