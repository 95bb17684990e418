package org.receivables.invoicing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.events.Topics;
import org.receivables.kit.testing.PublishedEvents;
import org.receivables.kit.testing.TestTokens;

/** The invoicing API on real PostgreSQL and Kafka, through real JWT verification. */
@QuarkusTest
class InvoicingApiTest {

  private final String tenant = TestTokens.freshTenant();

  private RequestSpecification as(String tenantId, String... roles) {
    return given()
        .header("Authorization", TestTokens.bearer(tenantId, roles))
        .contentType(ContentType.JSON);
  }

  private RequestSpecification erp() {
    return as(tenant, "erp");
  }

  private static Map<String, Object> customer(String ref, Map<String, Object> terms) {
    return Map.of(
        "externalRef", ref,
        "name", "Boulangerie Martin",
        "country", "FR",
        "currency", "EUR",
        "language", "fr",
        "email", "compta@martin.example",
        "paymentTerms", terms);
  }

  private String createCustomer(Map<String, Object> terms) {
    return erp()
        .body(customer("C-" + UUID.randomUUID(), terms))
        .post("/api/v1/customers")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void registersACustomerAndPublishesTheEvent() {
    String ref = "C-" + UUID.randomUUID();
    String id =
        erp()
            .body(customer(ref, Map.of("days", 45, "endOfMonth", true)))
            .post("/api/v1/customers")
            .then()
            .statusCode(201)
            .header("Location", containsString("/api/v1/customers/"))
            .body("externalRef", equalTo(ref))
            .body("paymentTerms.endOfMonthRule", equalTo("DAYS_THEN_END_OF_MONTH"))
            .extract()
            .path("id");
    as(tenant, "viewer")
        .get("/api/v1/customers/" + id)
        .then()
        .statusCode(200)
        .body("name", equalTo("Boulangerie Martin"));
    as(tenant, "viewer")
        .queryParam("externalRef", ref)
        .get("/api/v1/customers")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].id", equalTo(id));

    var record =
        PublishedEvents.await(
            Topics.INVOICING,
            r -> id.equals(r.headers().get("ce_subject")),
            Duration.ofSeconds(20));
    assertThat(record.key()).isEqualTo(tenant + ":" + id);
    assertThat(record.headers()).containsEntry("ce_type", "receivables.customer.registered.v1");
    assertThat(record.headers()).containsEntry("ce_tenantid", tenant);
    assertThat(record.value()).contains("\"externalRef\":\"" + ref + "\"");
  }

  @Test
  void aSecondCustomerWithTheSameExternalRefIsAConflict() {
    String ref = "C-" + UUID.randomUUID();
    erp().body(customer(ref, Map.of("days", 30))).post("/api/v1/customers").then().statusCode(201);
    erp()
        .body(customer(ref, Map.of("days", 30)))
        .post("/api/v1/customers")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString(ref));
    // another tenant may use the same reference
    as(TestTokens.freshTenant(), "erp")
        .body(customer(ref, Map.of("days", 30)))
        .post("/api/v1/customers")
        .then()
        .statusCode(201);
  }

  @Test
  void issuesAnInvoiceWithTotalsPerRateAndDueDateFromTerms() {
    String customerId = createCustomer(Map.of("days", 30));
    String number = "F-" + UUID.randomUUID();
    String invoiceId =
        erp()
            .body(
                Map.of(
                    "customerId",
                    customerId,
                    "number",
                    number,
                    "issueDate",
                    "2026-01-31",
                    "lines",
                    java.util.List.of(
                        Map.of(
                            "description",
                            "Bread",
                            "quantity",
                            3,
                            "unitPrice",
                            4.99,
                            "vatRate",
                            5.5),
                        Map.of(
                            "description",
                            "Delivery",
                            "quantity",
                            1,
                            "unitPrice",
                            20,
                            "vatRate",
                            20))))
            .post("/api/v1/invoices")
            .then()
            .statusCode(201)
            .header("Location", containsString("/api/v1/invoices/"))
            .body("status", equalTo("OPEN"))
            .body("dueDate", equalTo("2026-03-02"))
            .body("currency", equalTo("EUR"))
            .body("totalExclTax", equalTo(34.97f))
            .body("totalTax", equalTo(4.82f))
            .body("totalInclTax", equalTo(39.79f))
            .body("amountPaid", equalTo(0.00f))
            .body("outstanding", equalTo(39.79f))
            .body("disputed", equalTo(false))
            .body("overdue", equalTo(true))
            .body("vatBreakdown", hasSize(2))
            .extract()
            .path("id");

    as(tenant, "viewer")
        .get("/api/v1/invoices/" + invoiceId)
        .then()
        .statusCode(200)
        .body("number", equalTo(number));
    as(tenant, "viewer")
        .queryParam("customerId", customerId)
        .get("/api/v1/invoices")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(invoiceId));

    var record =
        PublishedEvents.await(
            Topics.INVOICING,
            r -> invoiceId.equals(r.headers().get("ce_subject")),
            Duration.ofSeconds(20));
    assertThat(record.headers()).containsEntry("ce_type", "receivables.invoice.issued.v1");
    assertThat(record.key()).isEqualTo(tenant + ":" + customerId);
    assertThat(record.value())
        .contains("\"totalInclTax\":39.79")
        .contains("\"dueDate\":\"2026-03-02\"");
  }

  @Test
  void termsBeyondTheLegalCapAreAcceptedWithAWarning() {
    String customerId = createCustomer(Map.of("days", 90));
    erp()
        .body(
            Map.of(
                "customerId",
                customerId,
                "number",
                "F-" + UUID.randomUUID(),
                "issueDate",
                "2026-01-15",
                "lines",
                java.util.List.of(
                    Map.of("description", "x", "quantity", 1, "unitPrice", 100, "vatRate", 20))))
        .post("/api/v1/invoices")
        .then()
        .statusCode(201)
        .body("dueDate", equalTo("2026-04-15"))
        .body("warnings[0]", containsString("L441-10"));
  }

  @Test
  void badInputIsAProblemThatNamesTheField() {
    String customerId = createCustomer(Map.of("days", 30));
    erp()
        .body("{\"externalRef\": ")
        .post("/api/v1/customers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("detail", containsString("not valid JSON"));
    erp()
        .body("{}")
        .post("/api/v1/customers")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("externalRef"))
        .body("errors.field", hasItem("paymentTerms"));
    erp()
        .body(
            Map.of(
                "customerId",
                customerId,
                "number",
                "F-" + UUID.randomUUID(),
                "issueDate",
                "2026-01-15",
                "lines",
                java.util.List.of(
                    Map.of("description", "x", "quantity", -2, "unitPrice", 100, "vatRate", 20))))
        .post("/api/v1/invoices")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("lines[0].quantity"));
    erp()
        .body(
            Map.of(
                "customerId",
                customerId,
                "number",
                "F-1",
                "issueDate",
                "2026-02-30",
                "lines",
                java.util.List.of()))
        .post("/api/v1/invoices")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("issueDate"));
    erp()
        .body(
            Map.of(
                "customerId",
                customerId,
                "number",
                "F-1",
                "issueDate",
                "2026-01-01",
                "duedate",
                "2026-01-02",
                "lines",
                java.util.List.of()))
        .post("/api/v1/invoices")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("duedate"));
    erp()
        .body(
            Map.of(
                "customerId",
                UUID.randomUUID().toString(),
                "number",
                "F-" + UUID.randomUUID(),
                "issueDate",
                "2026-01-15",
                "lines",
                java.util.List.of(
                    Map.of("description", "x", "quantity", 1, "unitPrice", 1, "vatRate", 20))))
        .post("/api/v1/invoices")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("customerId"));
  }

  @Test
  void securityAndTenantIsolation() {
    String customerId = createCustomer(Map.of("days", 30));
    given()
        .get("/api/v1/customers/" + customerId)
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given()
        .header("Authorization", "Bearer not-a-token")
        .get("/api/v1/customers/" + customerId)
        .then()
        .statusCode(401);
    as(tenant, "viewer")
        .body(customer("C-" + UUID.randomUUID(), Map.of("days", 30)))
        .post("/api/v1/customers")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    String other = TestTokens.freshTenant();
    as(other, "admin")
        .get("/api/v1/customers/" + customerId)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    as(other, "admin").get("/api/v1/customers").then().statusCode(200).body("items", hasSize(0));
    as(other, "admin")
        .queryParam("customerId", customerId)
        .get("/api/v1/invoices")
        .then()
        .statusCode(200)
        .body("items", hasSize(0));
  }

  @Test
  void listsPageWithACursor() {
    for (int i = 0; i < 3; i++) {
      createCustomer(Map.of("days", 30));
    }
    String cursor =
        erp()
            .queryParam("limit", 2)
            .get("/api/v1/customers")
            .then()
            .statusCode(200)
            .body("items", hasSize(2))
            .body("nextCursor", notNullValue())
            .extract()
            .path("nextCursor");
    erp()
        .queryParam("limit", 2)
        .queryParam("cursor", cursor)
        .get("/api/v1/customers")
        .then()
        .statusCode(200)
        .body("items", hasSize(1))
        .body("nextCursor", equalTo(null));
    erp().queryParam("limit", 0).get("/api/v1/customers").then().statusCode(400);
  }
}
