package org.receivables.scoring.financials;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One fiscal year's statement of one customer; a restatement of the same year replaces it. */
@Entity
@Table(name = "sc_financial_statement")
public class FinancialStatement extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "tenant_id", nullable = false, updatable = false)
  public String tenantId;

  @Column(name = "customer_id", nullable = false, updatable = false)
  public String customerId;

  @Column(name = "fiscal_year_end", nullable = false, updatable = false)
  public LocalDate fiscalYearEnd;

  public String currency;

  @Column(name = "total_assets")
  public BigDecimal totalAssets;

  @Column(name = "current_assets")
  public BigDecimal currentAssets;

  public BigDecimal cash;
  public BigDecimal inventories;

  @Column(name = "total_liabilities")
  public BigDecimal totalLiabilities;

  @Column(name = "current_liabilities")
  public BigDecimal currentLiabilities;

  public BigDecimal equity;
  public BigDecimal revenue;
  public BigDecimal ebit;

  @Column(name = "interest_expense")
  public BigDecimal interestExpense;

  @Column(name = "net_income")
  public BigDecimal netIncome;

  @Column(name = "retained_earnings")
  public BigDecimal retainedEarnings;

  @Column(name = "submitted_by")
  public String submittedBy;

  @Column(name = "submitted_at")
  public Instant submittedAt;

  public Figures figures() {
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
