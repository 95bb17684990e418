package org.receivables.invoicing.cash.match;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The one tenant's open invoices the matcher may look at. Every lookup is bounded and indexed, so
 * that a statement of thousands of entries against a book of millions stays a few queries each.
 */
public interface Book {

  /** Open invoices whose payment reference is one of {@code references}. */
  List<OpenInvoice> byReferences(Collection<String> references, LocalDate on);

  /** Most invoices one transfer's numbers may name: a text of common digits names no invoice. */
  int NUMBER_LIMIT = 50;

  /** Open invoices whose number, reduced to letters and digits or to digits, is among the keys. */
  default List<OpenInvoice> byNumberKeys(
      Collection<String> alnumKeys, Collection<String> digitKeys, LocalDate on) {
    return byNumberKeys(alnumKeys, digitKeys, on, NUMBER_LIMIT);
  }

  /** {@link #byNumberKeys(Collection, Collection, LocalDate)}, at most {@code limit}. */
  List<OpenInvoice> byNumberKeys(
      Collection<String> alnumKeys, Collection<String> digitKeys, LocalDate on, int limit);

  /** A customer's open invoices in {@code currency}, oldest due first, at most {@code limit}. */
  List<OpenInvoice> openOf(UUID customerId, String currency, LocalDate on, int limit);

  /** Open invoices whose outstanding lies in [low, high], at most {@code limit}. */
  List<OpenInvoice> withOutstanding(
      BigDecimal low, BigDecimal high, String currency, LocalDate on, int limit);

  /** Customers whose invoices this IBAN paid in confirmed matches. */
  Set<UUID> customersPaidFrom(String iban);

  /** {@link #customersPaidFrom(String)} for several (normalised) IBANs at once. */
  default Map<String, Set<UUID>> customersPaidFrom(Collection<String> ibans) {
    Map<String, Set<UUID>> out = new HashMap<>();
    ibans.forEach(i -> out.put(i, customersPaidFrom(i)));
    return out;
  }
}
