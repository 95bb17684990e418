package org.receivables.invoicing.cash;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.receivables.invoicing.cash.CashViews.AllocationView;
import org.receivables.invoicing.cash.CashViews.CandidateView;
import org.receivables.invoicing.cash.CashViews.EntryView;
import org.receivables.kit.money.Money;

/** Turns stored entries into what the API shows, with the payments they still stand for. */
@ApplicationScoped
public class EntryViews {

  @Inject EntryStore store;
  @Inject StatementImport imports;

  public EntryView of(String tenantId, EntryRow e) {
    String cur = e.currency();
    List<AllocationView> allocations =
        imports.allocations(tenantId, e.id()).stream()
            .map(a -> new AllocationView(a.invoiceId(), Money.round(a.amount(), cur)))
            .toList();
    List<CandidateView> candidates =
        store.read(e.candidates(), new TypeReference<List<EntryStore.CandidateRow>>() {}).stream()
            .map(
                c ->
                    new CandidateView(
                        c.invoiceId(),
                        c.customerId(),
                        Money.round(c.amount(), cur),
                        c.confidence()))
            .toList();
    return new EntryView(
        e.id(),
        e.entryReference(),
        Money.round(e.amount(), cur),
        cur,
        e.credit() ? "CREDIT" : "DEBIT",
        e.reversal(),
        e.bookingDate(),
        e.debtorName(),
        e.debtorIban(),
        e.remittance(),
        e.status(),
        e.confidence(),
        e.customerId(),
        allocations,
        candidates,
        store.read(e.reasons(), new TypeReference<List<String>>() {}));
  }
}
