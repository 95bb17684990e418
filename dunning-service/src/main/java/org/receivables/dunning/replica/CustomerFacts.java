package org.receivables.dunning.replica;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** What a run knows about one customer: contact data, risk, and the dunning settings. */
public record CustomerFacts(
    String customerId,
    String name,
    String language,
    String email,
    String phone,
    String segment,
    String riskClass,
    BigDecimal probabilityOfDefault,
    boolean doNotDun,
    boolean creditHold,
    boolean exempt,
    LocalDate exemptUntil,
    UUID assignedPolicy) {

  public boolean exemptOn(LocalDate asOf) {
    return doNotDun || (exempt && (exemptUntil == null || !asOf.isAfter(exemptUntil)));
  }

  public String lang() {
    return "en".equalsIgnoreCase(language) ? "en" : "fr";
  }
}
