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
    implements DomainEvent {

  public static final String TYPE = "receivables.customer.registered.v1";

  @Override
  public String subject() {
    return customerId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
