package org.receivables.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.receivables.kit.testing.TenantIsolationTestSupport.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.receivables.events.AsyncApiDocument;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.InvoicingEvent;
import org.receivables.events.Topics;
import org.receivables.events.WebhookSubscriptionDisabled;
import org.receivables.kit.testing.KafkaReader;
import org.receivables.kit.testing.KafkaWriter;
import org.receivables.kit.testing.PublishedEvents;
import org.receivables.kit.testing.TestTokens;
import org.receivables.webhooks.delivery.DeliveryWorker;

/**
 * A receiver that always fails, on real PostgreSQL and Kafka, with the service's clock moved from
 * one due retry to the next ({@link AdjustableClock}) instead of waiting three days: the
 * subscription is disabled at the first failure three days after the run of failures began, with
 * its reason and time on it; {@code WebhookSubscriptionDisabled} is on {@code
 * receivables.webhooks.v1} as the AsyncAPI document describes it; the tenant's other subscription
 * that asked for {@code webhook.subscription.disabled} receives it, signed and as documented, while
 * the disabled one and other tenants do not; and nothing more is attempted to the disabled one.
 */
@QuarkusTest
@TestProfile(AdjustableClock.Profile.class)
class SubscriptionDisablingTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String DISABLED = "webhook.subscription.disabled";

  private static Receiver receiver;

  @Inject AdjustableClock clock;

  @BeforeAll
  static void startReceiver() throws Exception {
    receiver = new Receiver();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  @AfterEach
  void backToRealTime() {
    clock.reset();
  }

  @Test
  void aReceiverFailingForThreeDaysGetsItsSubscriptionDisabledAnnouncedAndLeftAlone()
      throws Exception {
    String tenant = TestTokens.freshTenant();
    String other = TestTokens.freshTenant();
    String downPath = "/" + tenant + "/down";
    String opsPath = "/" + tenant + "/ops";
    receiver.down(downPath);
    String down = subscribe(tenant, downPath, "invoice.issued", DISABLED).getString("id");
    JsonPath ops = subscribe(tenant, opsPath, "invoice.issued", DISABLED);
    String othersOps = subscribe(other, "/" + other + "/ops", DISABLED).getString("id");

    publishInvoice(tenant);
    int attempts = awaitAttempts(tenant, down, 1);
    Instant firstFailure = attemptTimes(tenant, down).get(0);

    // step the clock to each due retry until the subscription is disabled
    boolean secondInvoice = false;
    for (int step = 0; step < 60 && subscription(tenant, down).getBoolean("enabled"); step++) {
      Instant due = nextDue(tenant, down);
      if (!secondInvoice && due.isAfter(firstFailure.plus(Duration.ofDays(2)))) {
        // a later invoice still has retries left when the subscription is disabled
        publishInvoice(tenant);
        secondInvoice = true;
      } else {
        clock.advanceTo(due);
      }
      attempts = awaitAttempts(tenant, down, attempts + 1);
    }

    JsonPath disabled = subscription(tenant, down);
    assertThat(disabled.getBoolean("enabled")).isFalse();
    List<Instant> times = attemptTimes(tenant, down);
    Instant last = times.get(times.size() - 1);
    assertThat(Instant.parse(disabled.getString("disabledAt"))).isEqualTo(last);
    assertThat(disabled.getString("disabledReason"))
        .isEqualTo("every delivery attempt failed since " + firstFailure);
    assertThat(Duration.between(firstFailure, last)).isGreaterThanOrEqualTo(Duration.ofDays(3));
    assertThat(Duration.between(firstFailure, times.get(times.size() - 2)))
        .as("not disabled earlier than it should have been")
        .isLessThan(Duration.ofDays(3));
    assertThat(receiver.at(downPath)).hasSize(attempts);

    // the event, on the webhooks topic as the AsyncAPI document says
    KafkaReader.Received event =
        PublishedEvents.await(
            Topics.WEBHOOKS, r -> (tenant + ":" + down).equals(r.key()), PATIENCE);
    assertThat(event.headers().get("ce_type")).isEqualTo(WebhookSubscriptionDisabled.TYPE);
    assertThat(event.headers().get("ce_subject")).isEqualTo(down);
    JsonNode data = JSON.readTree(event.value());
    assertThat(data.get("url").asText()).isEqualTo(receiver.url(downPath));
    assertThat(Instant.parse(data.get("failingSince").asText())).isEqualTo(firstFailure);
    assertThat(Instant.parse(data.get("disabledAt").asText())).isEqualTo(last);
    assertThat(data.get("lastStatusCode").asInt()).isEqualTo(500);
    assertThat(data.get("reason").asText()).isEqualTo(disabled.getString("disabledReason"));

    // the tenant's other subscription is told, by the very event
    await().atMost(PATIENCE).until(() -> !ofType(opsPath, DISABLED).isEmpty());
    Receiver.Request notice = ofType(opsPath, DISABLED).get(0);
    // signed with the subscription's secret; the library's verify() would also refuse the
    // timestamp, which is the service's clock, days ahead of this machine's
    assertThat(notice.header("webhook-signature"))
        .isEqualTo(
            new Webhook(ops.getString("secret"))
                .sign(
                    notice.header("webhook-id"),
                    Long.parseLong(notice.header("webhook-timestamp")),
                    notice.body()));
    JsonNode body = body(notice);
    assertThat(body.at("/data/eventId").asText()).isEqualTo(event.headers().get("ce_id"));
    assertThat(body.at("/data/subscriptionId").asText()).isEqualTo(down);
    assertThat(body.at("/data/url").asText()).isEqualTo(receiver.url(downPath));
    assertThat(Instant.parse(body.at("/data/disabledAt").asText())).isEqualTo(last);
    assertThat(body.at("/data/lastStatusCode").asInt()).isEqualTo(500);
    assertMatchesTheAsyncApiDocument(notice);
    // ... never the disabled one, and no other tenant (its deliveries were written with the event)
    assertThat(ofType(downPath, DISABLED)).isEmpty();
    as(other, "admin")
        .get("/api/v1/webhooks/" + othersOps + "/deliveries")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));

    // nothing more is attempted: not the retries still pending, not a new event
    List<Map<String, Object>> pending = deliveries(tenant, down, "PENDING");
    assertThat(pending).as("retries left when it was disabled").isNotEmpty();
    int deliveries = deliveries(tenant, down, null).size();
    clock.advance(Duration.ofDays(30));
    String third = publishInvoice(tenant);
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                ofType(opsPath, "invoice.issued").stream().anyMatch(r -> r.body().contains(third)));
    assertThat(receiver.at(downPath)).hasSize(attempts);
    assertThat(loggedAttempts(tenant, down)).isEqualTo(attempts);
    assertThat(deliveries(tenant, down, null)).hasSize(deliveries);
    assertThat(deliveries(tenant, down, "PENDING")).hasSameSizeAs(pending);
  }

  /**
   * A subscription deleted while an attempt to it is in flight takes its deliveries with it: the
   * attempt's outcome has nothing left to be recorded against, which is no error, and the worker
   * goes on with the tenant's other subscription.
   */
  @Test
  void aSubscriptionDeletedDuringAnAttemptIsNoErrorAndDeliveriesGoOn() {
    String tenant = TestTokens.freshTenant();
    String heldPath = "/" + tenant + "/held";
    String okPath = "/" + tenant + "/ok";
    CountDownLatch release = receiver.hold(heldPath);
    String held = subscribe(tenant, heldPath, "invoice.issued").getString("id");
    subscribe(tenant, okPath, "invoice.issued");
    List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
              warnings.add(r);
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger worker = Logger.getLogger(DeliveryWorker.class.getName());
    worker.addHandler(capture);
    try {
      publishInvoice(tenant);
      await().atMost(PATIENCE).until(() -> !receiver.at(heldPath).isEmpty());
      as(tenant, "admin").delete("/api/v1/webhooks/" + held).then().statusCode(204);
      release.countDown();
      String later = publishInvoice(tenant);
      await()
          .atMost(PATIENCE)
          .until(() -> receiver.at(okPath).stream().anyMatch(r -> r.body().contains(later)));
    } finally {
      worker.removeHandler(capture);
    }
    assertThat(warnings).extracting(LogRecord::getMessage).isEmpty();
    assertThat(receiver.at(heldPath)).hasSize(1);
  }

  private static JsonNode body(Receiver.Request request) throws Exception {
    return JSON.readTree(request.body());
  }

  private static void assertMatchesTheAsyncApiDocument(Receiver.Request request) throws Exception {
    JsonNode message = AsyncApiDocument.message(DISABLED);
    ObjectNode headers = JSON.createObjectNode();
    request.headers().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
    assertThat(PublishedEvents.violations(message.get("headers"), headers)).isEmpty();
    assertThat(PublishedEvents.violations(message.get("payload"), JSON.readTree(request.body())))
        .isEmpty();
  }

  private static JsonPath subscribe(String tenant, String path, String... types) {
    return Subscriptions.subscribe(tenant, receiver.url(path), types);
  }

  private static JsonPath subscription(String tenant, String id) {
    return as(tenant, "admin")
        .get("/api/v1/webhooks/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The subscription's deliveries (all of them: fewer than a page), of one status or all. */
  private static List<Map<String, Object>> deliveries(String tenant, String id, String status) {
    List<Map<String, Object>> items =
        as(tenant, "admin")
            .queryParam("limit", 500)
            .get("/api/v1/webhooks/" + id + "/deliveries")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items");
    return items.stream().filter(d -> status == null || status.equals(d.get("status"))).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Instant> attemptTimes(String tenant, String id) {
    List<Instant> times = new ArrayList<>();
    for (Map<String, Object> d : deliveries(tenant, id, null)) {
      for (Map<String, Object> a : (List<Map<String, Object>>) d.get("attempts")) {
        times.add(Instant.parse((String) a.get("attemptedAt")));
      }
    }
    times.sort(Comparator.naturalOrder());
    return times;
  }

  private static int loggedAttempts(String tenant, String id) {
    return attemptTimes(tenant, id).size();
  }

  /** Waits until the log holds at least {@code atLeast} attempts; returns how many it holds. */
  private static int awaitAttempts(String tenant, String id, int atLeast) {
    await().atMost(PATIENCE).until(() -> loggedAttempts(tenant, id) >= atLeast);
    return loggedAttempts(tenant, id);
  }

  /** When the subscription's next attempt is due. */
  private static Instant nextDue(String tenant, String id) {
    return deliveries(tenant, id, "PENDING").stream()
        .map(d -> Instant.parse((String) d.get("nextAttemptAt")))
        .min(Comparator.naturalOrder())
        .orElseThrow(() -> new AssertionError("no pending delivery left to " + id));
  }

  private static List<Receiver.Request> ofType(String path, String type) {
    return receiver.at(path).stream()
        .filter(r -> r.body().contains("\"type\":\"" + type + "\""))
        .toList();
  }

  private static String publishInvoice(String tenant) {
    String invoiceId = UUID.randomUUID().toString();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    KafkaWriter.publish(
        InvoicingEvent.TOPIC,
        UUID.randomUUID().toString(),
        new InvoiceIssued(
            tenant,
            UUID.randomUUID().toString(),
            invoiceId,
            "F-" + invoiceId.substring(0, 8),
            today,
            today.plusDays(30),
            "EUR",
            new BigDecimal("1000.00"),
            new BigDecimal("200.00"),
            new BigDecimal("1200.00"),
            new BigDecimal("1200.00"),
            null));
    return invoiceId;
  }
}
