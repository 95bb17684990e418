package org.receivables.dunning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.events.CustomerPersonalDataErased;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.DomainEvent;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.PaymentTermsData;
import org.receivables.events.Topics;
import org.receivables.kit.testing.KafkaWriter;
import org.receivables.kit.testing.TestTokens;

/**
 * Dunning obeys invoicing's erasure of a customer's personal data: the replica's contact data and
 * reminder addresses go, unsent reminders are withdrawn, sent ones keep their text as evidence
 * until the retention period erases it too.
 */
@QuarkusTest
class PersonalDataErasureTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

  private final String tenant = TestTokens.freshTenant();

  @Inject EntityManager em;

  private String admin() {
    return TestTokens.bearer(tenant, "admin", "collector");
  }

  private static void publish(DomainEvent e) {
    KafkaWriter.publish(Topics.INVOICING, UUID.randomUUID().toString(), e);
  }

  private String customer(String email) {
    String id = UUID.randomUUID().toString();
    publish(
        new CustomerRegistered(
            tenant,
            id,
            "C-" + id.substring(0, 8),
            "Jean Dupont EI",
            "FR",
            "EUR",
            "fr",
            email,
            "+33612345678",
            null,
            new PaymentTermsData(30, "NONE")));
    return id;
  }

  private InvoiceIssued overdueInvoice(String customerId) {
    BigDecimal a = new BigDecimal("640.00");
    InvoiceIssued e =
        new InvoiceIssued(
            tenant,
            customerId,
            UUID.randomUUID().toString(),
            "F" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
            AS_OF.minusDays(32),
            AS_OF.minusDays(2),
            "EUR",
            a,
            BigDecimal.ZERO,
            a,
            a,
            null);
    publish(e);
    return e;
  }

  private static String mail() {
    return "erase-" + UUID.randomUUID().toString().substring(0, 12) + "@test.local";
  }

  private void awaitInvoice(InvoiceIssued i) {
    DunningFlowSupport.await(
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

  private JsonPath customerJson(String id) {
    return given()
        .header("Authorization", admin())
        .get("/api/v1/dunning/customers/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private JsonPath reminder(String customerId) {
    return given()
        .header("Authorization", admin())
        .queryParam("customerId", customerId)
        .get("/api/v1/dunning/reminders")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .setRootPath("items[0]");
  }

  private String content(String reminderId) {
    return given()
        .header("Authorization", admin())
        .get("/api/v1/dunning/reminders/" + reminderId + "/content")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  private int run() {
    return given()
        .header("Authorization", admin())
        .contentType("application/json")
        .body(Map.of("asOf", AS_OF.toString()))
        .post("/api/v1/dunning/runs")
        .then()
        .statusCode(201)
        .extract()
        .path("remindersSent");
  }

  private void erase(String customerId, String reason) {
    publish(new CustomerPersonalDataErased(tenant, customerId, reason, Instant.now()));
  }

  @Test
  void erasureRemovesContactsWithdrawsUnsentRemindersAndKeepsSentOnesAsEvidence() {
    String sentMail = mail();
    String pendingMail = mail();
    String sent = customer(sentMail);
    String pending = customer(pendingMail);
    InvoiceIssued a = overdueInvoice(sent);
    InvoiceIssued b = overdueInvoice(pending);
    awaitInvoice(a);
    awaitInvoice(b);
    assertThat(run()).isEqualTo(2);
    String sentId = reminder(sent).getString("id");
    String pendingId = reminder(pending).getString("id");
    // as a run that stopped between storing and sending leaves a reminder
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "update reminder set status = 'PENDING', sent_at = null where id = :id")
                    .setParameter("id", UUID.fromString(pendingId))
                    .executeUpdate());
    assertThat(customerJson(sent).getString("email")).isEqualTo(sentMail);

    erase(sent, CustomerPersonalDataErased.REQUEST);
    erase(pending, CustomerPersonalDataErased.REQUEST);
    DunningFlowSupport.await(
        () -> customerJson(pending).getString("name") == null, "erasure in the replica");
    DunningFlowSupport.await(
        () -> customerJson(sent).getString("name") == null, "erasure in the replica");

    for (String id : new String[] {sent, pending}) {
      JsonPath c = customerJson(id);
      assertThat(c.getString("email")).isNull();
      assertThat(c.getString("phone")).isNull();
      given()
          .header("Authorization", admin())
          .get("/api/v1/dunning/customers/" + id + "/timeline")
          .then()
          .statusCode(200)
          .body("items.kind", hasItem("PERSONAL_DATA_ERASED"));
    }
    JsonPath kept = reminder(sent);
    assertThat(kept.getString("status")).isEqualTo("SENT");
    assertThat(kept.getString("recipient")).isNull();
    assertThat(new BigDecimal(kept.getString("amount"))).isEqualByComparingTo("640.00");
    assertThat(content(sentId)).contains(a.number());

    JsonPath withdrawn = reminder(pending);
    assertThat(withdrawn.getString("status")).isEqualTo("FAILED");
    assertThat(withdrawn.getString("recipient")).isNull();
    assertThat(withdrawn.getString("lastError")).contains("erased");
    assertThat(content(pendingId)).doesNotContain(b.number()).contains("erased");
    // the next run neither sends the withdrawn reminder nor anything new to the erased address
    run();
    assertThat(GreenMail.inbox(pendingMail)).hasSize(1);
    assertThat(reminder(pending).getString("status")).isEqualTo("FAILED");

    // at the end of the retention period the evidence goes as well
    erase(sent, CustomerPersonalDataErased.RETENTION);
    DunningFlowSupport.await(
        () -> !content(sentId).contains(a.number()), "retention erasure of the sent reminder");
    assertThat(reminder(sent).getString("status")).isEqualTo("SENT");
    assertThat(new BigDecimal(reminder(sent).getString("amount"))).isEqualByComparingTo("640.00");
  }
}
