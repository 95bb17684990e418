package org.receivables.invoicing.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * A customer's payment terms: the rule that turns an invoice date into a due date, and the optional
 * early-payment discount (e.g. 2 % within 10 days).
 *
 * @param discountPercent null when there is no discount
 * @param discountDays days after the invoice date within which the discount applies
 */
public record PaymentTerms(
    int days, EndOfMonthRule endOfMonth, BigDecimal discountPercent, Integer discountDays) {

  public PaymentTerms {
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative");
    }
    Objects.requireNonNull(endOfMonth, "endOfMonth");
  }

  public static PaymentTerms net(int days) {
    return new PaymentTerms(days, EndOfMonthRule.NONE, null, null);
  }

  public LocalDate dueDate(LocalDate issueDate) {
    return switch (endOfMonth) {
      case NONE -> issueDate.plusDays(days);
      case DAYS_THEN_END_OF_MONTH -> endOfMonth(issueDate.plusDays(days));
      case END_OF_MONTH_THEN_DAYS -> endOfMonth(issueDate).plusDays(days);
    };
  }

  public boolean hasDiscount() {
    return discountPercent != null && discountPercent.signum() > 0 && discountDays != null;
  }

  static LocalDate endOfMonth(LocalDate date) {
    return date.with(TemporalAdjusters.lastDayOfMonth());
  }
}
