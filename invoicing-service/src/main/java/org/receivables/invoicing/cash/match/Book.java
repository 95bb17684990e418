package org.receivables.invoicing.cash.match;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The one tenant's open invoices the matcher may look at. Every lookup is bounded and indexed, so
 * that a statement of thousands of entries against a book of millions stays a few queries each.
 * Every list comes in the book's order ({@link #ORDER}: due date, then number) and a limit keeps
 * its first invoices, so that the same question always gets the same answer, asked alone or as part
 * of a batch ({@link BatchBook}).
 */
public interface Book {

  /** The order of every answer. */
  Comparator<OpenInvoice> ORDER =
      Comparator.comparing(OpenInvoice::dueDate).thenComparing(OpenInvoice::number);

  /** A customer's open invoices in one currency, as {@link #openOf} asks for them. */
  record Owner(UUID customerId, String currency) {}

  /** Invoices owing between {@code low} and {@code high}, as {@link #withOutstanding} asks. */
  record Range(BigDecimal low, BigDecimal high, String currency) {
    public Range {
      // 100.0 and 100.00 are one question
      low = low.stripTrailingZeros();
      high = high.stripTrailingZeros();
    }
  }

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

  /** {@link #openOf} for several customers at once: each answer as it would be alone. */
  default Map<Owner, List<OpenInvoice>> openOfAll(
      Collection<Owner> owners, LocalDate on, int limit) {
    Map<Owner, List<OpenInvoice>> out = new HashMap<>();
    owners.forEach(o -> out.put(o, openOf(o.customerId(), o.currency(), on, limit)));
    return out;
  }

  /** Open invoices whose outstanding lies in [low, high], at most {@code limit}. */
  List<OpenInvoice> withOutstanding(
      BigDecimal low, BigDecimal high, String currency, LocalDate on, int limit);

  /** {@link #withOutstanding} for several ranges at once: each answer as it would be alone. */
  default Map<Range, List<OpenInvoice>> withOutstandingAll(
      Collection<Range> ranges, LocalDate on, int limit) {
    Map<Range, List<OpenInvoice>> out = new HashMap<>();
    ranges.forEach(r -> out.put(r, withOutstanding(r.low(), r.high(), r.currency(), on, limit)));
    return out;
  }

  /** Customers whose invoices this IBAN paid in confirmed matches. */
  Set<UUID> customersPaidFrom(String iban);

  /** {@link #customersPaidFrom(String)} for several (normalised) IBANs at once. */
  default Map<String, Set<UUID>> customersPaidFrom(Collection<String> ibans) {
    Map<String, Set<UUID>> out = new HashMap<>();
    ibans.forEach(i -> out.put(i, customersPaidFrom(i)));
    return out;
  }
}
