package org.receivables.invoicing.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.receivables.kit.money.Money;

/**
 * The early-payment discount ("escompte", e.g. 2 % within 10 days): a payment received on or before
 * the deadline that pays at least what is owed minus the discount settles the invoice, the
 * difference being granted as discount. A smaller or later payment earns nothing.
 *
 * @param percent null when the invoice offers no discount
 * @param deadline the last day (inclusive) a payment earns the discount
 */
public record EarlyPaymentDiscount(BigDecimal percent, LocalDate deadline) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public static EarlyPaymentDiscount none() {
    return new EarlyPaymentDiscount(null, null);
  }

  /**
   * The discount of terms such as "2 % within 10 days" on an invoice issued on {@code issueDate}.
   */
  public static EarlyPaymentDiscount of(BigDecimal percent, Integer days, LocalDate issueDate) {
    if (percent == null || percent.signum() <= 0 || days == null) {
      return none();
    }
    return new EarlyPaymentDiscount(percent, issueDate.plusDays(days));
  }

  public boolean offered() {
    return percent != null && deadline != null;
  }

  public boolean appliesOn(LocalDate day) {
    return offered() && !day.isAfter(deadline);
  }

  /** The discount on {@code base} (what the invoice is worth after credit notes). */
  public BigDecimal amount(BigDecimal base, String currency) {
    if (!offered()) {
      return Money.zero(currency);
    }
    return base.multiply(percent)
        .divide(HUNDRED, Money.decimals(currency), RoundingMode.HALF_UP)
        .max(Money.zero(currency));
  }

  /**
   * The discount a payment earns.
   *
   * @param outstanding what is owed before the payment
   * @param base the invoice total after credit notes, on which the percentage applies
   * @param payment the amount paid, at most {@code outstanding}
   */
  public BigDecimal grantedFor(
      BigDecimal outstanding,
      BigDecimal base,
      BigDecimal payment,
      LocalDate receivedOn,
      String currency) {
    BigDecimal zero = Money.zero(currency);
    if (!appliesOn(receivedOn) || payment.compareTo(outstanding) >= 0) {
      return zero;
    }
    BigDecimal discount = amount(base, currency);
    return payment.compareTo(outstanding.subtract(discount)) >= 0
        ? Money.round(outstanding.subtract(payment), currency)
        : zero;
  }
}
