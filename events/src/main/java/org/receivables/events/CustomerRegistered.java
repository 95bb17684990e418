package org.receivables.events;

/**
 * A debtor was created in invoicing. Carries the contact data that dunning needs to address
 * reminders.
 */
public record CustomerRegistered(
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
    PaymentTermsData paymentTerms)
    implements InvoicingEvent {

  public static final String TYPE = "receivables.customer.registered.v1";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public CustomerRegistered {
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
