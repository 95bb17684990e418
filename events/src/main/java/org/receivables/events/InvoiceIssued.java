package org.receivables.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An invoice was issued. Carries every figure a consumer needs (amounts, dates, outstanding) so
 * that no consumer ever calls invoicing back.
 *
 * @param termsWarning a compliance warning when the terms exceed the French legal cap, else null
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
    implements DomainEvent {

  public static final String TYPE = "receivables.invoice.issued.v1";

  @Override
  public String subject() {
    return invoiceId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
