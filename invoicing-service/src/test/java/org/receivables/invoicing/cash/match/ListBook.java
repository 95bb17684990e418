package org.receivables.invoicing.cash.match;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.receivables.invoicing.cash.CreditorReference;

/** A book held in a list, answering the matcher's lookups as SqlBook does on the database. */
final class ListBook implements Book {

  final List<OpenInvoice> invoices = new ArrayList<>();
  final Map<String, Set<UUID>> payers = new HashMap<>();

  /** How many lookups reached this book, by kind: what BatchBook saves. */
  final Map<String, Integer> lookups = new HashMap<>();

  private void count(String kind) {
    lookups.merge(kind, 1, Integer::sum);
  }

  OpenInvoice add(UUID customer, String name, String number, String outstanding) {
    return add(customer, name, number, outstanding, "0");
  }

  OpenInvoice add(UUID customer, String name, String number, String outstanding, String discount) {
    return add(
        customer,
        name,
        number,
        "EUR",
        new BigDecimal(outstanding),
        LocalDate.of(2026, 1, 1).plusDays(invoices.size()),
        new BigDecimal(discount));
  }

  OpenInvoice add(
      UUID customer,
      String name,
      String number,
      String currency,
      BigDecimal outstanding,
      LocalDate due,
      BigDecimal discount) {
    UUID id = UUID.randomUUID();
    OpenInvoice i =
        new OpenInvoice(
            id,
            customer,
            name,
            number,
            CreditorReference.forInvoice(id),
            currency,
            outstanding,
            due,
            discount);
    invoices.add(i);
    return i;
  }

  @Override
  public List<OpenInvoice> byReferences(Collection<String> refs, LocalDate on) {
    count("references");
    return invoices.stream()
        .filter(i -> refs.contains(i.paymentReference()))
        .sorted(Book.ORDER)
        .toList();
  }

  @Override
  public List<OpenInvoice> byNumberKeys(
      Collection<String> alnum, Collection<String> digits, LocalDate on, int limit) {
    count("numbers");
    return invoices.stream()
        .filter(
            i ->
                alnum.contains(InvoiceNumberKeys.alnumKey(i.number()))
                    || digits.contains(InvoiceNumberKeys.digitKey(i.number())))
        .sorted(Book.ORDER)
        .limit(limit)
        .toList();
  }

  @Override
  public List<OpenInvoice> openOf(UUID customerId, String currency, LocalDate on, int limit) {
    count("open");
    return open(customerId, currency, limit);
  }

  @Override
  public Map<Owner, List<OpenInvoice>> openOfAll(
      Collection<Owner> owners, LocalDate on, int limit) {
    count("open");
    Map<Owner, List<OpenInvoice>> out = new HashMap<>();
    owners.forEach(o -> out.put(o, open(o.customerId(), o.currency(), limit)));
    return out;
  }

  private List<OpenInvoice> open(UUID customerId, String currency, int limit) {
    return invoices.stream()
        .filter(i -> i.customerId().equals(customerId) && i.currency().equals(currency))
        .sorted(Book.ORDER)
        .limit(limit)
        .toList();
  }

  @Override
  public List<OpenInvoice> withOutstanding(
      BigDecimal low, BigDecimal high, String currency, LocalDate on, int limit) {
    count("amounts");
    return owing(low, high, currency, limit);
  }

  @Override
  public Map<Range, List<OpenInvoice>> withOutstandingAll(
      Collection<Range> ranges, LocalDate on, int limit) {
    count("amounts");
    Map<Range, List<OpenInvoice>> out = new HashMap<>();
    ranges.forEach(r -> out.put(r, owing(r.low(), r.high(), r.currency(), limit)));
    return out;
  }

  private List<OpenInvoice> owing(BigDecimal low, BigDecimal high, String currency, int limit) {
    return invoices.stream()
        .filter(
            i ->
                i.currency().equals(currency)
                    && i.outstanding().compareTo(low) >= 0
                    && i.outstanding().compareTo(high) <= 0)
        .sorted(Book.ORDER)
        .limit(limit)
        .toList();
  }

  @Override
  public Map<String, Set<UUID>> customersPaidFrom(Collection<String> ibans) {
    count("payers");
    Map<String, Set<UUID>> out = new HashMap<>();
    ibans.forEach(i -> out.put(i, payers.getOrDefault(i, new HashSet<>())));
    return out;
  }

  @Override
  public Set<UUID> customersPaidFrom(String iban) {
    count("payers");
    return payers.getOrDefault(iban, new HashSet<>());
  }
}
