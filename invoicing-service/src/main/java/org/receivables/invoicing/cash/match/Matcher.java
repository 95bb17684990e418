package org.receivables.invoicing.cash.match;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Gathers the evidence for one incoming transfer into candidates and lets {@link DecisionRule}
 * decide. Candidates come from invoices the text names (references, numbers; also numbers a
 * keystroke from them, {@link NearNumberEvidence}: when no number quoted fits the amount, those
 * something bears out, else those owing the amount as well, which holds the quoted one back), then
 * from customers the payer's account is known for (their open invoices combined to the amount), and
 * only when nothing else points anywhere from the amount itself, which can then at best be
 * suggested.
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
    Map<UUID, Map<UUID, Clue>> byCustomer = byCustomer(t, invoiceClues, notes);
    List<Clue> payerClues = PayerIbanEvidence.find(t, book);
    List<Built> named = new ArrayList<>();
    for (var group : byCustomer.entrySet()) {
      named.add(candidate(t, group.getKey(), group.getValue().values(), payerClues, s));
    }
    List<Candidate> candidates = new ArrayList<>();
    boolean namedFits = named.stream().anyMatch(Built::fits);
    List<Built> near = near(t, book, named, payerClues, s);
    if (namedFits) {
      // a number quoted fits the amount: only a neighbour the amount fits as closely competes
      int closest = named.stream().mapToInt(Built::closeness).max().orElse(0);
      near = near.stream().filter(b -> b.closeness() >= closest).toList();
    }
    Optional<Built> nearFit = near.stream().filter(Built::fits).findFirst();
    for (Built b : named) {
      if (nearFit.isPresent() && !b.fromReference()) {
        if (!namedFits) {
          // The number quoted names this invoice, but the amount fits one a keystroke away.
          b = candidate(t, b.customerId(), doubted(b.clues(), nearFit.get()), payerClues, s);
        } else if (b.fits()) {
          // Both owe the amount: which number was meant, only the payer can tell.
          b = candidate(t, b.customerId(), held(b.clues(), nearFit.get()), payerClues, s);
        }
      }
      candidates.add(b.candidate());
    }
    near.forEach(b -> candidates.add(b.candidate()));
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

  /** A candidate with the clues it was built from and how the amount fits its invoices. */
  private record Built(Candidate candidate, List<Clue> clues, AmountEvidence.Fit fit) {
    UUID customerId() {
      return candidate.customerId();
    }

    boolean fits() {
      return closeness() > 0;
    }

    /** How closely the amount fits: 2 exactly (or less the discount), 1 within fees, 0 not. */
    int closeness() {
      return switch (fit) {
        case EXACT, DISCOUNTED -> 2;
        case WITHIN_FEES -> 1;
        case PARTIAL, OVER -> 0;
      };
    }

    boolean fromReference() {
      return clues.stream().anyMatch(c -> c.strength() >= ReferenceEvidence.STRENGTH);
    }
  }

  /** Best clue per invoice, grouped by customer; invoices in another currency are noted. */
  private static Map<UUID, Map<UUID, Clue>> byCustomer(
      Transfer t, List<Clue> invoiceClues, List<String> notes) {
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
    return byCustomer;
  }

  /**
   * Invoices a keystroke from a number quoted, each a candidate of its own when something else
   * (amount, name, payer account) bears it out: a bare neighbour can neither win nor make a winner
   * ambiguous, it would only crowd the list a collector reads.
   */
  private static List<Built> near(
      Transfer t, Book book, List<Built> named, List<Clue> payerClues, Settings s) {
    if (t.remittance() == null) {
      return List.of();
    }
    Set<UUID> seen = new HashSet<>();
    named.forEach(b -> b.clues().forEach(c -> seen.add(c.invoice().id())));
    List<Built> out = new ArrayList<>();
    for (Clue c : NearNumberEvidence.find(t, book, seen)) {
      if (c.invoice().currency().equals(t.currency())) {
        Built b = candidate(t, c.customerId(), List.of(c), payerClues, s);
        if (b.candidate().confidence() > NearNumberEvidence.STRENGTH + 1e-9) {
          out.add(b);
        }
      }
    }
    return out;
  }

  /** Number clues weakened to a near number's: the amount says the number may be mistyped. */
  private static List<Clue> doubted(List<Clue> clues, Built fitting) {
    String other = fitting.clues().get(0).invoice().number();
    return capped(
        clues,
        NearNumberEvidence.STRENGTH,
        ", but the amount does not fit it and fits invoice "
            + other
            + ", a keystroke away: the number may be mistyped");
  }

  /**
   * Number clues held to a digits-only number's strength: a number a keystroke away owes the same
   * amount, so the exact number with the amount no longer applies alone (in a dense series a
   * mistyped number is another invoice, and with list prices it may owe the same); the payer's name
   * must bear it out.
   */
  private static List<Clue> held(List<Clue> clues, Built neighbour) {
    String other = neighbour.clues().get(0).invoice().number();
    return capped(
        clues,
        InvoiceNumberEvidence.DIGITS,
        ", but invoice "
            + other
            + ", a keystroke away, owes the same amount: the number may be mistyped");
  }

  /**
   * The invoice clues at most {@code strength}, their reasons saying why; the others as they are.
   */
  private static List<Clue> capped(List<Clue> clues, double strength, String why) {
    List<Clue> out = new ArrayList<>();
    for (Clue c : clues) {
      out.add(
          c.invoice() == null
              ? c
              : new Clue(
                  c.invoice(), c.customerId(), Math.min(c.strength(), strength), c.reason() + why));
    }
    return out;
  }

  private static Built candidate(
      Transfer t, UUID customer, Collection<Clue> invoiceClues, List<Clue> payerClues, Settings s) {
    List<Clue> clues = new ArrayList<>(invoiceClues);
    List<OpenInvoice> invoices =
        clues.stream()
            .map(Clue::invoice)
            .sorted(Comparator.comparing(OpenInvoice::dueDate).thenComparing(OpenInvoice::number))
            .toList();
    payerClues.stream().filter(c -> c.customerId().equals(customer)).forEach(clues::add);
    Candidate c = scored(t, customer, invoices, clues, s);
    return new Built(
        c,
        clues.stream().filter(x -> x.invoice() != null).toList(),
        AmountEvidence.assess(t.amount(), invoices, s.feeTolerance()).fit());
  }

  /** Clues, the payer's name and the amount's fit combined into one candidate. */
  private static Candidate scored(
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
      out.add(scored(t, payer.customerId(), combo, List.of(payer), s));
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

  /**
   * Nothing names an invoice or a payer: invoices owing exactly the amount (or within fees); the
   * only one owing it exactly gets {@link AmountEvidence#sole} besides.
   */
  private static List<Candidate> fromAmount(Transfer t, Book book, Settings s) {
    List<OpenInvoice> owing =
        book.withOutstanding(
            t.amount(),
            t.amount().add(s.feeTolerance()),
            t.currency(),
            t.bookingDate(),
            AMOUNT_ONLY_LIMIT);
    List<Clue> sole = AmountEvidence.sole(t.amount(), owing);
    List<Candidate> out = new ArrayList<>();
    for (OpenInvoice i : owing) {
      out.add(scored(t, i.customerId(), List.of(i), new ArrayList<>(sole), s));
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
