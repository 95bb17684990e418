package org.receivables.events;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A credit note reduced what is owed on an invoice. */
public record CreditNoteIssued(
    String tenantId,
    String customerId,
    String invoiceId,
    String creditNoteId,
    String number,
    String currency,
    BigDecimal amount,
    LocalDate issuedOn,
    String reason,
    BigDecimal outstanding,
    String status)
    implements DomainEvent {

  public static final String TYPE = "receivables.credit-note.issued.v1";

  @Override
  public String subject() {
    return invoiceId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
