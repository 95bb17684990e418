package org.receivables.dunning.interest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.receivables.dunning.policy.InterestBasis;
import org.receivables.dunning.replica.Movement;

class LateInterestTest {

  private static final RateTable RATES =
      new RateTable(
          Map.of(
              new HalfYear(2024, 1), new BigDecimal("4.50"),
              new HalfYear(2024, 2), new BigDecimal("4.25"),
              new HalfYear(2025, 1), new BigDecimal("3.15")));

  /**
   * Worked by hand. Invoice 10,000.00 EUR due 2024-05-15, claimed as of 2024-08-14, French basis.
   *
   * <ul>
   *   <li>H1 2024: ECB 4.50 % + 10 = 14.50 %. Days 2024-05-16..2024-06-30 = 16 + 30 = 46. 10,000 ×
   *       14.50 % × 46 / 365 = 1,450 × 46 / 365 = 66,700 / 365 = 182.739… → 182.74
   *   <li>H2 2024: ECB 4.25 % + 10 = 14.25 %. Days 2024-07-01..2024-08-14 = 31 + 14 = 45. 10,000 ×
   *       14.25 % × 45 / 365 = 1,425 × 45 / 365 = 64,125 / 365 = 175.684… → 175.68
   *   <li>Interest 182.74 + 175.68 = 358.42; indemnity 40.00 (one late invoice).
   * </ul>
   */
  @Test
  void frenchInterestAcrossTwoHalfYears() {
    LateInterest.Result r =
        LateInterest.compute(
            InterestBasis.FR_LEGAL,
            null,
            "EUR",
            new BigDecimal("10000.00"),
            List.of(),
            LocalDate.of(2024, 5, 15),
            LocalDate.of(2024, 8, 14),
            RATES);
    assertThat(r.daysLate()).isEqualTo(91);
    assertThat(r.lines()).hasSize(2);
    assertThat(r.lines().get(0).days()).isEqualTo(46);
    assertThat(r.lines().get(0).annualRate()).isEqualByComparingTo("14.50");
    assertThat(r.lines().get(0).interest()).isEqualByComparingTo("182.74");
    assertThat(r.lines().get(1).from()).isEqualTo(LocalDate.of(2024, 7, 1));
    assertThat(r.lines().get(1).days()).isEqualTo(45);
    assertThat(r.lines().get(1).annualRate()).isEqualByComparingTo("14.25");
    assertThat(r.lines().get(1).interest()).isEqualByComparingTo("175.68");
    assertThat(r.interest()).isEqualByComparingTo("358.42");
    assertThat(r.indemnity()).isEqualByComparingTo("40.00");
    assertThat(r.provisional()).isFalse();
  }

  /**
   * Same invoice, 4,000.00 paid on 2024-07-10 (interest on the paid part stops from 07-11): 182.74
   * (H1 as above) + 10,000 × 14.25 % × 10 / 365 = 39.04 (07-01..07-10) + 6,000 × 14.25 % × 35 / 365
   * = 29,925 / 365 = 81.99 (07-11..08-14) = 303.77.
   */
  @Test
  void aPartPaymentReducesThePrincipalFromTheNextDay() {
    LateInterest.Result r =
        LateInterest.compute(
            InterestBasis.FR_LEGAL,
            null,
            "EUR",
            new BigDecimal("10000.00"),
            List.of(new Movement(LocalDate.of(2024, 7, 10), new BigDecimal("4000.00"))),
            LocalDate.of(2024, 5, 15),
            LocalDate.of(2024, 8, 14),
            RATES);
    assertThat(r.lines())
        .extracting(LateInterest.Line::interest)
        .containsExactly(
            new BigDecimal("182.74"), new BigDecimal("39.04"), new BigDecimal("81.99"));
    assertThat(r.interest()).isEqualByComparingTo("303.77");
    assertThat(r.principal()).isEqualByComparingTo("6000.00");
  }

  /**
   * EU basis, H1 2025: 3.15 + 8 = 11.15 %; 1,000 × 11.15 % × 30 / 365 = 3,345 / 365 = 9.164… →
   * 9.16.
   */
  @Test
  void euDirectiveAddsEightPoints() {
    LateInterest.Result r =
        LateInterest.compute(
            InterestBasis.EU_DIRECTIVE,
            null,
            "EUR",
            new BigDecimal("1000.00"),
            List.of(),
            LocalDate.of(2025, 3, 1),
            LocalDate.of(2025, 3, 31),
            RATES);
    assertThat(r.lines())
        .singleElement()
        .satisfies(l -> assertThat(l.annualRate()).isEqualByComparingTo("11.15"));
    assertThat(r.interest()).isEqualByComparingTo("9.16");
  }

  /** Contractual 12 %: 2,000 × 12 % × 73 / 365 = 48.00, whatever the half-years. */
  @Test
  void aContractualRateIgnoresTheTable() {
    LateInterest.Result r =
        LateInterest.compute(
            InterestBasis.CONTRACTUAL,
            new BigDecimal("12"),
            "EUR",
            new BigDecimal("2000.00"),
            List.of(),
            LocalDate.of(2024, 6, 14),
            LocalDate.of(2024, 8, 26),
            RATES);
    assertThat(r.interest()).isEqualByComparingTo("48.00");
  }

  @Test
  void aHalfYearMissingFromTheTableTakesTheLastKnownRateAndSaysSo() {
    LateInterest.Result r =
        LateInterest.compute(
            InterestBasis.FR_LEGAL,
            null,
            "EUR",
            new BigDecimal("1000.00"),
            List.of(),
            LocalDate.of(2026, 1, 31),
            LocalDate.of(2026, 2, 10),
            RATES);
    assertThat(r.provisional()).isTrue();
    assertThat(r.lines().get(0).annualRate()).isEqualByComparingTo("13.15");
  }

  @Test
  void nothingIsDueOnTimeOrForAPaidInvoice() {
    LateInterest.Result onTime =
        LateInterest.compute(
            InterestBasis.FR_LEGAL,
            null,
            "EUR",
            new BigDecimal("500.00"),
            List.of(),
            LocalDate.of(2024, 5, 15),
            LocalDate.of(2024, 5, 15),
            RATES);
    assertThat(onTime.interest()).isEqualByComparingTo("0");
    assertThat(onTime.indemnity()).isEqualByComparingTo("0");
    LateInterest.Result paidLate =
        LateInterest.compute(
            InterestBasis.FR_LEGAL,
            null,
            "EUR",
            new BigDecimal("500.00"),
            List.of(new Movement(LocalDate.of(2024, 5, 16), new BigDecimal("500.00"))),
            LocalDate.of(2024, 5, 15),
            LocalDate.of(2024, 6, 15),
            RATES);
    // one day late: 500 × 14.5 % × 1 / 365 = 0.1986 → 0.20, and the indemnity is still due
    assertThat(paidLate.interest()).isEqualByComparingTo("0.20");
    assertThat(paidLate.indemnity()).isEqualByComparingTo("40.00");
  }

  @Test
  void halfYearsParseAndOrder() {
    assertThat(HalfYear.parse("h", "2025-H2")).isEqualTo(new HalfYear(2025, 2));
    assertThat(HalfYear.of(LocalDate.of(2025, 6, 30))).isEqualTo(new HalfYear(2025, 1));
    assertThat(new HalfYear(2025, 1).previous()).isEqualTo(new HalfYear(2024, 2));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> HalfYear.parse("h", "2025-H3"))
        .isInstanceOf(org.receivables.kit.problem.ProblemException.class);
  }
}
