package org.receivables.scoring.financials;

/** A statement with everything derived from it. */
public record Analysis(Figures figures, FinancialRatios ratios, AltmanZ altmanZ) {

  public static Analysis of(Figures figures) {
    return new Analysis(figures, FinancialRatios.of(figures), AltmanZ.of(figures));
  }
}
