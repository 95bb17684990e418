package org.receivables.events;

/**
 * A customer's data changed (contact data, terms, segment, do-not-dun flag or credit hold); carries
 * the whole new state.
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
    boolean doNotDun,
    boolean creditHold)
    implements DomainEvent {

  public static final String TYPE = "receivables.customer.updated.v1";

  @Override
  public String subject() {
    return customerId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
