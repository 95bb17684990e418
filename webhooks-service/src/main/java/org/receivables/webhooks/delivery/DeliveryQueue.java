package org.receivables.webhooks.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.webhooks.subscription.SubscriptionSecrets;

/**
 * The worker's SQL, each statement in the caller's transaction, bound to one tenant: lease the
 * subscriptions with due deliveries (one worker per subscription at a time, {@code for no key
 * update skip locked} so that replicas share the work, and so that the key-share lock an intake
 * transaction takes on a subscription while it queues deliveries for it does not hide that
 * subscription from the worker), claim its next due deliveries, record the attempts' outcomes.
 *
 * <p>The transactions that only coordinate workers (a lease, its release, forgetting a tenant)
 * commit without waiting for the WAL flush ({@link #withoutFlushWait}): losing one in a database
 * crash can only make a delivery be attempted again with the same {@code webhook-id}, which
 * at-least-once delivery allows. Outcomes are always committed durably.
 */
@ApplicationScoped
public class DeliveryQueue {

  /** A due delivery with what its attempt needs. */
  public record Due(
      String id,
      String customerId,
      int attempts,
      String payload,
      String url,
      String secret,
      String previousSecret,
      Instant previousExpiresAt) {}

  @Inject EntityManager em;
  @Inject SubscriptionSecrets secrets;

  /** A tenant with pending deliveries, and how many were queued for it so far. */
  public record PendingTenant(String tenant, long marks) {}

  /** The tenants with pending deliveries (read unbound: the table holds only tenant ids). */
  public List<PendingTenant> pendingTenants() {
    return NamedRows.list(
        em.createNativeQuery("select tenant, marks from webhook_pending_tenant", Tuple.class),
        PendingTenant.class);
  }

  /**
   * Forgets the tenant when it has no pending delivery left and none was queued since {@code seen}
   * was read: a delivery queued meanwhile changed {@code marks}. A transaction queuing one right
   * now holds the row until it commits; the row is then skipped rather than waited for (the worker
   * would stall behind a consumer's batch), and the tenant stays listed. Runs bound to the tenant.
   */
  public void forget(PendingTenant seen) {
    withoutFlushWait();
    em.createNativeQuery(
            "with mine as (select tenant from webhook_pending_tenant where tenant = :t and marks ="
                + " :marks and not exists (select 1 from webhook_delivery where tenant_id = :t and"
                + " status = 'PENDING') for update skip locked) delete from webhook_pending_tenant"
                + " where tenant in (select tenant from mine)")
        .setParameter("t", seen.tenant())
        .setParameter("marks", seen.marks())
        .executeUpdate();
  }

  /**
   * Lets the current transaction commit without waiting for its WAL to reach the disk: for the
   * coordination-only transactions (class comment).
   */
  public void withoutFlushWait() {
    em.createNativeQuery("select set_config('synchronous_commit', 'off', true)").getSingleResult();
  }

  /** Leases up to {@code max} enabled subscriptions with a due delivery, until {@code until}. */
  public List<UUID> lease(Instant now, Instant until, int max) {
    withoutFlushWait();
    return NamedRows.column(
        em.createNativeQuery(
                "update webhook_subscription set lease_until = :until where id in (select s.id from"
                    + " webhook_subscription s where s.enabled and (s.lease_until is null or"
                    + " s.lease_until < :now) and exists (select 1 from webhook_delivery d where"
                    + " d.subscription_id = s.id and d.status = 'PENDING' and d.next_attempt_at <="
                    + " :now) order by s.lease_until nulls first limit :max for no key update"
                    + " skip locked) returning id")
            .setParameter("until", until)
            .setParameter("now", now)
            .setParameter("max", max),
        UUID.class);
  }

  /** Extends the subscription's lease until {@code until}. */
  public void renew(UUID subscription, Instant until) {
    withoutFlushWait();
    em.createNativeQuery("update webhook_subscription set lease_until = :until where id = :s")
        .setParameter("until", until)
        .setParameter("s", subscription)
        .executeUpdate();
  }

  /**
   * The subscription's due deliveries, oldest due first (of one instant, in their customer's order:
   * a delivery id orders by the millisecond only), at most {@code max}; none when the subscription
   * was disabled meanwhile. The caller holds the subscription's lease.
   */
  public List<Due> claim(UUID subscription, Instant now, int max) {
    List<Due> stored =
        NamedRows.list(
            em.createNativeQuery(
                    "select d.id, e.customer_id, d.attempts, e.payload, s.url, s.secret, s.previous_secret,"
                        + " s.previous_expires_at from webhook_delivery d join webhook_subscription s on"
                        + " s.id = d.subscription_id join webhook_event e on e.id = d.event_id where"
                        + " d.subscription_id = :s and s.enabled and d.status = 'PENDING' and"
                        + " d.next_attempt_at <= :now order by d.next_attempt_at, e.sequence, d.id limit :max",
                    Tuple.class)
                .setParameter("s", subscription)
                .setParameter("now", now)
                .setParameter("max", max),
            Due.class);
    // every row carries the subscription's same sealed secrets: opened once, not once per row
    Map<String, String> opened = new HashMap<>();
    return stored.stream().map(d -> opened(d, subscription, opened)).toList();
  }

  /** The due delivery with its secrets opened, to sign with; they are stored sealed. */
  private Due opened(Due d, UUID subscription, Map<String, String> opened) {
    return new Due(
        d.id(),
        d.customerId(),
        d.attempts(),
        d.payload(),
        d.url(),
        opened.computeIfAbsent(d.secret(), closed -> secrets.open(closed, subscription)),
        d.previousSecret() == null
            ? null
            : opened.computeIfAbsent(
                d.previousSecret(), closed -> secrets.open(closed, subscription)),
        d.previousExpiresAt());
  }

  /** Ends the lease: another worker may take the subscription at once. */
  public void release(UUID subscription) {
    withoutFlushWait();
    em.createNativeQuery("update webhook_subscription set lease_until = null where id = :s")
        .setParameter("s", subscription)
        .executeUpdate();
  }

  /** Whether the subscription still exists: one deleted during its turn takes its deliveries. */
  public boolean exists(UUID subscription) {
    return !em.createNativeQuery("select 1 from webhook_subscription where id = :s")
        .setParameter("s", subscription)
        .getResultList()
        .isEmpty();
  }

  /** An attempt that got its 2xx. */
  public record Delivered(String id, Instant at, Sender.Outcome outcome) {}

  /**
   * Records deliveries that got their 2xx, in the order attempted, with one round trip per
   * statement (JDBC batches): each attempt in the log, each delivery {@code DELIVERED}, and the
   * subscription healthy as of the last one, its lease extended until {@code leaseUntil}. What
   * {@link #recordAttempt} and {@link #delivered} do for one, for many.
   */
  public void deliveredAll(
      String tenant, UUID subscription, List<Delivered> done, Instant leaseUntil) {
    if (done.isEmpty()) {
      return;
    }
    em.flush();
    em.unwrap(Session.class)
        .doWork(
            c -> {
              try (PreparedStatement attempt =
                      c.prepareStatement(
                          "insert into webhook_attempt (tenant_id, delivery_id, attempted_at,"
                              + " status_code, duration_ms, error, response_excerpt) values (?, ?,"
                              + " ?, ?, ?, null, ?)");
                  PreparedStatement delivery =
                      c.prepareStatement(
                          "update webhook_delivery set status = 'DELIVERED', attempts = attempts +"
                              + " 1, delivered_at = ?, next_attempt_at = null, last_status_code = ?"
                              + " where id = ?")) {
                for (Delivered d : done) {
                  attempt.setString(1, tenant);
                  attempt.setString(2, d.id());
                  attempt.setTimestamp(3, Timestamp.from(d.at()));
                  attempt.setInt(4, d.outcome().statusCode());
                  attempt.setLong(5, d.outcome().durationMs());
                  if (d.outcome().excerpt() == null || d.outcome().excerpt().isEmpty()) {
                    attempt.setNull(6, Types.VARCHAR);
                  } else {
                    attempt.setString(6, d.outcome().excerpt());
                  }
                  attempt.addBatch();
                  delivery.setTimestamp(1, Timestamp.from(d.at()));
                  delivery.setInt(2, d.outcome().statusCode());
                  delivery.setString(3, d.id());
                  delivery.addBatch();
                }
                attempt.executeBatch();
                delivery.executeBatch();
              }
            });
    em.createNativeQuery(
            "update webhook_subscription set last_success_at = :at, failing_since = null,"
                + " lease_until = :until where id = :s")
        .setParameter("at", done.get(done.size() - 1).at())
        .setParameter("until", leaseUntil)
        .setParameter("s", subscription)
        .executeUpdate();
  }

  /** Records one attempt in the log. */
  public void recordAttempt(String tenant, String delivery, Instant at, Sender.Outcome outcome) {
    // a null is never bound (its SQL type would be guessed): an absent status code is literal
    em.createNativeQuery(
            "insert into webhook_attempt (tenant_id, delivery_id, attempted_at, status_code,"
                + " duration_ms, error, response_excerpt) values (:t, :d, :at, "
                + (outcome.statusCode() == null ? "null" : outcome.statusCode().toString())
                + ", :ms, nullif(:error, ''), nullif(:excerpt, ''))")
        .setParameter("t", tenant)
        .setParameter("d", delivery)
        .setParameter("at", at)
        .setParameter("ms", outcome.durationMs())
        .setParameter("error", outcome.error() == null ? "" : outcome.error())
        .setParameter("excerpt", outcome.excerpt() == null ? "" : outcome.excerpt())
        .executeUpdate();
  }

  /**
   * The attempt failed: the delivery waits for {@code next}, or has failed for good when empty.
   *
   * @return since when every attempt to the subscription has failed
   */
  public Instant failed(
      UUID subscription, String delivery, Instant at, Integer statusCode, Optional<Instant> next) {
    var update =
        em.createNativeQuery(
                "update webhook_delivery set attempts = attempts + 1, last_status_code = "
                    + (statusCode == null ? "null" : statusCode.toString())
                    + (next.isPresent()
                        ? ", status = 'PENDING', next_attempt_at = :next"
                        : ", status = 'FAILED', next_attempt_at = null")
                    + " where id = :d")
            .setParameter("d", delivery);
    next.ifPresent(when -> update.setParameter("next", when));
    update.executeUpdate();
    return NamedRows.column(
            em.createNativeQuery(
                    "update webhook_subscription set failing_since = coalesce(failing_since, :at)"
                        + " where id = :s returning failing_since")
                .setParameter("at", at)
                .setParameter("s", subscription),
            Instant.class)
        .get(0);
  }

  /**
   * Disables a subscription that has failed for too long, saying why on it.
   *
   * @return false when it was disabled already (by its tenant meanwhile): nothing changed
   */
  public boolean disable(UUID subscription, Instant at, String reason) {
    return em.createNativeQuery(
                "update webhook_subscription set enabled = false, disabled_reason = :reason,"
                    + " disabled_at = :at, version = version + 1, updated_at = :at where id = :s"
                    + " and enabled")
            .setParameter("reason", reason)
            .setParameter("at", at)
            .setParameter("s", subscription)
            .executeUpdate()
        == 1;
  }
}
