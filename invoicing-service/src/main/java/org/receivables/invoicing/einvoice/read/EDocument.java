package org.receivables.invoicing.einvoice.read;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The EN 16931 business terms the ledger needs, read from either syntax (UBL 2.1 or CII D16B) so
 * that mapping to the ledger is written once. Amounts are exactly as the document states them.
 */
public record EDocument(
    Syntax syntax,
    boolean creditNote,
    String typeCode,
    String number,
    LocalDate issueDate,
    LocalDate dueDate,
    String currency,
    Party seller,
    Party buyer,
    String buyerReference,
    String orderReference,
    String precedingInvoice,
    String paymentTerms,
    String paymentMeansCode,
    String remittanceInformation,
    List<String> notes,
    List<Line> lines,
    List<VatSubtotal> vatBreakdown,
    List<AllowanceCharge> allowancesCharges,
    Totals totals) {

  /** The two XML syntaxes of EN 16931. */
  public enum Syntax {
    UBL,
    CII
  }

  /** Seller (BG-4) or buyer (BG-7). */
  public record Party(
      String name,
      String id,
      String legalId,
      String legalIdScheme,
      String vatId,
      String country,
      String email) {}

  /** An invoice line (BG-25): BT-126, BT-153, BT-129, BT-146, BT-149, BT-131, BT-151, BT-152. */
  public record Line(
      String id,
      String name,
      BigDecimal quantity,
      BigDecimal netPrice,
      BigDecimal baseQuantity,
      BigDecimal netAmount,
      String vatCategory,
      BigDecimal vatRate) {}

  /** A VAT breakdown (BG-23): BT-118, BT-119, BT-116, BT-117, BT-120. */
  public record VatSubtotal(
      String category,
      BigDecimal rate,
      BigDecimal taxableAmount,
      BigDecimal taxAmount,
      String exemptionReason) {}

  /** A document-level allowance (BG-20) or charge (BG-21). */
  public record AllowanceCharge(
      boolean charge, BigDecimal amount, String vatCategory, BigDecimal vatRate, String reason) {}

  /** Document totals (BG-22): BT-106 to BT-115. */
  public record Totals(
      BigDecimal lineTotal,
      BigDecimal allowanceTotal,
      BigDecimal chargeTotal,
      BigDecimal taxExclusive,
      BigDecimal taxTotal,
      BigDecimal taxInclusive,
      BigDecimal prepaid,
      BigDecimal rounding,
      BigDecimal payable) {}
}
