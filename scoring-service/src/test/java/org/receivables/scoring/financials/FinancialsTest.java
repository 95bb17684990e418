package org.receivables.scoring.financials;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.receivables.kit.problem.Problem.FieldError;

public class FinancialsTest {

  static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

  static BigDecimal d(String v) {
    return v == null ? null : new BigDecimal(v);
  }

  /** A profitable, well-capitalised wholesaler. */
  public static Figures healthy() {
    return new Figures(
        LocalDate.of(2025, 12, 31),
        "EUR",
        d("1000000"),
        d("600000"),
        d("150000"),
        d("100000"),
        d("400000"),
        d("250000"),
        d("600000"),
        d("2000000"),
        d("150000"),
        d("10000"),
        d("100000"),
        d("400000"));
  }

  /** Losses, negative equity, short-term debt above current assets. */
  public static Figures distressed() {
    return new Figures(
        LocalDate.of(2025, 12, 31),
        "EUR",
        d("500000"),
        d("150000"),
        d("5000"),
        null,
        d("520000"),
        d("300000"),
        d("-20000"),
        d("800000"),
        d("-30000"),
        d("25000"),
        d("-60000"),
        d("-120000"));
  }

  @Test
  void healthyFirmWorkedExample() {
    Analysis a = Analysis.of(healthy());
    // X1 = 350/1000, X2 = 400/1000, X3 = 150/1000, X4 = 600/400
    assertThat(a.altmanZ().x1()).isEqualByComparingTo("0.35");
    assertThat(a.altmanZ().x2()).isEqualByComparingTo("0.40");
    assertThat(a.altmanZ().x3()).isEqualByComparingTo("0.15");
    assertThat(a.altmanZ().x4()).isEqualByComparingTo("1.5");
    // 6.56×0.35 + 3.26×0.40 + 6.72×0.15 + 1.05×1.5 = 2.296 + 1.304 + 1.008 + 1.575 = 6.183
    assertThat(a.altmanZ().score()).isEqualByComparingTo("6.18");
    assertThat(a.altmanZ().zone()).isEqualTo(AltmanZ.Zone.SAFE);
    FinancialRatios r = a.ratios();
    assertThat(r.debtRatio()).isEqualByComparingTo("0.4");
    assertThat(r.equityRatio()).isEqualByComparingTo("0.6");
    assertThat(r.currentRatio()).isEqualByComparingTo("2.4");
    assertThat(r.quickRatio()).isEqualByComparingTo("2.0"); // (600 − 100) / 250
    assertThat(r.interestCoverage()).isEqualByComparingTo("15");
    assertThat(r.netMargin()).isEqualByComparingTo("0.05");
    assertThat(r.workingCapital()).isEqualByComparingTo("350000");
  }

  @Test
  void distressedFirmWorkedExample() {
    Analysis a = Analysis.of(distressed());
    // 6.56×(−0.30) + 3.26×(−0.24) + 6.72×(−0.06) + 1.05×(−20/520) = −3.194
    assertThat(a.altmanZ().score()).isEqualByComparingTo("-3.19");
    assertThat(a.altmanZ().zone()).isEqualTo(AltmanZ.Zone.DISTRESS);
    FinancialRatios r = a.ratios();
    assertThat(r.debtRatio()).isEqualByComparingTo("1.04");
    assertThat(r.equityRatio()).isEqualByComparingTo("-0.04");
    assertThat(r.currentRatio()).isEqualByComparingTo("0.5");
    // no inventories given: cash only, 5 / 300
    assertThat(r.quickRatio()).isEqualByComparingTo("0.0167");
    assertThat(r.interestCoverage()).isEqualByComparingTo("-1.2");
    assertThat(r.netMargin()).isEqualByComparingTo("-0.075");
  }

  @Test
  void zoneBoundariesAreAltmans() {
    assertThat(zoneOf("2.61")).isEqualTo(AltmanZ.Zone.SAFE);
    assertThat(zoneOf("2.60")).isEqualTo(AltmanZ.Zone.GREY);
    assertThat(zoneOf("1.10")).isEqualTo(AltmanZ.Zone.GREY);
    assertThat(zoneOf("1.09")).isEqualTo(AltmanZ.Zone.DISTRESS);
  }

  /** A firm whose Z'' is exactly {@code z}: only X3 (EBIT / total assets) is non-zero. */
  private static AltmanZ.Zone zoneOf(String z) {
    BigDecimal ebit =
        new BigDecimal(z)
            .divide(new BigDecimal("6.72"), 10, java.math.RoundingMode.HALF_UP)
            .multiply(new BigDecimal("1000000"));
    Figures f =
        new Figures(
            TODAY,
            "EUR",
            d("1000000"),
            d("0"),
            null,
            null,
            d("1000000"),
            d("0"),
            d("0"),
            d("1000000"),
            ebit,
            null,
            null,
            d("0"));
    return AltmanZ.of(f).zone();
  }

  @Test
  void withoutRetainedEarningsThereIsNoZScore() {
    Figures f = healthy();
    Figures noRe =
        new Figures(
            f.fiscalYearEnd(),
            f.currency(),
            f.totalAssets(),
            f.currentAssets(),
            f.cash(),
            f.inventories(),
            f.totalLiabilities(),
            f.currentLiabilities(),
            f.equity(),
            f.revenue(),
            f.ebit(),
            null,
            null,
            null);
    Analysis a = Analysis.of(noRe);
    assertThat(a.altmanZ()).isNull();
    assertThat(a.ratios().interestCoverage()).isNull();
    assertThat(a.ratios().netMargin()).isNull();
  }

  @Test
  void plausibleStatementsPass() {
    assertThat(StatementCheck.problems(healthy(), TODAY)).isEmpty();
    assertThat(StatementCheck.problems(distressed(), TODAY)).isEmpty();
  }

  @Test
  void impossibleStatementsNameTheirField() {
    Figures h = healthy();
    assertThat(fields(with(h, "currentAssets", "1200000"))).contains("currentAssets");
    assertThat(fields(with(h, "totalAssets", "-5"))).contains("totalAssets");
    assertThat(fields(with(h, "cash", "700000"))).contains("cash");
    assertThat(fields(with(h, "currentLiabilities", "500000"))).contains("currentLiabilities");
    assertThat(fields(with(h, "equity", "900000"))).containsExactly("equity");
    assertThat(fields(with(h, "revenue", "-1"))).containsExactly("revenue");
    assertThat(fields(with(h, "ebit", "1.005"))).containsExactly("ebit");
    Figures future =
        new Figures(
            TODAY.plusDays(1),
            h.currency(),
            h.totalAssets(),
            h.currentAssets(),
            h.cash(),
            h.inventories(),
            h.totalLiabilities(),
            h.currentLiabilities(),
            h.equity(),
            h.revenue(),
            h.ebit(),
            h.interestExpense(),
            h.netIncome(),
            h.retainedEarnings());
    assertThat(fields(future)).containsExactly("fiscalYearEnd");
  }

  private static List<String> fields(Figures f) {
    return StatementCheck.problems(f, TODAY).stream().map(FieldError::field).toList();
  }

  static Figures with(Figures f, String field, String value) {
    BigDecimal v = new BigDecimal(value);
    return new Figures(
        f.fiscalYearEnd(),
        f.currency(),
        field.equals("totalAssets") ? v : f.totalAssets(),
        field.equals("currentAssets") ? v : f.currentAssets(),
        field.equals("cash") ? v : f.cash(),
        f.inventories(),
        f.totalLiabilities(),
        field.equals("currentLiabilities") ? v : f.currentLiabilities(),
        field.equals("equity") ? v : f.equity(),
        field.equals("revenue") ? v : f.revenue(),
        field.equals("ebit") ? v : f.ebit(),
        f.interestExpense(),
        f.netIncome(),
        f.retainedEarnings());
  }
}
