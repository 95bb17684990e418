package org.receivables.kit.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Optional;

/**
 * Amounts in a currency's minor units: EUR has two decimals, JPY none. Every amount the suite
 * stores or returns goes through {@link #round}, so no figure carries more precision than the
 * currency has.
 */
public final class Money {

  private Money() {}

  /** The ISO 4217 currency, or empty when the code is not one. */
  public static Optional<Currency> currency(String code) {
    if (code == null || !code.matches("[A-Z]{3}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Currency.getInstance(code));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public static int decimals(String currencyCode) {
    int digits =
        currency(currencyCode).orElseThrow(() -> unknown(currencyCode)).getDefaultFractionDigits();
    return Math.max(digits, 0);
  }

  /** Rounds half-up to the currency's minor unit, as invoices and EN 16931 do. */
  public static BigDecimal round(BigDecimal amount, String currencyCode) {
    return amount.setScale(decimals(currencyCode), RoundingMode.HALF_UP);
  }

  public static BigDecimal zero(String currencyCode) {
    return BigDecimal.ZERO.setScale(decimals(currencyCode));
  }

  /** True when the amount has no more decimals than the currency allows (1.005 EUR does not). */
  public static boolean fitsMinorUnits(BigDecimal amount, String currencyCode) {
    return amount.stripTrailingZeros().scale() <= decimals(currencyCode);
  }

  private static IllegalArgumentException unknown(String code) {
    return new IllegalArgumentException("Not an ISO 4217 currency: " + code);
  }
}
