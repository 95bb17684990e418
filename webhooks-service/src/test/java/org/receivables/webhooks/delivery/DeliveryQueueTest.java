package org.receivables.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.receivables.kit.testing.TenantIsolationTestSupport.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.receivables.kit.tenant.TenantScope;
import org.receivables.kit.testing.TestTokens;
import org.receivables.webhooks.event.EventIntake;

/**
 * The worker's lease against a consumer queuing deliveries at the same moment, on real PostgreSQL:
 * inserting a delivery takes a key-share lock on its subscription (the foreign key) until the
 * consumer's batch commits, and the lease must not treat that as another worker holding the
 * subscription, or every subscription with events arriving would be skipped while its intake runs.
 * The deliveries here come due only far in the future, so the running worker leaves them alone and
 * the test leases them itself "then".
 */
@QuarkusTest
class DeliveryQueueTest {

  @Inject DeliveryQueue queue;
  @Inject EventIntake intake;
  @Inject EntityManager em;

  @Test
  void aSubscriptionIsLeasedWhileAConsumerQueuesMoreDeliveriesForIt() throws Exception {
    String tenant = TestTokens.freshTenant();
    UUID subscription =
        UUID.fromString(
            as(tenant, "erp")
                .body(
                    Map.of(
                        "url",
                        "http://127.0.0.1:9/" + tenant,
                        "eventTypes",
                        List.of("score.changed")))
                .post("/api/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("id"));
    Instant later = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
    inTenant(tenant, () -> queueDelivery(tenant, subscription, later));

    CountDownLatch queued = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    CompletableFuture<Void> consumer =
        CompletableFuture.runAsync(
            () ->
                TenantScope.run(
                    tenant,
                    () ->
                        QuarkusTransaction.requiringNew()
                            .run(
                                () -> {
                                  queueDelivery(tenant, subscription, later);
                                  queued.countDown();
                                  await(done);
                                })));
    try {
      assertThat(queued.await(30, TimeUnit.SECONDS)).isTrue();
      Instant then = later.plusSeconds(1);
      List<UUID> leased =
          TenantScope.call(
              tenant,
              () ->
                  QuarkusTransaction.requiringNew()
                      .call(() -> queue.lease(then, then.plusSeconds(40), 8)));
      assertThat(leased).containsExactly(subscription);
      assertThat(
              TenantScope.call(
                  tenant,
                  () ->
                      QuarkusTransaction.requiringNew()
                          .call(() -> queue.claim(subscription, then, 25))))
          .hasSize(1);
    } finally {
      done.countDown();
      consumer.get(30, TimeUnit.SECONDS);
      inTenant(
          tenant,
          () ->
              em.createNativeQuery("delete from webhook_subscription where id = :s")
                  .setParameter("s", subscription)
                  .executeUpdate());
    }
  }

  private void queueDelivery(String tenant, UUID subscription, Instant due) {
    String event = UUID.randomUUID().toString();
    em.createNativeQuery(
            "insert into webhook_event (id, tenant_id, customer_id, sequence, type, occurred_at,"
                + " payload) values (:id, :t, 'c', 1, 'score.changed', :at, '{}')")
        .setParameter("id", event)
        .setParameter("t", tenant)
        .setParameter("at", due)
        .executeUpdate();
    intake.insertDelivery(tenant, subscription, event, due);
  }

  private static void inTenant(String tenant, Runnable work) {
    TenantScope.run(tenant, () -> QuarkusTransaction.requiringNew().run(work));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
