package org.receivables.invoicing.cash.statement;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Opening balance plus booked entries must give the closing balance. A statement that does not add
 * up is still imported (the bank's entries are facts) but flagged, since an entry may be missing.
 */
public final class BalanceCheck {

  private BalanceCheck() {}

  /** Why the statement does not add up, or empty when it does or carries no balances. */
  public static Optional<String> problem(ParsedStatement s) {
    if (s.opening() == null || s.closing() == null) {
      return Optional.empty();
    }
    BigDecimal sum = s.opening();
    for (ParsedStatement.Entry e : s.entries()) {
      if (e.booked()) {
        sum = sum.add(e.signed());
      }
    }
    if (sum.compareTo(s.closing()) == 0) {
      return Optional.empty();
    }
    return Optional.of(
        "opening balance "
            + s.opening().toPlainString()
            + " plus booked entries gives "
            + sum.toPlainString()
            + ", but the closing balance is "
            + s.closing().toPlainString());
  }

  /** Whether the balances add up; null when there are none to check. */
  public static Boolean balanced(ParsedStatement s) {
    return s.opening() == null || s.closing() == null ? null : problem(s).isEmpty();
  }
}
