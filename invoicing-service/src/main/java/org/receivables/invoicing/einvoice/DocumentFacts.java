package org.receivables.invoicing.einvoice;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.receivables.invoicing.einvoice.read.EDocument;

/**
 * The document's own terms that the ledger has no column for, kept exactly as sent and shown with
 * the ledger entry: VAT breakdown per category, allowances and charges, totals with the prepaid
 * amount, the remittance reference cash application matches on, buyer reference, order, notes.
 */
@Schema(name = "EInvoiceFacts", description = "EN 16931 terms of the received document, as sent")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentFacts(
    @Schema(description = "UBL or CII", example = "UBL") String syntax,
    @Schema(description = "BT-3, UNTDID 1001", example = "380") String typeCode,
    @Schema(description = "BT-27 seller name", nullable = true) String sellerName,
    @Schema(description = "BT-31 seller VAT id", nullable = true) String sellerVatId,
    @Schema(description = "BT-30 seller legal registration id", nullable = true)
        String sellerLegalId,
    @Schema(description = "BT-10 buyer reference", nullable = true) String buyerReference,
    @Schema(description = "BT-13 purchase order reference", nullable = true)
        String purchaseOrderReference,
    @Schema(description = "BT-25 preceding invoice reference", nullable = true)
        String precedingInvoiceReference,
    @Schema(description = "BT-20 payment terms", nullable = true) String paymentTerms,
    @Schema(description = "BT-81 payment means type code (UNTDID 4461)", nullable = true)
        String paymentMeansCode,
    @Schema(
            description = "BT-83 remittance information, kept for cash application",
            nullable = true)
        String remittanceInformation,
    @Schema(description = "BT-22 notes") List<String> notes,
    @Schema(description = "BG-23, one per VAT category and rate") List<Vat> vatBreakdown,
    @Schema(description = "BG-20 allowances and BG-21 charges at document level")
        List<AllowanceCharge> allowancesCharges,
    Totals totals) {

  /** One VAT breakdown (BG-23). */
  @Schema(name = "EInvoiceVat")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Vat(
      @Schema(description = "BT-118: S, Z, E, AE, K, G, O, L or M") String category,
      @Schema(description = "BT-119, percent", nullable = true) BigDecimal rate,
      @Schema(description = "BT-116") BigDecimal taxableAmount,
      @Schema(description = "BT-117") BigDecimal taxAmount,
      @Schema(description = "BT-120", nullable = true) String exemptionReason) {}

  /** One document-level allowance or charge. */
  @Schema(name = "EInvoiceAllowanceCharge")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record AllowanceCharge(
      @Schema(description = "true for a charge (BG-21), false for an allowance (BG-20)")
          boolean charge,
      @Schema(description = "BT-92 / BT-99") BigDecimal amount,
      @Schema(description = "BT-95 / BT-102", nullable = true) String vatCategory,
      @Schema(description = "BT-96 / BT-103", nullable = true) BigDecimal vatRate,
      @Schema(description = "BT-97 / BT-104 or its code", nullable = true) String reason) {}

  /** Document totals (BG-22). */
  @Schema(name = "EInvoiceTotals")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Totals(
      @Schema(description = "BT-106") BigDecimal lineTotal,
      @Schema(description = "BT-107", nullable = true) BigDecimal allowanceTotal,
      @Schema(description = "BT-108", nullable = true) BigDecimal chargeTotal,
      @Schema(description = "BT-109") BigDecimal taxExclusive,
      @Schema(description = "BT-110", nullable = true) BigDecimal taxTotal,
      @Schema(description = "BT-112") BigDecimal taxInclusive,
      @Schema(description = "BT-113, recorded as already paid", nullable = true) BigDecimal prepaid,
      @Schema(description = "BT-114", nullable = true) BigDecimal rounding,
      @Schema(description = "BT-115, the invoice's outstanding amount") BigDecimal payable) {}

  public static DocumentFacts of(EDocument d) {
    EDocument.Totals t = d.totals();
    return new DocumentFacts(
        d.syntax().name(),
        d.typeCode(),
        d.seller().name(),
        d.seller().vatId(),
        d.seller().legalId(),
        d.buyerReference(),
        d.orderReference(),
        d.precedingInvoice(),
        d.paymentTerms(),
        d.paymentMeansCode(),
        d.remittanceInformation(),
        d.notes(),
        d.vatBreakdown().stream()
            .map(
                v ->
                    new Vat(
                        v.category(),
                        v.rate(),
                        v.taxableAmount(),
                        v.taxAmount(),
                        v.exemptionReason()))
            .toList(),
        d.allowancesCharges().stream()
            .map(
                a ->
                    new AllowanceCharge(
                        a.charge(), a.amount(), a.vatCategory(), a.vatRate(), a.reason()))
            .toList(),
        new Totals(
            t.lineTotal(),
            t.allowanceTotal(),
            t.chargeTotal(),
            t.taxExclusive(),
            t.taxTotal(),
            t.taxInclusive(),
            t.prepaid(),
            t.rounding(),
            t.payable()));
  }
}
