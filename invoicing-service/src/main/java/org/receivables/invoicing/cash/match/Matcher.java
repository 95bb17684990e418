package org.receivables.invoicing.cash.match;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Gathers the evidence for one incoming transfer into candidates and lets {@link DecisionRule}
 * decide. Candidates come from invoices the text names (references, numbers), then from customers
 * the payer's account is known for (their open invoices combined to the amount), and only when
 * nothing else points anywhere from the amount itself, which can then at best be suggested.
 */
public final class Matcher {

  /** Tuning of one tenant (cash.CashConfig). */
  public record Settings(
      double threshold, double margin, BigDecimal feeTolerance, int maxCombination) {}

  static final int AMOUNT_ONLY_LIMIT = 10;

  private Matcher() {}

  public static Decision match(Transfer t, Book book, Settings s) {
    List<String> notes = new ArrayList<>();
    List<Clue> invoiceClues = new ArrayList<>(ReferenceEvidence.find(t, book, notes));
    invoiceClues.addAll(InvoiceNumberEvidence.find(t, book));
    // Best clue per invoice, grouped by customer, in the order the invoices fall due.
    Map<UUID, Map<UUID, Clue>> byCustomer = new LinkedHashMap<>();
    for (Clue c : invoiceClues) {
      if (!c.invoice().currency().equals(t.currency())) {
        notes.add("invoice " + c.invoice().number() + " is in " + c.invoice().currency());
        continue;
      }
      byCustomer
          .computeIfAbsent(c.customerId(), k -> new LinkedHashMap<>())
          .merge(c.invoice().id(), c, (a, b) -> a.strength() >= b.strength() ? a : b);
    }
    List<Clue> payerClues = PayerIbanEvidence.find(t, book);
    List<Candidate> candidates = new ArrayList<>();
    for (var group : byCustomer.entrySet()) {
      List<Clue> clues = new ArrayList<>(group.getValue().values());
      List<OpenInvoice> invoices =
          clues.stream()
              .map(Clue::invoice)
              .sorted(Comparator.comparing(OpenInvoice::dueDate).thenComparing(OpenInvoice::number))
              .toList();
      payerClues.stream().filter(c -> c.customerId().equals(group.getKey())).forEach(clues::add);
      candidates.add(candidate(t, group.getKey(), invoices, clues, s));
    }
    for (Clue payer : payerClues) {
      if (!byCustomer.containsKey(payer.customerId())) {
        candidates.addAll(fromCustomer(t, book, payer, s));
      }
    }
    if (candidates.isEmpty()) {
      candidates.addAll(fromAmount(t, book, s));
    }
    return DecisionRule.decide(merge(candidates), s.threshold(), s.margin(), notes);
  }

  private static Candidate candidate(
      Transfer t, UUID customer, List<OpenInvoice> invoices, List<Clue> clues, Settings s) {
    List<Double> strengths = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (Clue c : clues) {
      strengths.add(c.strength());
      reasons.add(c.reason());
    }
    Clue name = invoices.isEmpty() ? null : NameSimilarity.clue(t, invoices.get(0));
    if (name != null) {
      strengths.add(name.strength());
      reasons.add(name.reason());
    }
    AmountEvidence.Assessment fit = AmountEvidence.assess(t.amount(), invoices, s.feeTolerance());
    strengths.add(fit.strength());
    reasons.add(fit.reason());
    AmountEvidence.Split split = AmountEvidence.split(t.amount(), invoices, fit.fit());
    if (fit.fit() == AmountEvidence.Fit.WITHIN_FEES) {
      // The shortfall is the bank's fee, not money owed to the customer's account.
      split = new AmountEvidence.Split(split.allocations(), BigDecimal.ZERO);
    }
    return new Candidate(
        customer, split.allocations(), split.onAccount(), Candidate.combine(strengths), reasons);
  }

  /** A known payer: which of its open invoices add up to the amount. */
  private static List<Candidate> fromCustomer(Transfer t, Book book, Clue payer, Settings s) {
    List<OpenInvoice> open =
        book.openOf(
            payer.customerId(), t.currency(), t.bookingDate(), InvoiceCombination.MAX_INVOICES);
    List<List<OpenInvoice>> combos =
        InvoiceCombination.find(t.amount(), open, s.maxCombination(), false);
    if (combos.isEmpty()) {
      combos = InvoiceCombination.find(t.amount(), open, s.maxCombination(), true);
    }
    List<Candidate> out = new ArrayList<>();
    for (List<OpenInvoice> combo : combos) {
      out.add(candidate(t, payer.customerId(), combo, List.of(payer), s));
    }
    if (out.isEmpty()) {
      out.add(
          new Candidate(
              payer.customerId(),
              List.of(),
              t.amount(),
              payer.strength(),
              List.of(payer.reason(), "no combination of its open invoices equals the amount")));
    }
    return out;
  }

  /** Nothing names an invoice or a payer: invoices owing exactly the amount (or within fees). */
  private static List<Candidate> fromAmount(Transfer t, Book book, Settings s) {
    List<Candidate> out = new ArrayList<>();
    for (OpenInvoice i :
        book.withOutstanding(
            t.amount(),
            t.amount().add(s.feeTolerance()),
            t.currency(),
            t.bookingDate(),
            AMOUNT_ONLY_LIMIT)) {
      out.add(candidate(t, i.customerId(), List.of(i), new ArrayList<>(), s));
    }
    return out;
  }

  /** Two routes to the same allocations are one candidate, with the better confidence. */
  private static List<Candidate> merge(List<Candidate> candidates) {
    Map<Set<UUID>, Candidate> unique = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      Set<UUID> key = new LinkedHashSet<>();
      key.add(c.customerId());
      c.allocations().forEach(a -> key.add(a.invoiceId()));
      unique.merge(key, c, (a, b) -> a.confidence() >= b.confidence() ? a : b);
    }
    return new ArrayList<>(unique.values());
  }
}
