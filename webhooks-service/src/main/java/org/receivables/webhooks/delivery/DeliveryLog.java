package org.receivables.webhooks.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.page.Cursor;
import org.receivables.kit.page.Page;
import org.receivables.kit.problem.ProblemException;
import org.receivables.webhooks.event.EventIntake;
import org.receivables.webhooks.subscription.Subscription;
import org.receivables.webhooks.subscription.SubscriptionService;

/**
 * What a tenant sees of and does with its deliveries: the log (newest first, each with its
 * attempts), a manual retry of one delivery (same {@code webhook-id}, due now), and a replay of a
 * time range (new deliveries of the stored events, so a receiver that lost data can catch up).
 */
@ApplicationScoped
public class DeliveryLog {

  /** The most events one replay may queue: a larger range is split by the caller. */
  static final int MAX_REPLAY = 10_000;

  record Row(
      String id,
      String eventId,
      String eventType,
      String status,
      Instant nextAttemptAt,
      Instant createdAt,
      Instant deliveredAt) {}

  record AttemptRow(
      String deliveryId,
      Instant attemptedAt,
      Integer statusCode,
      long durationMs,
      String error,
      String responseExcerpt) {}

  @Inject EntityManager em;
  @Inject SubscriptionService subscriptions;
  @Inject EventIntake intake;
  @Inject Clock clock;

  public Page<DeliveryView> list(String tenant, UUID subscription, String cursor, Integer limit) {
    subscriptions.get(tenant, subscription);
    int n = Cursor.limit(limit);
    String before = Cursor.decode(cursor);
    var query =
        em.createNativeQuery(
                "select d.id, d.event_id, e.type as event_type, d.status, d.next_attempt_at,"
                    + " d.created_at, d.delivered_at from webhook_delivery d join webhook_event e"
                    + " on e.id = d.event_id where d.tenant_id = :t and d.subscription_id = :s"
                    + (before == null ? "" : " and d.id < :before")
                    + " order by d.id desc limit :n",
                Tuple.class)
            .setParameter("t", tenant)
            .setParameter("s", subscription)
            .setParameter("n", n + 1);
    if (before != null) {
      query.setParameter("before", before);
    }
    List<Row> rows = NamedRows.list(query, Row.class);
    return Page.of(views(rows), n, DeliveryView::id);
  }

  /** Due again now, with the same id; one more attempt even when its schedule was spent. */
  @Transactional
  public DeliveryView retry(String tenant, UUID subscription, String delivery) {
    Subscription s = subscriptions.get(tenant, subscription);
    if (!s.enabled) {
      throw ProblemException.conflict("The subscription is disabled: enable it first (PUT)");
    }
    int changed =
        em.createNativeQuery(
                "update webhook_delivery set status = 'PENDING', next_attempt_at = :now where id ="
                    + " :d and subscription_id = :s and tenant_id = :t and status <> 'DELIVERED'")
            .setParameter("now", clock.instant())
            .setParameter("d", delivery)
            .setParameter("s", subscription)
            .setParameter("t", tenant)
            .executeUpdate();
    if (changed == 1) {
      intake.markPending(tenant);
    }
    Row row = one(tenant, subscription, delivery);
    if (changed == 0 && row.status().equals("DELIVERED")) {
      throw ProblemException.conflict("Delivery " + delivery + " was delivered already");
    }
    return views(List.of(row)).get(0);
  }

  /** Queues a new delivery of every stored event in [from, to) of a type the subscription has. */
  @Transactional
  public int replay(String tenant, UUID subscription, Instant from, Instant to) {
    Subscription s = subscriptions.get(tenant, subscription);
    if (!from.isBefore(to)) {
      throw ProblemException.invalid("to", "must be after from");
    }
    if (!s.enabled) {
      throw ProblemException.conflict("The subscription is disabled: enable it first (PUT)");
    }
    List<String> events =
        NamedRows.column(
            em.createNativeQuery(
                    "select id from webhook_event where tenant_id = :t and occurred_at >= :from and"
                        + " occurred_at < :to and type = any (cast(:types as text[])) order by"
                        + " occurred_at, customer_id, sequence limit :max")
                .setParameter("t", tenant)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("types", "{" + String.join(",", s.eventTypes) + "}")
                .setParameter("max", MAX_REPLAY + 1),
            String.class);
    if (events.size() > MAX_REPLAY) {
      throw ProblemException.invalid(
          "to", "the range holds more than " + MAX_REPLAY + " events: replay it in parts");
    }
    Instant now = clock.instant();
    intake.insertDeliveries(tenant, subscription, events, now);
    return events.size();
  }

  private Row one(String tenant, UUID subscription, String delivery) {
    return NamedRows.first(
            em.createNativeQuery(
                    "select d.id, d.event_id, e.type as event_type, d.status, d.next_attempt_at,"
                        + " d.created_at, d.delivered_at from webhook_delivery d join webhook_event"
                        + " e on e.id = d.event_id where d.tenant_id = :t and d.subscription_id ="
                        + " :s and d.id = :d",
                    Tuple.class)
                .setParameter("t", tenant)
                .setParameter("s", subscription)
                .setParameter("d", delivery),
            Row.class)
        .orElseThrow(() -> ProblemException.notFound("Delivery", delivery));
  }

  private List<DeliveryView> views(List<Row> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, List<DeliveryView.Attempt>> attempts =
        NamedRows.list(
                em.createNativeQuery(
                        "select delivery_id, attempted_at, status_code, duration_ms, error,"
                            + " response_excerpt from webhook_attempt where delivery_id in (:ids)"
                            + " order by id",
                        Tuple.class)
                    .setParameter("ids", rows.stream().map(Row::id).toList()),
                AttemptRow.class)
            .stream()
            .collect(
                Collectors.groupingBy(
                    AttemptRow::deliveryId,
                    Collectors.mapping(
                        a ->
                            new DeliveryView.Attempt(
                                a.attemptedAt(),
                                a.statusCode(),
                                a.durationMs(),
                                a.error(),
                                a.responseExcerpt()),
                        Collectors.toList())));
    return rows.stream()
        .map(
            r ->
                new DeliveryView(
                    r.id(),
                    r.eventId(),
                    r.eventType(),
                    r.status(),
                    r.nextAttemptAt(),
                    r.createdAt(),
                    r.deliveredAt(),
                    attempts.getOrDefault(r.id(), List.of())))
        .toList();
  }
}
