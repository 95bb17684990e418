package org.receivables.scoring.financials;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.receivables.kit.money.Money;

/** A statement as filed, with its ratios and Altman Z''. */
@Schema(name = "FinancialStatement")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatementView(
    UUID id,
    String customerId,
    LocalDate fiscalYearEnd,
    String currency,
    BigDecimal totalAssets,
    BigDecimal currentAssets,
    BigDecimal cash,
    BigDecimal inventories,
    BigDecimal totalLiabilities,
    BigDecimal currentLiabilities,
    BigDecimal equity,
    BigDecimal revenue,
    BigDecimal ebit,
    BigDecimal interestExpense,
    BigDecimal netIncome,
    BigDecimal retainedEarnings,
    @Schema(description = "Derived ratios; a ratio that cannot be formed is absent") Ratios ratios,
    @Schema(description = "Absent without retainedEarnings") Altman altmanZ,
    Instant submittedAt) {

  /** Ratios, 4 decimals; 999.9999 stands for "unlimited" (zero denominator, good side). */
  @Schema(name = "FinancialRatios")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Ratios(
      @Schema(description = "totalLiabilities / totalAssets", example = "0.4") BigDecimal debtRatio,
      @Schema(description = "equity / totalAssets", example = "0.6") BigDecimal equityRatio,
      @Schema(description = "currentAssets / currentLiabilities", example = "2.4")
          BigDecimal currentRatio,
      @Schema(
              description =
                  "(currentAssets − inventories) / currentLiabilities; cash / currentLiabilities"
                      + " without inventories",
              example = "2.0")
          BigDecimal quickRatio,
      @Schema(description = "ebit / interestExpense", example = "15") BigDecimal interestCoverage,
      @Schema(description = "netIncome / revenue", example = "0.05") BigDecimal netMargin,
      @Schema(description = "currentAssets − currentLiabilities", example = "350000")
          BigDecimal workingCapital) {}

  /** Altman Z'' for private non-manufacturing firms, with its inputs. */
  @Schema(name = "AltmanZScore")
  public record Altman(
      @Schema(description = "working capital / total assets") BigDecimal x1,
      @Schema(description = "retained earnings / total assets") BigDecimal x2,
      @Schema(description = "EBIT / total assets") BigDecimal x3,
      @Schema(description = "book equity / total liabilities") BigDecimal x4,
      @Schema(description = "6.56 X1 + 3.26 X2 + 6.72 X3 + 1.05 X4", example = "6.18")
          BigDecimal score,
      @Schema(description = "SAFE above 2.60, GREY 1.10-2.60, DISTRESS below 1.10")
          AltmanZ.Zone zone) {}

  private static BigDecimal m(BigDecimal amount, String currency) {
    return amount == null ? null : Money.round(amount, currency);
  }

  static StatementView of(FinancialStatement s) {
    Analysis a = Analysis.of(s.figures());
    FinancialRatios r = a.ratios();
    AltmanZ z = a.altmanZ();
    return new StatementView(
        s.id,
        s.customerId,
        s.fiscalYearEnd,
        s.currency,
        m(s.totalAssets, s.currency),
        m(s.currentAssets, s.currency),
        m(s.cash, s.currency),
        m(s.inventories, s.currency),
        m(s.totalLiabilities, s.currency),
        m(s.currentLiabilities, s.currency),
        m(s.equity, s.currency),
        m(s.revenue, s.currency),
        m(s.ebit, s.currency),
        m(s.interestExpense, s.currency),
        m(s.netIncome, s.currency),
        m(s.retainedEarnings, s.currency),
        new Ratios(
            r.debtRatio(),
            r.equityRatio(),
            r.currentRatio(),
            r.quickRatio(),
            r.interestCoverage(),
            r.netMargin(),
            r.workingCapital()),
        z == null ? null : new Altman(z.x1(), z.x2(), z.x3(), z.x4(), z.score(), z.zone()),
        s.submittedAt);
  }
}
