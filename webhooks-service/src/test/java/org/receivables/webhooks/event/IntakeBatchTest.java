package org.receivables.webhooks.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.receivables.kit.testing.TenantIsolationTestSupport.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.receivables.events.EventJson;
import org.receivables.events.InvoiceIssued;
import org.receivables.kit.inbox.InboxDispatcher;
import org.receivables.kit.inbox.IncomingEvent;
import org.receivables.kit.jdbc.NamedRows;
import org.receivables.kit.tenant.TenantScope;
import org.receivables.kit.testing.TestTokens;

/**
 * The set-based intake on real PostgreSQL: a polled batch of N events for M subscriptions lands N×M
 * deliveries, each (event, subscription) once, also when Kafka delivers the batch again, whole or
 * in part; each customer's events are numbered 1, 2, ... in the batch's order.
 */
@QuarkusTest
class IntakeBatchTest {

  private static final int EVENTS = 40;
  private static final int SUBSCRIPTIONS = 3;
  private static final int CUSTOMERS = 4;

  @Inject InboxDispatcher dispatcher;
  @Inject EventsConsumer consumer;
  @Inject EntityManager em;

  @Test
  void aBatchLandsEveryDeliveryExactlyOnceEvenWhenConsumedTwice() {
    String tenant = TestTokens.freshTenant();
    List<String> subscriptions = new ArrayList<>();
    for (int i = 0; i < SUBSCRIPTIONS; i++) {
      subscriptions.add(
          as(tenant, "erp")
              .body(
                  Map.of(
                      "url",
                      "http://127.0.0.1:9/" + tenant + "/" + i,
                      "eventTypes",
                      List.of("invoice.issued")))
              .post("/api/v1/webhooks")
              .then()
              .statusCode(201)
              .extract()
              .path("id"));
    }
    List<IncomingEvent> batch = new ArrayList<>();
    for (int i = 0; i < EVENTS; i++) {
      batch.add(issued(tenant, "c" + (i % CUSTOMERS), i));
    }

    dispatcher.applyAll(EventsConsumer.INVOICING, consumer.invoicing(), batch);
    dispatcher.applyAll(EventsConsumer.INVOICING, consumer.invoicing(), batch);
    dispatcher.applyAll(EventsConsumer.INVOICING, consumer.invoicing(), batch.subList(10, 30));

    try {
      long deliveries =
          inTenant(
              tenant,
              () ->
                  NamedRows.number(em.createNativeQuery("select count(*) from webhook_delivery")));
      long distinct =
          inTenant(
              tenant,
              () ->
                  NamedRows.number(
                      em.createNativeQuery(
                          "select count(distinct (subscription_id, event_id)) from"
                              + " webhook_delivery")));
      assertThat(deliveries).isEqualTo((long) EVENTS * SUBSCRIPTIONS);
      assertThat(distinct).isEqualTo(deliveries);
      List<String> numbering =
          inTenant(
              tenant,
              () ->
                  NamedRows.column(
                      em.createNativeQuery(
                          "select customer_id || ':' || string_agg(sequence::text, ',' order by"
                              + " id) from webhook_event group by customer_id order by"
                              + " customer_id"),
                      String.class));
      // ids are ev-00..ev-39: id order is the batch's order
      String tenEach = "1,2,3,4,5,6,7,8,9,10";
      assertThat(numbering)
          .containsExactly("c0:" + tenEach, "c1:" + tenEach, "c2:" + tenEach, "c3:" + tenEach);
    } finally {
      // disabled rather than deleted: the worker may be recording an attempt of one right now
      inTenant(
          tenant,
          () ->
              em.createNativeQuery(
                      "update webhook_subscription set enabled = false where tenant_id = :t")
                  .setParameter("t", tenant)
                  .executeUpdate());
    }
  }

  private static IncomingEvent issued(String tenant, String customer, int i) {
    LocalDate today = LocalDate.of(2026, 12, 7);
    InvoiceIssued event =
        new InvoiceIssued(
            tenant,
            customer,
            UUID.randomUUID().toString(),
            "F-" + i,
            today,
            today.plusDays(30),
            "EUR",
            new BigDecimal("100.00"),
            new BigDecimal("20.00"),
            new BigDecimal("120.00"),
            new BigDecimal("120.00"),
            null);
    String id = String.format("%s-ev-%02d", tenant, i);
    return new IncomingEvent(
        id, event.type(), event.subject(), EventJson.write(event), null, event.key());
  }

  private static <T> T inTenant(String tenant, Supplier<T> work) {
    return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(work::get));
  }
}
