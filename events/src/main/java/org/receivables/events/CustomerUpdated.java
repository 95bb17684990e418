package org.receivables.events;

/**
 * A customer's data changed (contact data, terms, segment or do-not-dun flag); carries the whole
 * new state of what invoicing owns.
 *
 * <p>No credit hold: scoring owns that fact and publishes it alone ({@link CreditHoldChanged}).
 * Events written before the hold left this record still carry a {@code creditHold} field; it is
 * ignored on reading, like any unknown field.
 */
public record CustomerUpdated(
    String tenantId,
    String customerId,
    String externalRef,
    String name,
    String country,
    String currency,
    String language,
    String email,
    String phone,
    String segment,
    PaymentTermsData paymentTerms,
    boolean doNotDun)
    implements InvoicingEvent {

  public static final String TYPE = "receivables.customer.updated.v1";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public CustomerUpdated {
    Required.fields(TYPE, "tenantId", tenantId, "customerId", customerId);
  }

  @Override
  public String subject() {
    return customerId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
