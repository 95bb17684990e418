package org.receivables.invoicing.invoice;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.receivables.kit.money.Money;

/** An invoice as the API shows it, with the figures derived as of the request's date. */
@Schema(name = "Invoice")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvoiceView(
    UUID id,
    UUID customerId,
    String number,
    InvoiceStatus status,
    LocalDate issueDate,
    LocalDate dueDate,
    String currency,
    BigDecimal totalExclTax,
    BigDecimal totalTax,
    BigDecimal totalInclTax,
    BigDecimal amountPaid,
    BigDecimal outstanding,
    @Schema(description = "Whether a dispute is open on the invoice") boolean disputed,
    @Schema(
            description =
                "Whether money is still owed after the due date, as of today in the tenant's zone")
        boolean overdue,
    List<InvoiceTotals.VatBreakdown> vatBreakdown,
    List<LineView> lines,
    @Schema(description = "Compliance warnings, e.g. terms beyond the French legal cap")
        List<String> warnings,
    long version) {

  /** A line with its computed net amount. */
  @Schema(name = "InvoiceLine")
  public record LineView(
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal vatRate,
      BigDecimal netAmount) {}

  static InvoiceView of(Invoice i, LocalDate today) {
    String cur = i.currency;
    InvoiceTotals totals =
        InvoiceTotals.of(i.lines.stream().map(InvoiceLine::amounts).toList(), cur);
    return new InvoiceView(
        i.id,
        i.customerId,
        i.number,
        i.status,
        i.issueDate,
        i.dueDate,
        cur,
        Money.round(i.totalExclTax, cur),
        Money.round(i.totalTax, cur),
        Money.round(i.totalInclTax, cur),
        Money.round(i.amountPaid, cur),
        Money.round(i.outstanding(), cur),
        i.disputed,
        i.overdueOn(today),
        totals.vatBreakdown(),
        i.lines.stream()
            .map(
                l ->
                    new LineView(
                        l.description,
                        l.quantity.stripTrailingZeros(),
                        l.unitPrice.stripTrailingZeros(),
                        l.vatRate.stripTrailingZeros(),
                        Money.round(l.netAmount, cur)))
            .toList(),
        i.termsWarning == null ? null : List.of(i.termsWarning),
        i.version);
  }
}
