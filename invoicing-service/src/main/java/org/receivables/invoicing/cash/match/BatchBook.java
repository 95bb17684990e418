package org.receivables.invoicing.cash.match;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.receivables.invoicing.cash.CreditorReference;

/**
 * A {@link Book} for a batch of transfers: the invoices their references and numbers name, and the
 * customers their payers' IBANs paid, are read for the whole batch in three queries (per booking
 * day, since the early-payment discount depends on it) instead of a few per transfer, which is what
 * made a statement of hundreds of entries outlive its transaction. The rarer lookups (a payer's
 * open invoices, an amount alone) still go to the underlying book.
 *
 * <p>An invoice a transfer of the batch has paid is stale here: any answer that holds it is asked
 * of the underlying book again, so the next transfer sees what it still owes.
 */
public final class BatchBook implements Book {

  private final Book source;
  private final List<Transfer> transfers;
  private final Map<LocalDate, Prefetched> byDay = new HashMap<>();
  private final Set<UUID> stale = new HashSet<>();
  private final Set<UUID> read = new HashSet<>();
  private Map<String, Set<UUID>> payers;
  private boolean allStale;

  /** What the batch's texts name, read for one booking day. */
  private record Prefetched(
      Map<String, OpenInvoice> byReference,
      Map<String, List<OpenInvoice>> byAlnum,
      Map<String, List<OpenInvoice>> byDigits,
      Set<String> alnumKeys,
      Set<String> digitKeys,
      boolean numbersComplete) {}

  public BatchBook(Book source, List<Transfer> transfers) {
    this.source = source;
    this.transfers = List.copyOf(transfers);
  }

  /** Starts the lookups of the next transfer: {@link #readAny} looks at them alone. */
  public void nextTransfer() {
    read.clear();
  }

  /**
   * Whether the lookups since {@link #nextTransfer} handed out any of these invoices: a transfer
   * that saw an invoice an earlier transfer of the batch is about to pay (written at the end of the
   * batch) must be decided again once that payment is written.
   */
  public boolean readAny(Set<UUID> invoiceIds) {
    return read.stream().anyMatch(invoiceIds::contains);
  }

  private List<OpenInvoice> seen(List<OpenInvoice> answer) {
    answer.forEach(i -> read.add(i.id()));
    return answer;
  }

  /** Invoices just paid: read again from the underlying book from now on. */
  public void changed(Collection<UUID> invoiceIds) {
    stale.addAll(invoiceIds);
  }

  /** The payer's IBAN was just learnt for this customer: the batch's next transfers know it. */
  public void learnt(String iban, UUID customerId) {
    if (payers != null) {
      Set<UUID> known = new LinkedHashSet<>(payers.getOrDefault(iban, Set.of()));
      known.add(customerId);
      payers.put(iban, known);
    }
  }

  /** Payments of unknown invoices changed (a returned transfer): read everything again. */
  public void changedAll() {
    allStale = true;
  }

  @Override
  public List<OpenInvoice> byReferences(Collection<String> references, LocalDate on) {
    Prefetched p = day(on);
    List<OpenInvoice> out = new ArrayList<>();
    for (String r : new LinkedHashSet<>(references)) {
      OpenInvoice i = p.byReference().get(r);
      if (i != null) {
        out.add(i);
      }
    }
    return seen(fresh(out) ? out : source.byReferences(references, on));
  }

  @Override
  public List<OpenInvoice> byNumberKeys(
      Collection<String> alnum, Collection<String> digits, LocalDate on, int limit) {
    Prefetched p = day(on);
    if (!p.alnumKeys().containsAll(alnum) || !p.digitKeys().containsAll(digits)) {
      return seen(source.byNumberKeys(alnum, digits, on, limit)); // keys not read for the batch
    }
    Map<UUID, OpenInvoice> found = new LinkedHashMap<>();
    alnum.forEach(k -> p.byAlnum().getOrDefault(k, List.of()).forEach(i -> found.put(i.id(), i)));
    digits.forEach(k -> p.byDigits().getOrDefault(k, List.of()).forEach(i -> found.put(i.id(), i)));
    List<OpenInvoice> out = found.values().stream().limit(limit).toList();
    return seen(
        p.numbersComplete() && fresh(out) ? out : source.byNumberKeys(alnum, digits, on, limit));
  }

  @Override
  public List<OpenInvoice> openOf(UUID customerId, String currency, LocalDate on, int limit) {
    return seen(source.openOf(customerId, currency, on, limit));
  }

  @Override
  public List<OpenInvoice> withOutstanding(
      BigDecimal low, BigDecimal high, String currency, LocalDate on, int limit) {
    return seen(source.withOutstanding(low, high, currency, on, limit));
  }

  @Override
  public Set<UUID> customersPaidFrom(String iban) {
    if (payers == null) {
      Set<String> ibans = new LinkedHashSet<>();
      transfers.stream()
          .map(Transfer::debtorIban)
          .filter(i -> i != null && !i.isBlank())
          .forEach(i -> ibans.add(PayerIbanEvidence.normalise(i)));
      payers = source.customersPaidFrom(ibans);
    }
    Set<UUID> known = payers.get(iban);
    return known != null ? known : source.customersPaidFrom(iban);
  }

  private boolean fresh(List<OpenInvoice> answer) {
    return !allStale && answer.stream().noneMatch(i -> stale.contains(i.id()));
  }

  private Prefetched day(LocalDate on) {
    return byDay.computeIfAbsent(on, this::prefetch);
  }

  private Prefetched prefetch(LocalDate on) {
    Set<String> refs = new LinkedHashSet<>();
    Set<String> alnum = new LinkedHashSet<>();
    Set<String> digits = new LinkedHashSet<>();
    int texts = 0;
    for (Transfer t : transfers) {
      if (Objects.equals(t.bookingDate(), on) && t.remittance() != null) {
        texts++;
        refs.addAll(CreditorReference.findIn(t.remittance()));
        InvoiceNumberKeys keys = InvoiceNumberKeys.fromText(t.remittance());
        alnum.addAll(keys.alnum());
        digits.addAll(keys.digits());
      }
    }
    Map<String, OpenInvoice> byReference = new HashMap<>();
    if (!refs.isEmpty()) {
      source.byReferences(refs, on).forEach(i -> byReference.put(i.paymentReference(), i));
    }
    Map<String, List<OpenInvoice>> byAlnum = new HashMap<>();
    Map<String, List<OpenInvoice>> byDigits = new HashMap<>();
    boolean complete = true;
    if (!alnum.isEmpty() || !digits.isEmpty()) {
      int limit = NUMBER_LIMIT * Math.max(1, texts);
      List<OpenInvoice> named = source.byNumberKeys(alnum, digits, on, limit);
      // Cut short, the batch's answer may lack what one transfer's own lookup would find.
      complete = named.size() < limit;
      for (OpenInvoice i : named) {
        byAlnum
            .computeIfAbsent(InvoiceNumberKeys.alnumKey(i.number()), k -> new ArrayList<>())
            .add(i);
        byDigits
            .computeIfAbsent(InvoiceNumberKeys.digitKey(i.number()), k -> new ArrayList<>())
            .add(i);
      }
    }
    return new Prefetched(byReference, byAlnum, byDigits, alnum, digits, complete);
  }
}
