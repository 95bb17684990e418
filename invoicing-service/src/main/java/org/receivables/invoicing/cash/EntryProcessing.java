package org.receivables.invoicing.cash;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.receivables.invoicing.cash.match.AmountEvidence.Allocation;
import org.receivables.invoicing.cash.match.BatchBook;
import org.receivables.invoicing.cash.match.Decision;
import org.receivables.invoicing.cash.match.EntryStatus;
import org.receivables.invoicing.cash.match.Matcher;
import org.receivables.invoicing.cash.match.PayerIbanEvidence;
import org.receivables.invoicing.cash.match.Transfer;

/**
 * Decides one recorded entry, in the caller's transaction: a credit is matched and, when the
 * decision is MATCHED and applying is allowed, applied (a match as sure as a valid RF reference
 * teaches the payer's IBAN); a returned transfer reverses the payments of the entry it returns;
 * anything else is ignored. Every path marks the entry processed.
 */
@ApplicationScoped
public class EntryProcessing {

  @Inject EntryStore store;
  @Inject EntryApplication application;

  /**
   * @param mayApply false when applying this entry failed before: the decision is kept for a
   *     collector, with {@code why}, and nothing is applied
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void process(
      String tenantId,
      EntryRow entry,
      BatchBook book,
      Matcher.Settings settings,
      boolean mayApply,
      String why) {
    if (entry.reversal()) {
      returned(tenantId, entry);
      book.changedAll();
      return;
    }
    if (!entry.credit()) {
      ignore(entry, "a debit: recorded, never matched");
      return;
    }
    Decision d = Matcher.match(transfer(entry), book, settings);
    if (d.status() == EntryStatus.MATCHED && !mayApply) {
      List<String> reasons = new ArrayList<>(d.reasons());
      reasons.add("applying it automatically failed (" + why + "): a collector decides");
      d = new Decision(EntryStatus.SUGGESTED, null, d.candidates(), reasons);
    }
    if (d.status() == EntryStatus.MATCHED) {
      application.apply(
          tenantId,
          entry,
          d.chosen().allocations(),
          d.chosen().customerId(),
          d.chosen().onAccount(),
          "applied automatically");
      book.changed(d.chosen().allocations().stream().map(Allocation::invoiceId).toList());
      if (d.confidence() >= PayerIbanEvidence.CONFIRMS
          && entry.debtorIban() != null
          && !entry.debtorIban().isBlank()) {
        String iban = PayerIbanEvidence.normalise(entry.debtorIban());
        application.learn(tenantId, iban, d.chosen().customerId());
        book.learnt(iban, d.chosen().customerId());
      }
    }
    store.saveDecision(entry.id(), d, d.chosen() == null ? null : d.chosen().customerId());
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
