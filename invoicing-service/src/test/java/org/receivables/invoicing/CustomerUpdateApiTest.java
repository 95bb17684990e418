package org.receivables.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.events.CreditHoldChanged;
import org.receivables.events.CustomerUpdated;
import org.receivables.events.Topics;
import org.receivables.kit.testing.KafkaReader;
import org.receivables.kit.testing.KafkaWriter;

/** Customer updates with If-Match, and credit holds arriving from scoring. */
@QuarkusTest
class CustomerUpdateApiTest {

  private final TestLedger api = new TestLedger();

  @Test
  void updatesNeedTheCurrentVersion() {
    String ref = "C-" + UUID.randomUUID();
    var created = create(ref);
    String id = created.path("id");
    String etag = created.header("ETag");
    var change = TestLedger.customerBody(ref, Map.of("days", 45, "endOfMonth", true));
    change.put("doNotDun", true);
    change.put("email", "ar@martin.example");

    api.erp().body(change).put("/api/v1/customers/" + id).then().statusCode(428);
    api.erp()
        .header("If-Match", "\"99\"")
        .body(change)
        .put("/api/v1/customers/" + id)
        .then()
        .statusCode(412)
        .contentType("application/problem+json");
    String newEtag =
        api.erp()
            .header("If-Match", etag)
            .body(change)
            .put("/api/v1/customers/" + id)
            .then()
            .statusCode(200)
            .body("doNotDun", equalTo(true))
            .body("paymentTerms.days", equalTo(45))
            .body("email", equalTo("ar@martin.example"))
            .extract()
            .header("ETag");
    assertThat(newEtag).isNotEqualTo(etag);
    // the same stale ETag a second time loses
    api.erp()
        .header("If-Match", etag)
        .body(change)
        .put("/api/v1/customers/" + id)
        .then()
        .statusCode(412);

    api.as("viewer")
        .queryParam("doNotDun", true)
        .get("/api/v1/customers")
        .then()
        .body("items.id", equalTo(java.util.List.of(id)));

    JsonPath event = TestLedger.event(CustomerUpdated.TYPE, id);
    assertThat(event.getBoolean("doNotDun")).isTrue();
    assertThat(event.getString("email")).isEqualTo("ar@martin.example");
    assertThat(event.getString("paymentTerms.endOfMonth")).isEqualTo("DAYS_THEN_END_OF_MONTH");

    new TestLedger()
        .erp()
        .header("If-Match", newEtag)
        .body(change)
        .put("/api/v1/customers/" + id)
        .then()
        .statusCode(404);
    api.as("viewer")
        .header("If-Match", newEtag)
        .body(change)
        .put("/api/v1/customers/" + id)
        .then()
        .statusCode(403);
  }

  @Test
  void aSecondCustomersExternalRefCannotBeTaken() {
    String taken = "C-" + UUID.randomUUID();
    api.erp()
        .body(TestLedger.customerBody(taken, Map.of("days", 30)))
        .post("/api/v1/customers")
        .then()
        .statusCode(201);
    String id = api.customer();
    String etag = api.as("viewer").get("/api/v1/customers/" + id).header("ETag");
    api.erp()
        .header("If-Match", etag)
        .body(TestLedger.customerBody(taken, Map.of("days", 30)))
        .put("/api/v1/customers/" + id)
        .then()
        .statusCode(409);
  }

  @Test
  void creditHoldFollowsScoringOncePerEventAndIsNotEchoed() throws Exception {
    String ref = "C-" + UUID.randomUUID();
    String id = create(ref).path("id");
    String eventId = UUID.randomUUID().toString();
    KafkaWriter.publish(
        Topics.SCORING,
        eventId,
        new CreditHoldChanged(api.tenant, id, true, "Score E", "scoring", Instant.now()));
    JsonPath customer = awaitCustomer(id, c -> c.getBoolean("creditHold"));
    assertThat(customer.getString("creditHoldReason")).isEqualTo("Score E");

    // one owner per fact: scoring publishes the hold, invoicing does not echo it. The customer's
    // next CustomerUpdated on its key is the one of this change of its name, not an echo before it.
    var renamed = TestLedger.customerBody(ref, Map.of("days", 30));
    renamed.put("name", "Martin renamed " + eventId);
    api.erp()
        .header("If-Match", api.as("viewer").get("/api/v1/customers/" + id).header("ETag"))
        .body(renamed)
        .put("/api/v1/customers/" + id)
        .then()
        .statusCode(200)
        .body("creditHold", equalTo(true));
    JsonPath first = TestLedger.event(CustomerUpdated.TYPE, id);
    assertThat(first.getString("name")).isEqualTo("Martin renamed " + eventId);
    assertThat(first.getMap("$")).doesNotContainKey("creditHold");

    // a redelivery of the same event id with other data changes nothing; a new release event does
    KafkaWriter.publish(
        Topics.SCORING,
        eventId,
        new CreditHoldChanged(api.tenant, id, false, "replayed", "scoring", Instant.now()));
    KafkaWriter.publish(
        Topics.SCORING,
        UUID.randomUUID().toString(),
        new CreditHoldChanged(
            api.tenant,
            UUID.randomUUID().toString(),
            false,
            "unknown customer",
            "scoring",
            Instant.now()));
    String marker = "C-" + UUID.randomUUID();
    // junk without CloudEvent headers goes to the dead-letter topic, and the consumer goes on
    KafkaWriter.send(Topics.SCORING, api.tenant + ":" + marker, "{not json", Map.of());
    KafkaReader.await(
        Topics.deadLetter(Topics.SCORING),
        r -> (api.tenant + ":" + marker).equals(r.key()),
        Duration.ofSeconds(30));
    String release = UUID.randomUUID().toString();
    KafkaWriter.publish(
        Topics.SCORING,
        release,
        new CreditHoldChanged(api.tenant, id, false, "Paid up", "credit-manager", Instant.now()));
    JsonPath released = awaitCustomer(id, c -> !c.getBoolean("creditHold"));
    assertThat(released.getString("creditHoldReason")).isNull();
  }

  private io.restassured.response.ExtractableResponse<io.restassured.response.Response> create(
      String ref) {
    return api.erp()
        .body(TestLedger.customerBody(ref, Map.of("days", 30)))
        .post("/api/v1/customers")
        .then()
        .statusCode(201)
        .extract();
  }

  private JsonPath awaitCustomer(String id, java.util.function.Predicate<JsonPath> done) {
    return org.awaitility.Awaitility.await("customer " + id + " in the expected state")
        .atMost(java.time.Duration.ofSeconds(30))
        .pollInterval(java.time.Duration.ofMillis(200))
        .until(() -> api.read("/api/v1/customers/" + id), done::test);
  }
}
