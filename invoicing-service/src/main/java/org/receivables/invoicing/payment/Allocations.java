package org.receivables.invoicing.payment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.receivables.kit.money.Money;
import org.receivables.kit.problem.Problem.FieldError;

/**
 * The shape rules of a bank payment spread over invoices, checked before any invoice is touched:
 * every allocation positive and in the currency's minor units, each invoice once, and the
 * allocations adding up exactly to the payment (no unallocated cash).
 */
public final class Allocations {

  /** Part of a payment applied to one invoice. */
  public record Allocation(UUID invoiceId, BigDecimal amount) {}

  private Allocations() {}

  /** The field errors, empty when the allocations are well formed. */
  public static List<FieldError> check(
      BigDecimal amount, String currency, List<Allocation> allocations) {
    List<FieldError> errors = new ArrayList<>();
    if (amount.signum() <= 0) {
      errors.add(new FieldError("amount", "must be positive"));
    } else if (!Money.fitsMinorUnits(amount, currency)) {
      errors.add(new FieldError("amount", "has more decimals than " + currency + " allows"));
    }
    if (allocations.isEmpty()) {
      errors.add(new FieldError("allocations", "must name at least one invoice"));
      return errors;
    }
    Set<UUID> seen = new HashSet<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < allocations.size(); i++) {
      Allocation a = allocations.get(i);
      String at = "allocations[" + i + "]";
      if (!seen.add(a.invoiceId())) {
        errors.add(new FieldError(at + ".invoiceId", "lists an invoice a second time"));
      }
      if (a.amount().signum() <= 0) {
        errors.add(new FieldError(at + ".amount", "must be positive"));
      } else if (!Money.fitsMinorUnits(a.amount(), currency)) {
        errors.add(
            new FieldError(at + ".amount", "has more decimals than " + currency + " allows"));
      }
      sum = sum.add(a.amount());
    }
    if (errors.isEmpty() && sum.compareTo(amount) != 0) {
      errors.add(
          new FieldError(
              "amount",
              "must equal the sum of the allocations ("
                  + Money.round(sum, currency).toPlainString()
                  + ")"));
    }
    return errors;
  }
}
