package org.receivables.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An invoice was issued. Carries every figure a consumer needs (amounts, dates, outstanding) so
 * that no consumer ever calls invoicing back.
 *
 * @param termsWarning a compliance warning when the terms exceed the French legal cap, else null
 * @param outstanding optional: null in events older than the field, then the whole totalInclTax
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
    String termsWarning)
    implements InvoicingEvent {

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
