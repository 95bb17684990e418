package org.receivables.webhooks.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.receivables.events.webhook.PublicTypes;
import org.receivables.kit.page.Cursor;
import org.receivables.kit.page.Page;
import org.receivables.kit.problem.ProblemException;
import org.receivables.kit.tenant.TenantScope;
import org.receivables.webhooks.config.WebhooksConfig;
import org.receivables.webhooks.delivery.ReceiverAddress;

/**
 * A tenant's subscriptions: created with a fresh secret, replaced under optimistic locking, removed
 * with their deliveries, their secret rotated with a grace period. Every read and write is of the
 * caller's tenant (and row-level security holds it to it besides).
 */
@ApplicationScoped
public class SubscriptionService {

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject WebhooksConfig config;
  @Inject TenantScope tenants;
  @Inject SubscriptionSecrets secrets;

  @Transactional
  public Subscription create(String tenantId, SubscriptionRequest request) {
    tenants.register(tenantId); // the kit's list of the tenants this service holds data of
    Subscription s = new Subscription();
    s.id = UUID.randomUUID();
    s.tenantId = tenantId;
    apply(s, request);
    s.issuedSecret = secrets.issue(s);
    s.createdAt = clock.instant();
    s.updatedAt = s.createdAt;
    em.persist(s);
    return s;
  }

  public Subscription get(String tenantId, UUID id) {
    Subscription s = em.find(Subscription.class, id);
    if (s == null || !s.tenantId.equals(tenantId)) {
      throw ProblemException.notFound("Webhook subscription", id);
    }
    return s;
  }

  public Page<Subscription> list(String tenantId, String cursor, Integer limit) {
    int n = Cursor.limit(limit);
    UUID after = Cursor.decodeId(cursor);
    var query =
        em.createQuery(
                "from Subscription where tenantId = :t"
                    + (after == null ? "" : " and id > :after")
                    + " order by id",
                Subscription.class)
            .setParameter("t", tenantId);
    if (after != null) {
      query.setParameter("after", after);
    }
    List<Subscription> rows = query.setMaxResults(n + 1).getResultList();
    return Page.of(rows, n, s -> s.id.toString());
  }

  /**
   * Replaces the subscription as the tenant states it; {@code expectedVersion} -1 ({@code If-Match:
   * *}) replaces whatever version is there. Enabling it again clears the service's mark.
   */
  @Transactional
  public Subscription update(
      String tenantId, UUID id, long expectedVersion, SubscriptionRequest request) {
    Subscription s = locked(tenantId, id);
    if (expectedVersion >= 0 && s.version != expectedVersion) {
      throw new ProblemException(
          412,
          "Precondition failed",
          "The subscription changed since version " + expectedVersion + " was read");
    }
    apply(s, request);
    if (s.enabled && s.disabledAt != null) {
      s.disabledReason = null;
      s.disabledAt = null;
      s.failingSince = null;
    }
    s.updatedAt = clock.instant();
    return s;
  }

  /** Removes it; its deliveries and their attempts go with it (foreign keys on delete cascade). */
  @Transactional
  public void delete(String tenantId, UUID id) {
    Subscription s = locked(tenantId, id);
    em.remove(s);
  }

  /**
   * A new current secret; the previous one (sealed, as stored) keeps signing for the configured
   * grace period.
   */
  @Transactional
  public Subscription rotate(String tenantId, UUID id) {
    Subscription s = locked(tenantId, id);
    Instant now = clock.instant();
    s.previousSecret = s.secret;
    s.previousExpiresAt = now.plus(config.secrets().rotationGrace());
    s.issuedSecret = secrets.issue(s);
    s.updatedAt = now;
    return s;
  }

  private Subscription locked(String tenantId, UUID id) {
    Subscription s = em.find(Subscription.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (s == null || !s.tenantId.equals(tenantId)) {
      throw ProblemException.notFound("Webhook subscription", id);
    }
    return s;
  }

  private void apply(Subscription s, SubscriptionRequest request) {
    List<String> types = request.eventTypes();
    for (int i = 0; i < types.size(); i++) {
      if (!PublicTypes.isKnown(types.get(i))) {
        throw ProblemException.invalid(
            "eventTypes[" + i + "]",
            "unknown event type '" + types.get(i) + "'; known: " + PublicTypes.ALL);
      }
    }
    checkUrl(request.url());
    s.url = request.url();
    s.eventTypes = types.stream().distinct().toArray(String[]::new);
    s.description = request.description();
    s.enabled = request.enabled() == null || request.enabled();
  }

  private void checkUrl(String url) {
    try {
      new ReceiverAddress(config.delivery().allowLoopbackHttp(), InetAddress::getAllByName)
          .check(url);
    } catch (ReceiverAddress.RefusedException e) {
      throw ProblemException.invalid("url", e.getMessage());
    }
  }
}
