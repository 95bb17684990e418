package org.receivables.invoicing.invoice;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.receivables.kit.money.Money;

/** An invoice as the API shows it, with the figures derived as of the request's date. */
@Schema(name = "Invoice", description = "An invoice with its settlement figures")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvoiceView(
    @Schema(description = "The invoice's id in this suite") UUID id,
    @Schema(description = "The customer's id in this suite") UUID customerId,
    @Schema(description = "Invoice number, unique per tenant", example = "F-2026-0001")
        String number,
    @Schema(
            description =
                "ISO 11649 creditor reference (RF + check digits), unique per tenant: the"
                    + " reference debtors quote on their transfers",
            example = "RF18539007547034")
        String paymentReference,
    @Schema(description = "OPEN, PARTIALLY_PAID, PAID, CANCELLED or WRITTEN_OFF")
        InvoiceStatus status,
    @Schema(example = "2026-11-23") LocalDate issueDate,
    @Schema(example = "2026-12-23") LocalDate dueDate,
    @Schema(description = "ISO 4217", example = "EUR") String currency,
    @Schema(description = "Sum of the line net amounts", example = "1000.00")
        BigDecimal totalExclTax,
    @Schema(description = "VAT, rounded once per rate", example = "200.00") BigDecimal totalTax,
    @Schema(example = "1200.00") BigDecimal totalInclTax,
    @Schema(description = "Payments received, net of reversals", example = "500.00")
        BigDecimal amountPaid,
    @Schema(
            description =
                "What is still owed: total less payments, discounts granted and credit notes; 0"
                    + " once PAID, CANCELLED or WRITTEN_OFF",
            example = "700.00")
        BigDecimal outstanding,
    @Schema(description = "Early-payment discounts granted", example = "0.00")
        BigDecimal discountGranted,
    @Schema(description = "Credit notes issued against the invoice", example = "0.00")
        BigDecimal amountCredited,
    @Schema(description = "Amount written off as a loss", example = "0.00")
        BigDecimal amountWrittenOff,
    @Schema(description = "The early-payment discount offered, absent when none")
        DiscountView earlyPaymentDiscount,
    @Schema(description = "Day it was cancelled or written off") LocalDate closedOn,
    @Schema(description = "Why it was cancelled or written off") String closeReason,
    @Schema(description = "Whether a dispute is open on the invoice") boolean disputed,
    @Schema(
            description =
                "Whether money is still owed after the due date, as of today in the tenant's zone")
        boolean overdue,
    @Schema(description = "Taxable amount and VAT per rate")
        List<InvoiceTotals.VatBreakdown> vatBreakdown,
    List<LineView> lines,
    @Schema(description = "The buyer's VAT identifier (BT-48), absent when not given")
        String buyerVatId,
    @Schema(description = "Compliance warnings, e.g. terms beyond the French legal cap")
        List<String> warnings,
    @Schema(description = "Changes with every update; also sent as the ETag", example = "0")
        long version) {

  /** The early-payment discount an invoice offers. */
  @Schema(name = "EarlyPaymentDiscount")
  public record DiscountView(
      @Schema(description = "Percent of the total", example = "2") BigDecimal percent,
      @Schema(description = "Discount on the current total after credit notes", example = "24.00")
          BigDecimal amount,
      @Schema(description = "Last day a payment earns it", example = "2026-12-03")
          LocalDate deadline) {}

  /** A line with its computed net amount. */
  @Schema(name = "InvoiceLine")
  public record LineView(
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal vatRate,
      BigDecimal netAmount,
      @Schema(description = "EN 16931 VAT category (BT-151)", example = "S") String vatCategory,
      @Schema(description = "Exemption reason (BT-120); absent for S and Z")
          @JsonInclude(JsonInclude.Include.NON_NULL)
          String vatExemptionReason) {}

  public static InvoiceView of(Invoice i, LocalDate today) {
    String cur = i.currency;
    InvoiceTotals totals =
        InvoiceTotals.of(i.lines.stream().map(InvoiceLine::amounts).toList(), cur);
    return new InvoiceView(
        i.id,
        i.customerId,
        i.number,
        i.paymentReference,
        i.status,
        i.issueDate,
        i.dueDate,
        cur,
        Money.round(i.totalExclTax, cur),
        Money.round(i.totalTax, cur),
        Money.round(i.totalInclTax, cur),
        Money.round(i.amountPaid, cur),
        Money.round(i.outstanding(), cur),
        Money.round(i.discountGranted, cur),
        Money.round(i.amountCredited, cur),
        Money.round(i.amountWrittenOff, cur),
        i.discountPercent == null
            ? null
            : new DiscountView(
                plain(i.discountPercent),
                i.earlyPaymentDiscount().amount(i.discountBase(), cur),
                i.discountDeadline),
        i.closedOn,
        i.closeReason,
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
                        Money.round(l.netAmount, cur),
                        l.category().name(),
                        l.category().exempt() ? l.category().reason(l.vatExemptionReason) : null))
            .toList(),
        i.buyerVatId,
        i.termsWarning == null ? null : List.of(i.termsWarning),
        i.version);
  }

  private static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
