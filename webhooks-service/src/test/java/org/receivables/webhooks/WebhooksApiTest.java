package org.receivables.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.receivables.kit.testing.TenantIsolationTestSupport.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.InvoicingEvent;
import org.receivables.kit.testing.KafkaWriter;
import org.receivables.kit.testing.TestTokens;

/**
 * The service end to end on real PostgreSQL and Kafka, with a real receiver on 127.0.0.1: events
 * published on the topic arrive signed (verified with the Standard Webhooks library), a failing
 * receiver gets the same webhook-id again, the log shows every attempt, and no tenant ever receives
 * or sees another's.
 */
@QuarkusTest
class WebhooksApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static Receiver receiver;

  @BeforeAll
  static void startReceiver() throws Exception {
    receiver = new Receiver();
  }

  @AfterAll
  static void stopReceiver() {
    receiver.close();
  }

  private static JsonPath subscribe(String tenant, String path, String... types) {
    return Subscriptions.subscribe(tenant, receiver.url(path), types);
  }

  private static String publishInvoice(String tenant) {
    return publishInvoice(tenant, UUID.randomUUID().toString());
  }

  private static String publishInvoice(String tenant, String customerId) {
    String invoiceId = UUID.randomUUID().toString();
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
    KafkaWriter.publish(
        InvoicingEvent.TOPIC,
        UUID.randomUUID().toString(),
        new InvoiceIssued(
            tenant,
            customerId,
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

  private static JsonNode body(Receiver.Request request) throws Exception {
    return JSON.readTree(request.body());
  }

  private static void verify(String secret, Receiver.Request request) throws Exception {
    new Webhook(secret).verify(request.body(), request.headers());
  }

  @Test
  void aFailedDeliveryIsRetriedWithTheSameIdSignedAndLoggedForItsTenantOnly() throws Exception {
    String tenant = TestTokens.freshTenant();
    String other = TestTokens.freshTenant();
    String mine = "/" + tenant + "/hook";
    String theirs = "/" + other + "/hook";
    JsonPath sub = subscribe(tenant, mine, "invoice.issued", "invoice.paid");
    JsonPath otherSub = subscribe(other, theirs, "invoice.issued");
    receiver.answer(mine, 500);

    String invoice = publishInvoice(tenant);
    String otherInvoice = publishInvoice(other);

    await().atMost(PATIENCE).until(() -> receiver.at(mine).size() >= 2);
    await().atMost(PATIENCE).until(() -> receiver.at(theirs).size() >= 1);
    List<Receiver.Request> got = receiver.at(mine);
    assertThat(got).hasSize(2);
    for (Receiver.Request r : got) {
      verify(sub.getString("secret"), r);
      assertThat(body(r).get("type").asText()).isEqualTo("invoice.issued");
      assertThat(body(r).at("/data/invoiceId").asText()).isEqualTo(invoice);
      assertThat(body(r).at("/data/sequence").asLong()).isEqualTo(1);
    }
    assertThat(got.get(1).header("webhook-id")).isEqualTo(got.get(0).header("webhook-id"));
    assertThat(got.get(1).body()).isEqualTo(got.get(0).body());
    // the other tenant's receiver got its own invoice only, signed with its own secret
    assertThat(receiver.at(theirs)).hasSize(1);
    verify(otherSub.getString("secret"), receiver.at(theirs).get(0));
    assertThat(body(receiver.at(theirs).get(0)).at("/data/invoiceId").asText())
        .isEqualTo(otherInvoice);

    String id = sub.getString("id");
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                as(tenant, "admin")
                    .get("/api/v1/webhooks/" + id + "/deliveries")
                    .then()
                    .statusCode(200)
                    .body("items.size()", equalTo(1))
                    .body("items[0].status", equalTo("DELIVERED"))
                    .body("items[0].id", equalTo(got.get(0).header("webhook-id")))
                    .body("items[0].eventType", equalTo("invoice.issued"))
                    .body("items[0].attempts.statusCode", equalTo(List.of(500, 200)))
                    .body("items[0].attempts[0].responseExcerpt", equalTo("failing on purpose")));

    // another tenant sees nothing of it
    as(other, "admin").get("/api/v1/webhooks/" + id).then().statusCode(404);
    as(other, "admin").get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(404);
    as(other, "admin")
        .get("/api/v1/webhooks")
        .then()
        .statusCode(200)
        .body("items.id", equalTo(List.of(otherSub.getString("id"))));
  }

  @Test
  void manyEventsOfOneCustomerArriveOnceEachInTheirOrderEachAttemptLogged() throws Exception {
    String tenant = TestTokens.freshTenant();
    String path = "/" + tenant + "/many";
    JsonPath sub = subscribe(tenant, path, "invoice.issued");
    String customer = UUID.randomUUID().toString();
    // several claimed batches and more than two turns of the subscription (50 deliveries each)
    int events = 120;
    for (int i = 0; i < events; i++) {
      publishInvoice(tenant, customer);
    }

    await().atMost(PATIENCE).until(() -> receiver.at(path).size() >= events);
    List<Receiver.Request> got = receiver.at(path);
    assertThat(got).hasSize(events);
    assertThat(got.stream().map(r -> r.header("webhook-id")).distinct()).hasSize(events);
    for (int i = 0; i < events; i++) {
      assertThat(body(got.get(i)).at("/data/sequence").asLong()).isEqualTo(i + 1);
    }
    verify(sub.getString("secret"), got.get(events - 1));
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                as(tenant, "admin")
                    .queryParam("limit", 500)
                    .get("/api/v1/webhooks/" + sub.getString("id") + "/deliveries")
                    .then()
                    .statusCode(200)
                    .body("items.size()", equalTo(events))
                    .body("items.status", everyItem(equalTo("DELIVERED")))
                    .body("items.collect { it.attempts.size() }", everyItem(equalTo(1)))
                    .body("items.attempts.flatten().statusCode", everyItem(equalTo(200))));
  }

  @Test
  void aRotatedSecretSignsBesideThePreviousOneAndAReplaySendsTheEventAgain() throws Exception {
    String tenant = TestTokens.freshTenant();
    String path = "/" + tenant + "/rotating";
    JsonPath sub = subscribe(tenant, path, "invoice.issued");
    String id = sub.getString("id");

    String rotated = Subscriptions.rotate(tenant, "admin", id);
    assertThat(rotated).isNotEqualTo(sub.getString("secret"));
    Instant before = Instant.now().minusSeconds(60);
    publishInvoice(tenant);

    await().atMost(PATIENCE).until(() -> receiver.at(path).size() >= 1);
    Receiver.Request first = receiver.at(path).get(0);
    assertThat(first.header("webhook-signature").split(" ")).hasSize(2);
    verify(rotated, first);
    verify(sub.getString("secret"), first);

    as(tenant, "erp")
        .body(Map.of("from", before.toString(), "to", Instant.now().plusSeconds(60).toString()))
        .post("/api/v1/webhooks/" + id + "/replay")
        .then()
        .statusCode(202)
        .body("deliveries", equalTo(1));
    await().atMost(PATIENCE).until(() -> receiver.at(path).size() >= 2);
    Receiver.Request again = receiver.at(path).get(1);
    assertThat(again.header("webhook-id")).isNotEqualTo(first.header("webhook-id"));
    assertThat(body(again).at("/data/eventId")).isEqualTo(body(first).at("/data/eventId"));
    verify(rotated, again);

    // a delivered delivery is not retried by hand
    String delivered = first.header("webhook-id");
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                as(tenant, "erp")
                    .post("/api/v1/webhooks/" + id + "/deliveries/" + delivered + "/retry")
                    .then()
                    .statusCode(409));
  }

  @Test
  void aManualRetryAttemptsAFailingDeliveryAgainAtOnce() throws Exception {
    String tenant = TestTokens.freshTenant();
    String path = "/" + tenant + "/manual";
    String id = subscribe(tenant, path, "invoice.issued").getString("id");
    receiver.answer(path, 503);
    publishInvoice(tenant);
    await().atMost(PATIENCE).until(() -> receiver.at(path).size() >= 1);
    String delivery = receiver.at(path).get(0).header("webhook-id");

    as(tenant, "erp")
        .post("/api/v1/webhooks/" + id + "/deliveries/" + delivery + "/retry")
        .then()
        .statusCode(202)
        .body("id", equalTo(delivery));

    await().atMost(PATIENCE).until(() -> receiver.at(path).size() >= 2);
    assertThat(receiver.at(path).get(1).header("webhook-id")).isEqualTo(delivery);
  }

  @Test
  void subscriptionsAreReadReplacedWithIfMatchAndRemoved() {
    String tenant = TestTokens.freshTenant();
    String id = subscribe(tenant, "/" + tenant + "/crud", "invoice.issued").getString("id");

    String etag =
        as(tenant, "erp")
            .get("/api/v1/webhooks/" + id)
            .then()
            .statusCode(200)
            .body("eventTypes", equalTo(List.of("invoice.issued")))
            .body("disabledReason", equalTo(null))
            .extract()
            .header("ETag");
    Map<String, Object> replacement =
        Map.of(
            "url",
            receiver.url("/" + tenant + "/crud2"),
            "eventTypes",
            List.of("invoice.paid", "score.changed"),
            "enabled",
            false);
    as(tenant, "erp").body(replacement).put("/api/v1/webhooks/" + id).then().statusCode(428);
    as(tenant, "erp")
        .header("If-Match", etag)
        .body(replacement)
        .put("/api/v1/webhooks/" + id)
        .then()
        .statusCode(200)
        .body("enabled", equalTo(false))
        .body("eventTypes", hasItem("score.changed"));
    as(tenant, "erp")
        .header("If-Match", etag)
        .body(replacement)
        .put("/api/v1/webhooks/" + id)
        .then()
        .statusCode(412);

    as(tenant, "admin").delete("/api/v1/webhooks/" + id).then().statusCode(204);
    as(tenant, "admin").get("/api/v1/webhooks/" + id).then().statusCode(404);
  }

  @Test
  void badInputIsA400NamingTheFieldAndOnlyAdminAndErpMayTouchWebhooks() {
    String tenant = TestTokens.freshTenant();
    as(tenant, "erp")
        .body(Map.of("url", receiver.url("/x"), "eventTypes", List.of("invoice.exploded")))
        .post("/api/v1/webhooks")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("eventTypes[0]"));
    for (String url :
        List.of("ftp://127.0.0.1/x", "http://10.0.0.1/x", "https://169.254.169.254/latest")) {
      as(tenant, "erp")
          .body(Map.of("url", url, "eventTypes", List.of("invoice.issued")))
          .post("/api/v1/webhooks")
          .then()
          .statusCode(400)
          .body("errors.field", hasItem("url"));
    }
    as(tenant, "erp")
        .body(Map.of("url", receiver.url("/x"), "eventTypes", List.of()))
        .post("/api/v1/webhooks")
        .then()
        .statusCode(400);
    as(tenant, "viewer").get("/api/v1/webhooks").then().statusCode(403);
    as(tenant, "collector")
        .body(Map.of("url", receiver.url("/x"), "eventTypes", List.of("invoice.issued")))
        .post("/api/v1/webhooks")
        .then()
        .statusCode(403);
    given().get("/api/v1/webhooks").then().statusCode(401);
    String id = subscribe(tenant, "/" + tenant + "/range", "invoice.issued").getString("id");
    as(tenant, "erp")
        .body(Map.of("from", "2026-12-02T00:00:00Z", "to", "2026-12-01T00:00:00Z"))
        .post("/api/v1/webhooks/" + id + "/replay")
        .then()
        .statusCode(400);
  }
}
