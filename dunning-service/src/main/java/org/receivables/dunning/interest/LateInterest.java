package org.receivables.dunning.interest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.receivables.dunning.policy.InterestBasis;
import org.receivables.dunning.replica.Movement;
import org.receivables.kit.money.Money;

/**
 * Late-payment interest and the fixed recovery indemnity on one invoice.
 *
 * <p>Interest runs from the day after the due date up to and including the as-of date, on the
 * principal still owed each day (a payment dated D stops interest on the paid part from D + 1), at
 * the rate of the half-year the day falls in: the ECB main refinancing rate in force on 1 January
 * or 1 July plus 10 points (Code de commerce L441-10) or plus 8 points (directive 2011/7/EU), or
 * the contractual rate. Simple interest, actual days over 365. Each period line is rounded half-up
 * to the currency's minor unit, and the total is the sum of the lines, so a letter's table adds up.
 * The 40 EUR indemnity (D441-5) is due once per late invoice.
 */
public final class LateInterest {

  public static final BigDecimal FR_MARGIN = new BigDecimal("10");
  public static final BigDecimal EU_MARGIN = new BigDecimal("8");
  public static final BigDecimal INDEMNITY_EUR = new BigDecimal("40.00");
  private static final BigDecimal DAYS_IN_YEAR = new BigDecimal("365");
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private LateInterest() {}

  /** One period of constant principal and rate. */
  @Schema(name = "InterestLine")
  public record Line(
      LocalDate from,
      LocalDate to,
      long days,
      String halfYear,
      BigDecimal principal,
      BigDecimal annualRate,
      boolean provisionalRate,
      BigDecimal interest) {}

  /** The claim on one invoice as of a date. */
  public record Result(
      long daysLate,
      BigDecimal principal,
      List<Line> lines,
      BigDecimal interest,
      BigDecimal indemnity,
      boolean provisional) {}

  /**
   * @param total what the invoice claimed at issue (incl. tax)
   * @param movements payments (+), reversals (−), credit notes (+) with their dates
   */
  public static Result compute(
      InterestBasis basis,
      BigDecimal contractualRate,
      String currency,
      BigDecimal total,
      List<Movement> movements,
      LocalDate dueDate,
      LocalDate asOf,
      RateTable rates) {
    Objects.requireNonNull(basis, "basis");
    long daysLate = Math.max(0, ChronoUnit.DAYS.between(dueDate, asOf));
    List<Line> lines = new ArrayList<>();
    BigDecimal sum = Money.zero(currency);
    boolean provisional = false;
    LocalDate from = null;
    BigDecimal runPrincipal = null;
    HalfYear runHalf = null;
    RateTable.Rate runRate = null;
    for (LocalDate day = dueDate.plusDays(1); !day.isAfter(asOf); day = day.plusDays(1)) {
      BigDecimal principal = principalOn(total, movements, day);
      HalfYear half = HalfYear.of(day);
      if (from != null && (principal.compareTo(runPrincipal) != 0 || !half.equals(runHalf))) {
        Line line =
            line(
                basis,
                contractualRate,
                currency,
                from,
                day.minusDays(1),
                runHalf,
                runPrincipal,
                runRate);
        lines.add(line);
        sum = sum.add(line.interest());
        provisional |= line.provisionalRate();
        from = null;
      }
      if (from == null) {
        from = day;
        runPrincipal = principal;
        runHalf = half;
        runRate = basis == InterestBasis.CONTRACTUAL ? null : rates.rateFor(half);
      }
    }
    if (from != null) {
      Line line =
          line(basis, contractualRate, currency, from, asOf, runHalf, runPrincipal, runRate);
      lines.add(line);
      sum = sum.add(line.interest());
      provisional |= line.provisionalRate();
    }
    lines.removeIf(l -> l.principal().signum() <= 0);
    BigDecimal owedNow = principalOn(total, movements, asOf.plusDays(1));
    BigDecimal indemnity =
        daysLate > 0 && "EUR".equals(currency) ? INDEMNITY_EUR : Money.zero(currency);
    return new Result(
        daysLate,
        Money.round(owedNow.max(BigDecimal.ZERO), currency),
        List.copyOf(lines),
        sum,
        indemnity,
        provisional);
  }

  /** The annual rate in percent for a half-year under a basis. */
  public static BigDecimal annualRate(
      InterestBasis basis, BigDecimal contractualRate, BigDecimal ecbRate) {
    return switch (basis) {
      case FR_LEGAL -> ecbRate.add(FR_MARGIN);
      case EU_DIRECTIVE -> ecbRate.add(EU_MARGIN);
      case CONTRACTUAL -> Objects.requireNonNull(contractualRate, "contractualRate");
    };
  }

  private static Line line(
      InterestBasis basis,
      BigDecimal contractualRate,
      String currency,
      LocalDate from,
      LocalDate to,
      HalfYear half,
      BigDecimal principal,
      RateTable.Rate rate) {
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    BigDecimal annual = annualRate(basis, contractualRate, rate == null ? null : rate.ecbRate());
    BigDecimal interest =
        principal.signum() <= 0
            ? Money.zero(currency)
            : Money.round(
                principal
                    .multiply(annual)
                    .multiply(BigDecimal.valueOf(days))
                    .divide(HUNDRED.multiply(DAYS_IN_YEAR), MathContext.DECIMAL128)
                    .setScale(8, RoundingMode.HALF_UP),
                currency);
    return new Line(
        from,
        to,
        days,
        half.toString(),
        Money.round(principal, currency),
        annual,
        rate != null && rate.provisional(),
        interest);
  }

  /** The principal owed during {@code day}: movements dated before it count. */
  static BigDecimal principalOn(BigDecimal total, List<Movement> movements, LocalDate day) {
    BigDecimal principal = total;
    for (Movement m : movements) {
      if (m.on().isBefore(day)) {
        principal = principal.subtract(m.amount());
      }
    }
    return principal.max(BigDecimal.ZERO);
  }
}
