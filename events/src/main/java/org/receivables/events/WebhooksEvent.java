package org.receivables.events;

/**
 * The facts webhooks-service owns, published on {@link #TOPIC}: what happens to a tenant's webhook
 * subscriptions (today: one disabled after failing for days). They are about a subscription, not a
 * customer: {@link #customerId()} is null and the record key is {@code tenantId:subscriptionId}, so
 * that the events of one subscription stay in order. No service consumes the topic yet; it is there
 * for whoever must tell the tenant's admins (a notification service, an operator's alerting).
 */
public sealed interface WebhooksEvent extends DomainEvent permits WebhookSubscriptionDisabled {

  String TOPIC = "receivables.webhooks.v1";

  /** The subscription the event is about. */
  String subscriptionId();

  /** None: a subscription's event concerns no customer. */
  @Override
  default String customerId() {
    return null;
  }

  @Override
  default String key() {
    return tenantId() + ":" + subscriptionId();
  }

  @Override
  default String topic() {
    return TOPIC;
  }
}
