package org.receivables.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An invoice was issued. Carries every figure a consumer needs (amounts, dates, outstanding) so
 * that no consumer ever calls invoicing back.
 *
 * @param termsWarning a compliance warning when the terms exceed the French legal cap, else null
 * @param outstanding optional: null in events older than the field, then the whole totalInclTax
 * @param paymentReference the invoice's ISO 11649 creditor reference; null in events written before
 *     it existed
 */
public record InvoiceIssued(
    String tenantId,
    String customerId,
    String invoiceId,
    String number,
    LocalDate issueDate,
    LocalDate dueDate,
    String currency,
    BigDecimal totalExclTax,
    BigDecimal totalTax,
    BigDecimal totalInclTax,
    BigDecimal outstanding,
    String termsWarning,
    String paymentReference)
    implements InvoicingEvent {

  /** An event without a payment reference, as producers wrote them before it existed. */
  public InvoiceIssued(
      String tenantId,
      String customerId,
      String invoiceId,
      String number,
      LocalDate issueDate,
      LocalDate dueDate,
      String currency,
      BigDecimal totalExclTax,
      BigDecimal totalTax,
      BigDecimal totalInclTax,
      BigDecimal outstanding,
      String termsWarning) {
    this(
        tenantId,
        customerId,
        invoiceId,
        number,
        issueDate,
        dueDate,
        currency,
        totalExclTax,
        totalTax,
        totalInclTax,
        outstanding,
        termsWarning,
        null);
  }

  public static final String TYPE = "receivables.invoice.issued.v1";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public InvoiceIssued {
    Required.fields(
        TYPE,
        "tenantId",
        tenantId,
        "customerId",
        customerId,
        "invoiceId",
        invoiceId,
        "number",
        number,
        "issueDate",
        issueDate,
        "dueDate",
        dueDate,
        "currency",
        currency,
        "totalInclTax",
        totalInclTax);
  }

  @Override
  public String subject() {
    return invoiceId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
