package org.receivables.scoring.behaviour;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One dated reduction of what an invoice owes. A reversed payment counts until the day it was
 * reversed, so a score as of an earlier date sees it as it was then.
 */
public record Settlement(Kind kind, BigDecimal amount, LocalDate on, LocalDate reversedOn) {

  /** What reduced the balance: only payments say anything about how a customer pays. */
  public enum Kind {
    PAYMENT,
    CREDIT_NOTE,
    WRITE_OFF
  }

  public static Settlement payment(BigDecimal amount, LocalDate on) {
    return new Settlement(Kind.PAYMENT, amount, on, null);
  }

  /** In force as of {@code asOf}: already happened and not yet reversed. */
  public boolean effectiveOn(LocalDate asOf) {
    return !on.isAfter(asOf) && (reversedOn == null || reversedOn.isAfter(asOf));
  }

  public Settlement movedTo(LocalDate date) {
    return new Settlement(kind, amount, date, reversedOn);
  }
}
