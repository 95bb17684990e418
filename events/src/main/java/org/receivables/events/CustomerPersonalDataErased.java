package org.receivables.events;

import java.time.Instant;

/**
 * A customer's personal data (name of a person, e-mail address, phone number) was erased in
 * invoicing, at the customer's request (GDPR art. 17) or because the retention period after the
 * account closed ran out. Every service that replicates such data erases its copy when it reads
 * this event; the ledger (ids, amounts, dates) stays.
 *
 * @param reason {@link #REQUEST} or {@link #RETENTION}: a replica may keep evidence (sent formal
 *     notices) after a request, never after the retention period
 */
public record CustomerPersonalDataErased(
    String tenantId, String customerId, String reason, Instant erasedAt) implements InvoicingEvent {

  public static final String TYPE = "receivables.customer.personal-data-erased.v1";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public CustomerPersonalDataErased {
    Required.fields(TYPE, "tenantId", tenantId, "customerId", customerId);
  }

  /** Erased on request of the data subject (or the tenant acting for it). */
  public static final String REQUEST = "REQUEST";

  /** Erased by the retention job: the account was closed for longer than the retention period. */
  public static final String RETENTION = "RETENTION";

  @Override
  public String subject() {
    return customerId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
