package org.receivables.scoring.financials;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.receivables.kit.money.Money;
import org.receivables.kit.problem.Problem.FieldError;

/**
 * Rejects statements that cannot be true of any company, so that no ratio is ever computed from a
 * typo: a part larger than its whole, a negative asset, a balance sheet that does not balance.
 * Negative equity, losses and negative retained earnings are real and accepted.
 */
public final class StatementCheck {

  /**
   * How far total liabilities + equity may differ from total assets (as a share of total assets):
   * rounding in the source accounts, and minority interests some ERPs leave out.
   */
  public static final BigDecimal BALANCE_TOLERANCE = new BigDecimal("0.01");

  private StatementCheck() {}

  /** Every problem found, each naming its field; empty when the statement is plausible. */
  public static List<FieldError> problems(Figures f, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    if (f.fiscalYearEnd().isAfter(today)) {
      errors.add(new FieldError("fiscalYearEnd", "must not be in the future"));
    }
    if (Money.currency(f.currency()).isEmpty()) {
      errors.add(new FieldError("currency", "is not an ISO 4217 currency"));
    } else {
      minorUnits(errors, f);
    }
    if (f.totalAssets().signum() <= 0) {
      errors.add(new FieldError("totalAssets", "must be greater than 0"));
    }
    nonNegative(errors, "currentAssets", f.currentAssets());
    nonNegative(errors, "cash", f.cash());
    nonNegative(errors, "inventories", f.inventories());
    nonNegative(errors, "totalLiabilities", f.totalLiabilities());
    nonNegative(errors, "currentLiabilities", f.currentLiabilities());
    nonNegative(errors, "revenue", f.revenue());
    nonNegative(errors, "interestExpense", f.interestExpense());
    notAbove(errors, "currentAssets", f.currentAssets(), "totalAssets", f.totalAssets());
    notAbove(errors, "cash", f.cash(), "currentAssets", f.currentAssets());
    notAbove(errors, "inventories", f.inventories(), "currentAssets", f.currentAssets());
    if (f.cash() != null
        && f.inventories() != null
        && f.cash().add(f.inventories()).compareTo(f.currentAssets()) > 0) {
      errors.add(new FieldError("inventories", "cash + inventories must not exceed currentAssets"));
    }
    notAbove(
        errors,
        "currentLiabilities",
        f.currentLiabilities(),
        "totalLiabilities",
        f.totalLiabilities());
    if (f.totalAssets().signum() > 0
        && errors.stream().noneMatch(e -> e.field().equals("equity"))) {
      BigDecimal gap = f.totalLiabilities().add(f.equity()).subtract(f.totalAssets()).abs();
      if (gap.compareTo(f.totalAssets().multiply(BALANCE_TOLERANCE)) > 0) {
        errors.add(
            new FieldError(
                "equity",
                "totalLiabilities + equity must equal totalAssets (balance sheet), got "
                    + f.totalLiabilities().add(f.equity()).toPlainString()
                    + " against "
                    + f.totalAssets().toPlainString()));
      }
    }
    return errors;
  }

  private static void minorUnits(List<FieldError> errors, Figures f) {
    Map<String, BigDecimal> amounts = new LinkedHashMap<>();
    amounts.put("totalAssets", f.totalAssets());
    amounts.put("currentAssets", f.currentAssets());
    amounts.put("cash", f.cash());
    amounts.put("inventories", f.inventories());
    amounts.put("totalLiabilities", f.totalLiabilities());
    amounts.put("currentLiabilities", f.currentLiabilities());
    amounts.put("equity", f.equity());
    amounts.put("revenue", f.revenue());
    amounts.put("ebit", f.ebit());
    amounts.put("interestExpense", f.interestExpense());
    amounts.put("netIncome", f.netIncome());
    amounts.put("retainedEarnings", f.retainedEarnings());
    amounts.forEach(
        (field, v) -> {
          if (v != null && !Money.fitsMinorUnits(v, f.currency())) {
            errors.add(new FieldError(field, "has more decimals than " + f.currency() + " allows"));
          }
        });
  }

  private static void nonNegative(List<FieldError> errors, String field, BigDecimal value) {
    if (value != null && value.signum() < 0) {
      errors.add(new FieldError(field, "must not be negative"));
    }
  }

  private static void notAbove(
      List<FieldError> errors, String part, BigDecimal value, String whole, BigDecimal limit) {
    if (value != null && limit != null && value.compareTo(limit) > 0) {
      errors.add(new FieldError(part, "must not exceed " + whole));
    }
  }
}
