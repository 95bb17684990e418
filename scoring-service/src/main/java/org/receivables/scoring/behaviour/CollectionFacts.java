package org.receivables.scoring.behaviour;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What collection work revealed about a customer: disputes (from invoicing) and broken promises,
 * broken payment plans and escalations (from dunning).
 */
public record CollectionFacts(
    List<Dispute> disputes,
    List<LocalDate> brokenPromises,
    List<LocalDate> brokenPlans,
    List<LocalDate> escalations) {

  public static final CollectionFacts NONE =
      new CollectionFacts(List.of(), List.of(), List.of(), List.of());

  public CollectionFacts {
    disputes = List.copyOf(disputes);
    brokenPromises = List.copyOf(brokenPromises);
    brokenPlans = List.copyOf(brokenPlans);
    escalations = List.copyOf(escalations);
  }

  /** A dispute on an invoice; {@code resolvedOn} is null while it is open. */
  public record Dispute(LocalDate openedOn, LocalDate resolvedOn, BigDecimal amount) {

    public boolean openOn(LocalDate asOf) {
      return !openedOn.isAfter(asOf) && (resolvedOn == null || resolvedOn.isAfter(asOf));
    }
  }
}
