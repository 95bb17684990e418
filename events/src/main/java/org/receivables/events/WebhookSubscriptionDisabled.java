package org.receivables.events;

import java.time.Instant;

/**
 * webhooks-service disabled a subscription because every attempt to deliver to it failed for days
 * ({@code webhooks.delivery.disable-after}); the subscription shows the same reason and time until
 * a tenant admin enables it again.
 *
 * @param failingSince the first attempt of the failing run
 * @param lastStatusCode the receiver's answer to the last attempt, null when there was none
 *     (time-out, connection error, address refused)
 * @param lastError why the last attempt failed when there was no answer, else null
 */
public record WebhookSubscriptionDisabled(
    String tenantId,
    String subscriptionId,
    String url,
    String reason,
    Instant failingSince,
    Instant disabledAt,
    Integer lastStatusCode,
    String lastError)
    implements WebhooksEvent {

  public static final String TYPE = "receivables.webhook-subscription.disabled.v1";

  /** Refuses an event without the fields every consumer relies on (see the record's doc). */
  public WebhookSubscriptionDisabled {
    Required.fields(
        TYPE,
        "tenantId",
        tenantId,
        "subscriptionId",
        subscriptionId,
        "url",
        url,
        "disabledAt",
        disabledAt);
  }

  @Override
  public String subject() {
    return subscriptionId;
  }

  @Override
  public String type() {
    return TYPE;
  }
}
