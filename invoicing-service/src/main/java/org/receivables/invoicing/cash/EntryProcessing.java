package org.receivables.invoicing.cash;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.receivables.invoicing.cash.match.BatchBook;
import org.receivables.invoicing.cash.match.Candidate;
import org.receivables.invoicing.cash.match.Decision;
import org.receivables.invoicing.cash.match.EntryStatus;
import org.receivables.invoicing.cash.match.Matcher;
import org.receivables.invoicing.cash.match.PayerIbanEvidence;
import org.receivables.invoicing.cash.match.Transfer;

/**
 * Decides recorded entries, in the caller's transaction: a credit is matched and, when the decision
 * is MATCHED and applying is allowed, applied (a match as sure as a valid RF reference teaches the
 * payer's IBAN); a returned transfer reverses the payments of the entry it returns; anything else
 * is ignored. Every path marks the entry processed. Deciding reads and writes a batch of entries at
 * a time: a few queries for a whole batch, not a few per entry.
 */
@ApplicationScoped
public class EntryProcessing {

  @Inject EntryStore store;
  @Inject EntryApplication application;
  @Inject EntityManager em;

  /**
   * Decides the entries in order and writes the decisions together: the automatic matches' payments
   * in one batch ({@link EntryApplication#applyAll}), the decisions in another. An entry whose
   * lookups saw an invoice an earlier entry of the batch is paying first has those payments
   * written, then is decided again on what they left (the book reads those invoices afresh): in a
   * book where many invoices owe the same amount, ending the batch there instead cost a new batch
   * read every few entries. A returned transfer after others stops the batch: it is decided in the
   * next.
   *
   * @param mayApply false when applying these entries failed before: the decision is kept for a
   *     collector, with {@code why}, and nothing is applied
   * @return how many of the entries were processed (at least one, when there are any)
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public int processAll(
      String tenantId,
      List<EntryRow> entries,
      BatchBook book,
      Matcher.Settings settings,
      boolean mayApply,
      String why) {
    List<EntryStore.Decided> decided = new ArrayList<>();
    List<EntryApplication.Auto> matches = new ArrayList<>();
    Map<EntryStore.Payer, Integer> learnt = new HashMap<>();
    Set<UUID> paying = new HashSet<>();
    int done = 0;
    for (EntryRow entry : entries) {
      if (entry.reversal()) {
        if (done == 0) {
          returned(tenantId, entry);
          done++;
        }
        break; // what the batch read before may have changed
      }
      if (!entry.credit()) {
        ignore(entry, "a debit: recorded, never matched");
        done++;
        continue;
      }
      book.nextTransfer();
      Decision d = Matcher.match(transfer(entry), book, settings);
      if (book.readAny(paying)) {
        writePayments(tenantId, matches, learnt, book, paying);
        book.nextTransfer();
        d = Matcher.match(transfer(entry), book, settings);
      }
      if (d.status() == EntryStatus.MATCHED && !mayApply) {
        List<String> reasons = new ArrayList<>(d.reasons());
        reasons.add("applying it automatically failed (" + why + "): a collector decides");
        d = new Decision(EntryStatus.SUGGESTED, null, d.candidates(), reasons);
      }
      if (d.status() == EntryStatus.MATCHED) {
        Candidate c = d.chosen();
        matches.add(
            new EntryApplication.Auto(entry, c.allocations(), c.customerId(), c.onAccount()));
        c.allocations().forEach(a -> paying.add(a.invoiceId()));
        if (d.confidence() >= PayerIbanEvidence.CONFIRMS
            && entry.debtorIban() != null
            && !entry.debtorIban().isBlank()) {
          String iban = PayerIbanEvidence.normalise(entry.debtorIban());
          learnt.merge(new EntryStore.Payer(iban, c.customerId()), 1, Integer::sum);
          book.learnt(iban, c.customerId());
        }
      }
      decided.add(
          new EntryStore.Decided(
              entry.id(), d, d.chosen() == null ? null : d.chosen().customerId()));
      done++;
    }
    application.applyAll(tenantId, matches, "applied automatically");
    application.learnAll(tenantId, learnt);
    store.saveDecisions(decided);
    return done;
  }

  /** Writes the batch's matches so far and has the book read the invoices they paid afresh. */
  private void writePayments(
      String tenantId,
      List<EntryApplication.Auto> matches,
      Map<EntryStore.Payer, Integer> learnt,
      BatchBook book,
      Set<UUID> paying) {
    application.applyAll(tenantId, matches, "applied automatically");
    application.learnAll(tenantId, learnt);
    // Written, and no longer held: each later batch insert flushes (walks) what the session holds.
    em.flush();
    em.clear();
    book.changed(paying);
    matches.clear();
    learnt.clear();
    paying.clear();
  }

  static Transfer transfer(EntryRow e) {
    return new Transfer(
        e.amount(), e.currency(), e.bookingDate(), e.debtorName(), e.debtorIban(), e.remittance());
  }

  private void returned(String tenantId, EntryRow entry) {
    Optional<UUID> original = store.returnedOriginal(tenantId, entry);
    if (original.isEmpty()) {
      ignore(
          entry,
          "a returned transfer; no applied entry of this account has its end-to-end id and amount");
      return;
    }
    EntryRow applied = store.find(tenantId, original.get(), true).orElseThrow();
    application.undo(tenantId, applied, "transfer returned by the bank (entry " + entry.id() + ")");
    store.update(
        applied.id(),
        EntryStatus.UNMATCHED.name(),
        null,
        null,
        null,
        List.of(
            "its transfer was returned by the bank (entry " + entry.id() + "); payments reversed"));
    ignore(entry, "a returned transfer: the payments of entry " + applied.id() + " were reversed");
  }

  void ignore(EntryRow entry, String reason) {
    ignore(entry.id(), reason);
  }

  void ignore(UUID entryId, String reason) {
    store.update(entryId, EntryStatus.IGNORED.name(), null, null, List.of(), List.of(reason));
  }
}
