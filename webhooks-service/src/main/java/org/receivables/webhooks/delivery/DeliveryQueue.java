package org.receivables.webhooks.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.jdbc.Rows;

/**
 * The worker's SQL, each statement in the caller's transaction, bound to one tenant: lease the
 * subscriptions with due deliveries (one worker per subscription at a time, {@code for update skip
 * locked} so that replicas share the work), take the next due delivery, record an attempt's
 * outcome.
 */
@ApplicationScoped
public class DeliveryQueue {

  /** A due delivery with what its attempt needs. */
  public record Due(
      String id,
      int attempts,
      String payload,
      String url,
      String secret,
      String previousSecret,
      Instant previousExpiresAt) {}

  @Inject EntityManager em;

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
   * was read: a delivery queued meanwhile changed {@code marks} (and holds the row until it
   * commits), so it is never left unseen. Runs bound to the tenant.
   */
  public void forget(PendingTenant seen) {
    em.createNativeQuery(
            "delete from webhook_pending_tenant where tenant = :t and marks = :marks and not exists"
                + " (select 1 from webhook_delivery where tenant_id = :t and status = 'PENDING')")
        .setParameter("t", seen.tenant())
        .setParameter("marks", seen.marks())
        .executeUpdate();
  }

  /** Leases up to {@code max} enabled subscriptions with a due delivery, until {@code until}. */
  public List<UUID> lease(Instant now, Instant until, int max) {
    return Rows.column(
        em.createNativeQuery(
                "update webhook_subscription set lease_until = :until where id in (select s.id from"
                    + " webhook_subscription s where s.enabled and (s.lease_until is null or"
                    + " s.lease_until < :now) and exists (select 1 from webhook_delivery d where"
                    + " d.subscription_id = s.id and d.status = 'PENDING' and d.next_attempt_at <="
                    + " :now) order by s.lease_until nulls first limit :max for update skip"
                    + " locked) returning id")
            .setParameter("until", until)
            .setParameter("now", now)
            .setParameter("max", max),
        UUID.class);
  }

  /**
   * The subscription's oldest due delivery, its lease extended to cover the attempt; empty when
   * none is due or the subscription was disabled meanwhile.
   */
  public Optional<Due> next(UUID subscription, Instant now, Duration lease) {
    em.createNativeQuery("update webhook_subscription set lease_until = :until where id = :s")
        .setParameter("until", now.plus(lease))
        .setParameter("s", subscription)
        .executeUpdate();
    return NamedRows.first(
        em.createNativeQuery(
                "select d.id, d.attempts, e.payload, s.url, s.secret, s.previous_secret,"
                    + " s.previous_expires_at from webhook_delivery d join webhook_subscription s on"
                    + " s.id = d.subscription_id join webhook_event e on e.id = d.event_id where"
                    + " d.subscription_id = :s and s.enabled and d.status = 'PENDING' and"
                    + " d.next_attempt_at <= :now order by d.next_attempt_at, d.id limit 1",
                Tuple.class)
            .setParameter("s", subscription)
            .setParameter("now", now),
        Due.class);
  }

  /** Ends the lease: another worker may take the subscription at once. */
  public void release(UUID subscription) {
    em.createNativeQuery("update webhook_subscription set lease_until = null where id = :s")
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

  /** The delivery got its 2xx; the subscription is healthy again. */
  public void delivered(UUID subscription, String delivery, Instant at, int statusCode) {
    em.createNativeQuery(
            "update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1,"
                + " delivered_at = :at, next_attempt_at = null, last_status_code = :code where id ="
                + " :d")
        .setParameter("at", at)
        .setParameter("code", statusCode)
        .setParameter("d", delivery)
        .executeUpdate();
    em.createNativeQuery(
            "update webhook_subscription set last_success_at = :at, failing_since = null where id"
                + " = :s")
        .setParameter("at", at)
        .setParameter("s", subscription)
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
    return Rows.column(
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
