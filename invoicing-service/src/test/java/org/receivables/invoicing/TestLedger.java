package org.receivables.invoicing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.receivables.events.Topics;
import org.receivables.kit.testing.KafkaReader;
import org.receivables.kit.testing.PublishedEvents;
import org.receivables.kit.testing.TestTokens;

/** One fresh tenant's view of the API, with the calls the ledger tests repeat. */
public final class TestLedger {

  public final String tenant = TestTokens.freshTenant();

  public RequestSpecification as(String... roles) {
    return asTenant(tenant, roles);
  }

  public static RequestSpecification asTenant(String tenantId, String... roles) {
    return given()
        .header("Authorization", TestTokens.bearer(tenantId, roles))
        .contentType(ContentType.JSON);
  }

  public RequestSpecification erp() {
    return as("erp");
  }

  public static Map<String, Object> customerBody(String ref, Map<String, Object> terms) {
    Map<String, Object> body = new HashMap<>();
    body.put("externalRef", ref);
    body.put("name", "Boulangerie Martin");
    body.put("country", "FR");
    body.put("currency", "EUR");
    body.put("language", "fr");
    body.put("email", "compta@martin.example");
    body.put("paymentTerms", terms);
    return body;
  }

  public String customer(Map<String, Object> terms) {
    return erp()
        .body(customerBody("C-" + UUID.randomUUID(), terms))
        .post("/api/v1/customers")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public String customer() {
    return customer(Map.of("days", 30));
  }

  public static Map<String, Object> invoiceBody(
      String customerId, String issueDate, String... unitPricesAt20) {
    List<Map<String, Object>> lines =
        java.util.Arrays.stream(unitPricesAt20)
            .map(
                p ->
                    Map.<String, Object>of(
                        "description",
                        "Goods",
                        "quantity",
                        1,
                        // amounts are JSON numbers, as the OpenAPI document says
                        "unitPrice",
                        new java.math.BigDecimal(p),
                        "vatRate",
                        20))
            .toList();
    Map<String, Object> body = new HashMap<>();
    body.put("customerId", customerId);
    body.put("number", "F-" + UUID.randomUUID());
    body.put("issueDate", issueDate);
    body.put("lines", lines);
    return body;
  }

  /** Issues an invoice of {@code net} at 20 % VAT (so 1000 gives 1200.00 incl. tax). */
  public String invoice(String customerId, String issueDate, String net) {
    return erp()
        .body(invoiceBody(customerId, issueDate, net))
        .post("/api/v1/invoices")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  public Response pay(String invoiceId, String amount, String receivedOn) {
    return erp()
        .body(Map.of("amount", new BigDecimal(amount), "receivedOn", receivedOn))
        .post("/api/v1/invoices/" + invoiceId + "/payments");
  }

  public JsonPath read(String path) {
    return json(as("viewer").get(path).then().statusCode(200).extract().response());
  }

  public JsonPath invoiceJson(String invoiceId) {
    return read("/api/v1/invoices/" + invoiceId);
  }

  public static JsonPath json(Response response) {
    return response
        .jsonPath()
        .using(
            JsonPathConfig.jsonPathConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
  }

  /** Waits for an invoicing event of this type about this subject, and returns its data. */
  public static JsonPath event(String type, String subject) {
    return event(type, subject, r -> true);
  }

  public static JsonPath event(
      String type, String subject, java.util.function.Predicate<JsonPath> match) {
    KafkaReader.Received record =
        PublishedEvents.await(
            Topics.INVOICING,
            r ->
                type.equals(r.headers().get("ce_type"))
                    && subject.equals(r.headers().get("ce_subject"))
                    && match.test(parse(r.value())),
            Duration.ofSeconds(30));
    return parse(record.value());
  }

  private static JsonPath parse(String value) {
    return new JsonPath(value)
        .using(
            JsonPathConfig.jsonPathConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
  }

  public static BigDecimal dec(String value) {
    return new BigDecimal(value);
  }
}
