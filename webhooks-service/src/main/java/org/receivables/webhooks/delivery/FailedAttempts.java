package org.receivables.webhooks.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.receivables.events.WebhookSubscriptionDisabled;
import org.receivables.kit.outbox.Outbox;
import org.receivables.webhooks.config.WebhooksConfig;
import org.receivables.webhooks.event.EventIntake;

/**
 * Records a failed attempt (successes are recorded together, by the worker): its retry comes from
 * {@link RetrySchedule}, and a subscription whose attempts all failed for {@code
 * webhooks.delivery.disable-after} is disabled in the same transaction, which also records {@link
 * WebhookSubscriptionDisabled} in the outbox and as deliveries to the tenant's other subscriptions
 * that asked for it: the mark, the event and the deliveries exist together or not at all.
 */
@ApplicationScoped
class FailedAttempts {

  private static final Logger LOG = Logger.getLogger(FailedAttempts.class);

  @Inject DeliveryQueue queue;
  @Inject WebhooksConfig config;
  @Inject MeterRegistry metrics;
  @Inject Outbox outbox;
  @Inject EventIntake intake;

  /** Records one failed attempt (in the caller's transaction); it may disable the subscription. */
  void record(
      String tenant, UUID subscription, DeliveryQueue.Due due, Instant at, Sender.Outcome outcome) {
    queue.recordAttempt(tenant, due.id(), at, outcome);
    Optional<Instant> next = RetrySchedule.next(due.attempts() + 1, at);
    Instant failingSince = queue.failed(subscription, due.id(), at, outcome.statusCode(), next);
    if (!failingSince.isAfter(at.minus(config.delivery().disableAfter()))) {
      String reason = "every delivery attempt failed since " + failingSince;
      if (!queue.disable(subscription, at, reason)) {
        return;
      }
      WebhookSubscriptionDisabled disabled =
          new WebhookSubscriptionDisabled(
              tenant,
              subscription.toString(),
              due.url(),
              reason,
              failingSince,
              at,
              outcome.statusCode(),
              outcome.statusCode() == null ? outcome.error() : null);
      String eventId = outbox.record(disabled).toString();
      intake.record(disabled, eventId);
      metrics.counter("webhooks.subscriptions.disabled").increment();
      LOG.warnf("Webhook subscription %s of tenant %s disabled: %s", subscription, tenant, reason);
    }
  }
}
