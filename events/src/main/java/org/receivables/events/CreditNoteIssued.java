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
    implements InvoicingEvent {

  public static final String TYPE = "receivables.credit-note.issued.v1";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public CreditNoteIssued {
    Required.fields(
        TYPE,
        "tenantId",
        tenantId,
        "customerId",
        customerId,
        "invoiceId",
        invoiceId,
        "amount",
        amount,
        "issuedOn",
        issuedOn);
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
