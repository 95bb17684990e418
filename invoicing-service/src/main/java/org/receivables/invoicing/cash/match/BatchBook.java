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
 * A {@link Book} for a batch of transfers: every kind of evidence is looked up for the whole batch
 * at once, one query per kind (per booking day, since the early-payment discount depends on it),
 * instead of a few per transfer, which is what made a statement of hundreds of entries outlive its
 * transaction. Read when first asked for: the invoices the texts' RF references name; those their
 * invoice numbers name, with the numbers a keystroke from them ({@link NearNumberEvidence}); the
 * customers the payers' IBANs paid; those customers' open invoices; the invoices owing each
 * transfer's amount. A transfer's question is answered from what the batch read only when that is
 * exactly the answer it would get alone (same keys, nothing cut short by a limit, nothing paid
 * since); anything else is asked of the underlying book, so deciding a batch decides each transfer
 * as deciding it alone would.
 *
 * <p>An invoice a transfer of the batch has paid is stale here: any answer that holds it is asked
 * of the underlying book again, so the next transfer sees what it still owes.
 */
public final class BatchBook implements Book {

  private final Book source;
  private final List<Transfer> transfers;
  private final Map<LocalDate, Named> named = new HashMap<>();
  private final Map<LocalDate, Read<Owner>> open = new HashMap<>();
  private final Map<LocalDate, Read<Range>> owing = new HashMap<>();
  private final Set<UUID> stale = new HashSet<>();
  private final Set<UUID> read = new HashSet<>();
  private Map<String, Set<UUID>> payers;
  private boolean allStale;

  /** What the batch's texts name, read for one booking day, in the source's order. */
  private record Named(
      Set<String> references,
      Map<String, OpenInvoice> byReference,
      NumberIndex byNumber,
      Set<String> alnumKeys,
      Set<String> digitKeys,
      boolean numbersComplete) {}

  /** Answers read for a batch of questions of one kind, each at most {@code limit} long. */
  private record Read<K>(Map<K, List<OpenInvoice>> answers, int limit) {}

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
    Named p = named(on);
    if (!p.references().containsAll(references)) {
      return seen(source.byReferences(references, on)); // not read for the batch
    }
    List<OpenInvoice> out = new ArrayList<>();
    Set<String> wanted = new HashSet<>(references);
    p.byReference()
        .forEach(
            (ref, invoice) -> {
              if (wanted.contains(ref)) {
                out.add(invoice);
              }
            });
    return seen(fresh(out) ? out : source.byReferences(references, on));
  }

  @Override
  public List<OpenInvoice> byNumberKeys(
      Collection<String> alnum, Collection<String> digits, LocalDate on, int limit) {
    Named p = named(on);
    if (!p.numbersComplete()
        || !p.alnumKeys().containsAll(alnum)
        || !p.digitKeys().containsAll(digits)) {
      return seen(source.byNumberKeys(alnum, digits, on, limit)); // not all read for the batch
    }
    List<OpenInvoice> out = p.byNumber().having(alnum, digits, limit);
    return seen(fresh(out) ? out : source.byNumberKeys(alnum, digits, on, limit));
  }

  @Override
  public List<OpenInvoice> openOf(UUID customerId, String currency, LocalDate on, int limit) {
    Owner owner = new Owner(customerId, currency);
    Read<Owner> batch =
        open.computeIfAbsent(
            on, day -> new Read<>(source.openOfAll(owners(day, owner), day, limit), limit));
    List<OpenInvoice> answer = batch.answers().get(owner);
    if (answer == null || limit > batch.limit()) {
      return seen(source.openOf(customerId, currency, on, limit)); // a payer learnt since
    }
    List<OpenInvoice> out = answer.stream().limit(limit).toList();
    return seen(fresh(out) ? out : source.openOf(customerId, currency, on, limit));
  }

  @Override
  public List<OpenInvoice> withOutstanding(
      BigDecimal low, BigDecimal high, String currency, LocalDate on, int limit) {
    Range range = new Range(low, high, currency);
    Read<Range> batch =
        owing.computeIfAbsent(
            on,
            day ->
                new Read<>(
                    source.withOutstandingAll(ranges(day, high.subtract(low), range), day, limit),
                    limit));
    List<OpenInvoice> answer = batch.answers().get(range);
    if (answer == null || limit > batch.limit()) {
      return seen(source.withOutstanding(low, high, currency, on, limit));
    }
    List<OpenInvoice> out = answer.stream().limit(limit).toList();
    return seen(fresh(out) ? out : source.withOutstanding(low, high, currency, on, limit));
  }

  /** The open invoices the day's known payers' customers may be asked for, and {@code asked}. */
  private List<Owner> owners(LocalDate on, Owner asked) {
    Set<Owner> out = new LinkedHashSet<>();
    for (Transfer t : of(on)) {
      if (t.debtorIban() != null && !t.debtorIban().isBlank()) {
        payers()
            .getOrDefault(PayerIbanEvidence.normalise(t.debtorIban()), Set.of())
            .forEach(c -> out.add(new Owner(c, t.currency())));
      }
    }
    out.add(asked);
    return List.copyOf(out);
  }

  /**
   * Every transfer of the day's amount up to {@code tolerance} more (the bank-fee tolerance, the
   * same for the whole batch), and {@code asked}.
   */
  private List<Range> ranges(LocalDate on, BigDecimal tolerance, Range asked) {
    Set<Range> out = new LinkedHashSet<>();
    for (Transfer t : of(on)) {
      if (t.amount() != null && t.currency() != null) {
        out.add(new Range(t.amount(), t.amount().add(tolerance), t.currency()));
      }
    }
    out.add(asked);
    return List.copyOf(out);
  }

  @Override
  public Set<UUID> customersPaidFrom(String iban) {
    Set<UUID> known = payers().get(iban);
    return known != null ? known : source.customersPaidFrom(iban);
  }

  private Map<String, Set<UUID>> payers() {
    if (payers == null) {
      Set<String> ibans = new LinkedHashSet<>();
      transfers.stream()
          .map(Transfer::debtorIban)
          .filter(i -> i != null && !i.isBlank())
          .forEach(i -> ibans.add(PayerIbanEvidence.normalise(i)));
      payers = new HashMap<>(source.customersPaidFrom(ibans));
    }
    return payers;
  }

  private boolean fresh(List<OpenInvoice> answer) {
    return !allStale && answer.stream().noneMatch(i -> stale.contains(i.id()));
  }

  private Named named(LocalDate on) {
    return named.computeIfAbsent(on, this::readNamed);
  }

  private List<Transfer> of(LocalDate on) {
    return transfers.stream().filter(t -> Objects.equals(t.bookingDate(), on)).toList();
  }

  private Named readNamed(LocalDate on) {
    Set<String> refs = new LinkedHashSet<>();
    Set<String> alnum = new LinkedHashSet<>();
    Set<String> digits = new LinkedHashSet<>();
    int texts = 0;
    for (Transfer t : of(on)) {
      if (t.remittance() != null) {
        texts++;
        refs.addAll(CreditorReference.findIn(t.remittance()));
        InvoiceNumberKeys keys = InvoiceNumberKeys.fromText(t.remittance());
        alnum.addAll(keys.alnum());
        digits.addAll(keys.digits());
        // what NearNumberEvidence asks when no number quoted fits the amount
        digits.addAll(NearNumberEvidence.variants(keys.digits()));
      }
    }
    Map<String, OpenInvoice> byReference = new LinkedHashMap<>();
    if (!refs.isEmpty()) {
      source.byReferences(refs, on).forEach(i -> byReference.put(i.paymentReference(), i));
    }
    List<OpenInvoice> byNumber = List.of();
    boolean complete = true;
    if (!alnum.isEmpty() || !digits.isEmpty()) {
      int limit = (NUMBER_LIMIT + NearNumberEvidence.LIMIT) * Math.max(1, texts);
      byNumber = source.byNumberKeys(alnum, digits, on, limit);
      // Cut short, the batch's answer may lack what one transfer's own lookup would find.
      complete = byNumber.size() < limit;
    }
    return new Named(refs, byReference, NumberIndex.of(byNumber), alnum, digits, complete);
  }
}
