package org.receivables.scoring.financials;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer's balance sheet and income statement for one fiscal year, in major units. */
@Schema(name = "FinancialStatementRequest")
public record StatementRequest(
    @Schema(description = "The customer's id in this suite") @NotBlank @Size(max = 100)
        String customerId,
    @Schema(description = "Last day of the fiscal year", example = "2025-12-31") @NotNull
        LocalDate fiscalYearEnd,
    @Schema(example = "EUR")
        @NotNull
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        String currency,
    @Schema(description = "Total assets (total du bilan); greater than 0", example = "1000000")
        @NotNull
        @Digits(integer = 15, fraction = 4)
        BigDecimal totalAssets,
    @Schema(description = "Current assets (actif circulant)", example = "600000")
        @NotNull
        @Digits(integer = 15, fraction = 4)
        BigDecimal currentAssets,
    @Schema(description = "Cash and equivalents (disponibilités)", example = "150000")
        @Digits(integer = 15, fraction = 4)
        BigDecimal cash,
    @Schema(
            description = "Inventories (stocks); gives the quick ratio its textbook form",
            example = "100000")
        @Digits(integer = 15, fraction = 4)
        BigDecimal inventories,
    @Schema(description = "Total liabilities (dettes et provisions)", example = "400000")
        @NotNull
        @Digits(integer = 15, fraction = 4)
        BigDecimal totalLiabilities,
    @Schema(
            description = "Liabilities due within a year (dettes à court terme)",
            example = "250000")
        @NotNull
        @Digits(integer = 15, fraction = 4)
        BigDecimal currentLiabilities,
    @Schema(
            description =
                "Book value of equity (capitaux propres); may be negative. totalLiabilities +"
                    + " equity must equal totalAssets within 1 %",
            example = "600000")
        @NotNull
        @Digits(integer = 15, fraction = 4)
        BigDecimal equity,
    @Schema(description = "Revenue (chiffre d'affaires)", example = "2000000")
        @NotNull
        @Digits(integer = 15, fraction = 4)
        BigDecimal revenue,
    @Schema(
            description = "Earnings before interest and taxes (résultat d'exploitation)",
            example = "150000")
        @NotNull
        @Digits(integer = 15, fraction = 4)
        BigDecimal ebit,
    @Schema(description = "Interest expense (charges financières)", example = "10000")
        @Digits(integer = 15, fraction = 4)
        BigDecimal interestExpense,
    @Schema(description = "Net income (résultat net)", example = "100000")
        @Digits(integer = 15, fraction = 4)
        BigDecimal netIncome,
    @Schema(
            description = "Retained earnings (réserves + report à nouveau); needed for Altman Z''",
            example = "400000")
        @Digits(integer = 15, fraction = 4)
        BigDecimal retainedEarnings) {

  Figures figures() {
    return new Figures(
        fiscalYearEnd,
        currency,
        totalAssets,
        currentAssets,
        cash,
        inventories,
        totalLiabilities,
        currentLiabilities,
        equity,
        revenue,
        ebit,
        interestExpense,
        netIncome,
        retainedEarnings);
  }
}
