package org.receivables.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.events.CustomerPersonalDataErased;
import org.receivables.invoicing.privacy.RetentionJob;

/** Erasure of a customer's personal data on request, and by retention after closure. */
@QuarkusTest
class PersonalDataErasureApiTest {

  @Inject EntityManager em;
  @Inject RetentionJob retention;

  private final TestLedger api = new TestLedger();

  private String customerWithContacts() {
    var body = TestLedger.customerBody("C-" + UUID.randomUUID(), Map.of("days", 30));
    body.put("phone", "+33612345678");
    body.put("legalId", "552100554");
    return api.erp()
        .body(body)
        .post("/api/v1/customers")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void erasureRemovesContactDataKeepsTheLedgerAndTellsEveryReplica() {
    String id = customerWithContacts();
    String invoice = api.invoice(id, "2026-01-15", "1000");
    JsonPath before = api.read("/api/v1/customers/" + id);
    String path = "/api/v1/customers/" + id + "/personal-data";

    api.as("erp").delete(path).then().statusCode(403).contentType("application/problem+json");
    api.as("viewer").delete(path).then().statusCode(403);
    new TestLedger()
        .as("admin")
        .delete(path)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    api.as("admin")
        .delete("/api/v1/customers/" + UUID.randomUUID() + "/personal-data")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    // refusals changed nothing
    api.as("viewer")
        .get("/api/v1/customers/" + id)
        .then()
        .body("name", equalTo("Boulangerie Martin"))
        .body("email", equalTo("compta@martin.example"))
        .body("personalDataErasedAt", nullValue());

    api.as("admin").delete(path).then().statusCode(204);

    JsonPath after = api.read("/api/v1/customers/" + id);
    assertThat(after.getString("name")).isEqualTo("(erased)");
    assertThat(after.getString("email")).isNull();
    assertThat(after.getString("phone")).isNull();
    assertThat(after.getString("personalDataErasedAt")).isNotNull();
    assertThat(after.getString("externalRef")).isEqualTo(before.getString("externalRef"));
    assertThat(after.getString("legalId")).isEqualTo("552100554");
    JsonPath inv = api.invoiceJson(invoice);
    assertThat(inv.getString("customerId")).isEqualTo(id);
    assertThat(inv.<java.math.BigDecimal>get("totalInclTax")).isEqualByComparingTo("1200.00");
    assertThat(inv.<java.math.BigDecimal>get("outstanding")).isEqualByComparingTo("1200.00");

    JsonPath event = TestLedger.event(CustomerPersonalDataErased.TYPE, id);
    assertThat(event.getString("tenantId")).isEqualTo(api.tenant);
    assertThat(event.getString("customerId")).isEqualTo(id);
    assertThat(event.getString("reason")).isEqualTo("REQUEST");
    assertThat(event.prettify()).doesNotContain("Martin").doesNotContain("+33612345678");

    // erasing again is harmless and changes nothing
    long version = after.getLong("version");
    api.as("admin").delete(path).then().statusCode(204);
    api.as("viewer")
        .get("/api/v1/customers/" + id)
        .then()
        .body("version", equalTo((int) version))
        .body("personalDataErasedAt", equalTo(after.getString("personalDataErasedAt")));
  }

  @Test
  void retentionErasesClosedAccountsPastThePeriodOnly() {
    // registered on 2001-01-10 (set below), never invoiced: due on 2011-01-10 (P10Y)
    String idle = customerWithContacts();
    // paid in full on 2001-03-01, exactly ten years before the run
    String paid = customerWithContacts();
    String paidInvoice = api.invoice(paid, "2001-02-01", "100");
    api.pay(paidInvoice, "120.00", "2001-03-01").then().statusCode(201);
    // still owes an invoice from 2001
    String owing = customerWithContacts();
    api.invoice(owing, "2001-01-15", "100");
    // paid in 2005: less than ten years before the run
    String recent = customerWithContacts();
    String recentInvoice = api.invoice(recent, "2001-01-15", "100");
    api.pay(recentInvoice, "120.00", "2005-06-30").then().statusCode(201);
    // erased on request already: retention erases once more, so replicas drop their evidence
    String requested = customerWithContacts();
    api.as("admin")
        .delete("/api/v1/customers/" + requested + "/personal-data")
        .then()
        .statusCode(204);
    for (String id : new String[] {idle, paid, owing, recent, requested}) {
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  em.createNativeQuery(
                          "update customer set created_at = :at, updated_at = null where id = :id")
                      .setParameter("at", Instant.parse("2001-01-10T10:00:00Z"))
                      .setParameter("id", UUID.fromString(id))
                      .executeUpdate());
    }

    // each account on the day its ten years end, not a day before
    assertThat(retention.run(LocalDate.of(2011, 1, 9))).isZero();
    assertThat(retention.run(LocalDate.of(2011, 1, 10))).isEqualTo(2); // idle, requested
    assertThat(retention.run(LocalDate.of(2011, 2, 28))).isZero();
    assertThat(retention.run(LocalDate.of(2011, 3, 1))).isEqualTo(1); // paid

    for (String id : new String[] {idle, paid, requested}) {
      api.as("viewer")
          .get("/api/v1/customers/" + id)
          .then()
          .body("name", equalTo("(erased)"))
          .body("email", nullValue())
          .body("phone", nullValue())
          .body("personalDataErasedAt", notNullValue());
      JsonPath event =
          TestLedger.event(
              CustomerPersonalDataErased.TYPE, id, e -> "RETENTION".equals(e.getString("reason")));
      assertThat(event.getString("tenantId")).isEqualTo(api.tenant);
    }
    for (String id : new String[] {owing, recent}) {
      api.as("viewer")
          .get("/api/v1/customers/" + id)
          .then()
          .body("name", equalTo("Boulangerie Martin"))
          .body("phone", equalTo("+33612345678"))
          .body("personalDataErasedAt", nullValue());
    }
    // a second run finds nothing left to do
    assertThat(retention.run(LocalDate.of(2011, 3, 1))).isZero();
  }
}
