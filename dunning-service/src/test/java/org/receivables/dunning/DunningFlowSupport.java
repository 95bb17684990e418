package org.receivables.dunning;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.DomainEvent;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.PaymentTermsData;
import org.receivables.events.Topics;
import org.receivables.kit.testing.KafkaWriter;
import org.receivables.kit.testing.TestTokens;

/**
 * What every end-to-end dunning test needs: a fresh tenant, customers and invoices published as
 * invoicing's events on the real broker, waits on the replica, and calls of the run API. Each test
 * class covers one capability (runs, commitments, collection, policies, API rules).
 */
@QuarkusTestResource(value = SmsServer.class, restrictToAnnotatedClass = false)
public abstract class DunningFlowSupport {

  protected static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
  protected static final Duration WAIT = Duration.ofSeconds(45);

  protected final String tenant = TestTokens.freshTenant();

  protected String admin() {
    return TestTokens.bearer(tenant, "admin", "collector");
  }

  protected static void publish(DomainEvent e) {
    KafkaWriter.publish(Topics.INVOICING, UUID.randomUUID().toString(), e);
  }

  protected String customer(String email, String phone, String lang) {
    String id = UUID.randomUUID().toString();
    publish(
        new CustomerRegistered(
            tenant,
            id,
            "C-" + id.substring(0, 8),
            "Boulangerie " + id.substring(0, 4),
            "FR",
            "EUR",
            lang,
            email,
            phone,
            null,
            new PaymentTermsData(30, "NONE")));
    return id;
  }

  protected InvoiceIssued invoice(String customerId, String amount, LocalDate due) {
    BigDecimal a = new BigDecimal(amount);
    InvoiceIssued e =
        new InvoiceIssued(
            tenant,
            customerId,
            UUID.randomUUID().toString(),
            "F" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
            due.minusDays(30),
            due,
            "EUR",
            a,
            BigDecimal.ZERO,
            a,
            a,
            null);
    publish(e);
    return e;
  }

  protected static String mail() {
    return "dun-" + UUID.randomUUID().toString().substring(0, 12) + "@test.local";
  }

  /** Waits until the replica knows every invoice (its interest can be computed). */
  protected void awaitReplica(InvoiceIssued... invoices) {
    for (InvoiceIssued i : invoices) {
      await(
          () ->
              given()
                      .header("Authorization", admin())
                      .queryParam("invoiceId", i.invoiceId())
                      .queryParam("asOf", AS_OF.toString())
                      .get("/api/v1/dunning/interest")
                      .statusCode()
                  == 200,
          "invoice " + i.number() + " in the replica");
    }
  }

  protected void awaitCustomer(String customerId) {
    await(
        () ->
            given()
                    .header("Authorization", admin())
                    .get("/api/v1/dunning/customers/" + customerId)
                    .statusCode()
                == 200,
        "customer " + customerId);
  }

  protected static void await(Supplier<Boolean> condition, String what) {
    Awaitility.await(what).atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(condition::get);
  }

  protected JsonPath run(LocalDate asOf) {
    try {
      return given()
          .header("Authorization", admin())
          .contentType("application/json")
          .body(Map.of("asOf", asOf.toString()))
          .post("/api/v1/dunning/runs")
          .then()
          .statusCode(201)
          .extract()
          .jsonPath();
    } catch (RuntimeException e) {
      // the service runs in this JVM: show where a run that did not answer is waiting
      Thread.getAllStackTraces()
          .forEach(
              (thread, stack) ->
                  System.err.println(
                      "\""
                          + thread.getName()
                          + "\" "
                          + thread.getState()
                          + "\n\tat "
                          + String.join(
                              "\n\tat ",
                              java.util.Arrays.stream(stack).map(String::valueOf).toList())));
      throw e;
    }
  }

  /** The kinds of the customer's timeline entries (first page). */
  protected List<String> timelineKinds(String customerId) {
    return given()
        .header("Authorization", admin())
        .get("/api/v1/dunning/customers/" + customerId + "/timeline")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.kind", String.class);
  }

  /** The ids of the tenant's runs (first page). */
  protected List<String> runIds() {
    return given()
        .header("Authorization", admin())
        .get("/api/v1/dunning/runs")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.id", String.class);
  }

  protected JsonPath reminders(String customerId) {
    return given()
        .header("Authorization", admin())
        .queryParam("customerId", customerId)
        .get("/api/v1/dunning/reminders")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  protected List<String> skipReasons(JsonPath run, String invoiceId) {
    List<Map<String, String>> skipped = run.getList("skipped");
    return skipped.stream()
        .filter(s -> invoiceId.equals(s.get("invoiceId")))
        .map(s -> s.get("reason"))
        .toList();
  }

  protected JsonPath dryRun(LocalDate asOf) {
    return given()
        .header("Authorization", admin())
        .contentType("application/json")
        .body(Map.of("asOf", asOf.toString(), "dryRun", true))
        .post("/api/v1/dunning/runs")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** A POST of the tenant's admin with a JSON body, with an {@code Idempotency-Key} unless null. */
  protected Response post(String path, String idempotencyKey, Object body) {
    var request = given().header("Authorization", admin()).contentType("application/json");
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return request.body(body).post(path);
  }

  /**
   * A policy of one segment with one friendly e-mail step {@code offsetDays} after the due date.
   */
  protected static Map<String, Object> policyBody(String name, String segment, int offsetDays) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("segments", List.of(segment));
    body.put(
        "steps",
        List.of(
            Map.of(
                "code",
                "FRIENDLY",
                "name",
                "Friendly",
                "offsetDays",
                offsetDays,
                "actions",
                List.of("SEND"),
                "channels",
                List.of("EMAIL"),
                "template",
                "friendly")));
    return body;
  }

  /** A promise to pay {@code amount} on one invoice. */
  protected static Map<String, Object> promiseBody(
      String customerId, String invoiceId, double amount, LocalDate promisedFor, LocalDate madeOn) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("customerId", customerId);
    body.put("invoiceIds", List.of(invoiceId));
    body.put("amount", amount);
    body.put("promisedFor", promisedFor.toString());
    body.put("madeOn", madeOn.toString());
    return body;
  }

  /** A payment plan of one invoice agreed on {@code AS_OF}: instalments due at +10 and +40 days. */
  protected static Map<String, Object> planBody(
      String customerId, String invoiceId, double first, double second) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("customerId", customerId);
    body.put("invoiceIds", List.of(invoiceId));
    body.put("agreedOn", AS_OF.toString());
    body.put(
        "instalments",
        List.of(
            Map.of("dueDate", AS_OF.plusDays(10).toString(), "amount", first),
            Map.of("dueDate", AS_OF.plusDays(40).toString(), "amount", second)));
    return body;
  }
}
