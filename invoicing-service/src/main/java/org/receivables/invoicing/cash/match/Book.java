package org.receivables.invoicing.cash.match;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The one tenant's open invoices the matcher may look at. Every lookup is bounded and indexed, so
 * that a statement of thousands of entries against a book of millions stays a few queries each.
 */
public interface Book {

  /** Open invoices whose payment reference is one of {@code references}. */
  List<OpenInvoice> byReferences(Collection<String> references, LocalDate on);

  /** Open invoices whose number, reduced to letters and digits or to digits, is among the keys. */
  List<OpenInvoice> byNumberKeys(
      Collection<String> alnumKeys, Collection<String> digitKeys, LocalDate on);

  /** A customer's open invoices in {@code currency}, oldest due first, at most {@code limit}. */
  List<OpenInvoice> openOf(UUID customerId, String currency, LocalDate on, int limit);

  /** Open invoices whose outstanding lies in [low, high], at most {@code limit}. */
  List<OpenInvoice> withOutstanding(
      BigDecimal low, BigDecimal high, String currency, LocalDate on, int limit);

  /** Customers whose invoices this IBAN paid in confirmed matches. */
  Set<UUID> customersPaidFrom(String iban);
}
