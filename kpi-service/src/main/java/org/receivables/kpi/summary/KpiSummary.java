package org.receivables.kpi.summary;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The collection summary of one tenant and currency as of one date. */
@Schema(name = "KpiSummary")
public record KpiSummary(
    @Schema(description = "The date the figures are computed for") LocalDate asOf,
    @Schema(example = "EUR") String currency,
    @Schema(
            description =
                "Open balance of invoices issued on or before asOf, net of what was paid by then")
        BigDecimal outstanding,
    @Schema(description = "The part of outstanding whose due date is before asOf")
        BigDecimal overdue,
    @Schema(description = "Invoices with an open balance as of asOf") long openInvoices,
    Aging aging) {

  /** Outstanding by days past due; the five buckets add up to outstanding. */
  @Schema(name = "Aging")
  public record Aging(
      @Schema(description = "Due on or after asOf") BigDecimal notDue,
      BigDecimal days1to30,
      BigDecimal days31to60,
      BigDecimal days61to90,
      BigDecimal over90) {}
}
