package org.receivables.invoicing.einvoice.lifecycle;

import java.util.Arrays;
import java.util.Optional;

/**
 * The invoice statuses of the French e-invoicing reform ("cycle de vie", codes 200 to 213 of the
 * DGFiP external specifications), so that a platform's status can be stored under its own code.
 * Four are mandatory in the reform: DEPOSITED, REJECTED, REFUSED and PAID (encaissée).
 */
public enum LifecycleStatus {
  DEPOSITED("200", "Déposée"),
  ISSUED_BY_PLATFORM("201", "Émise par la plateforme"),
  RECEIVED_BY_PLATFORM("202", "Reçue par la plateforme"),
  MADE_AVAILABLE("203", "Mise à disposition"),
  TAKEN_OVER("204", "Prise en charge"),
  APPROVED("205", "Approuvée"),
  PARTIALLY_APPROVED("206", "Approuvée partiellement"),
  IN_DISPUTE("207", "En litige"),
  SUSPENDED("208", "Suspendue"),
  COMPLETED("209", "Complétée"),
  REFUSED("210", "Refusée"),
  PAYMENT_SENT("211", "Paiement transmis"),
  PAID("212", "Encaissée"),
  REJECTED("213", "Rejetée");

  private final String code;
  private final String label;

  LifecycleStatus(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  /** The reform's French name. */
  public String label() {
    return label;
  }

  /** After one of these, the invoice's platform life is over: nothing more is reported on it. */
  public boolean terminal() {
    return this == REFUSED || this == REJECTED || this == PAID;
  }

  /** A status given by its name ({@code REFUSED}) or by its code ({@code 210}). */
  public static Optional<LifecycleStatus> parse(String nameOrCode) {
    if (nameOrCode == null) {
      return Optional.empty();
    }
    String s = nameOrCode.trim();
    return Arrays.stream(values())
        .filter(v -> v.name().equalsIgnoreCase(s) || v.code.equals(s))
        .findFirst();
  }
}
