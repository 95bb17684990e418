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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.events.CustomerPersonalDataErased;
import org.receivables.events.InvoiceIssued;

/**
 * Dunning obeys invoicing's erasure of a customer's personal data: the replica's contact data and
 * reminder addresses go, unsent reminders are withdrawn, sent ones keep their text as evidence
 * until the retention period erases it too.
 */
@QuarkusTest
class PersonalDataErasureTest extends DunningFlowSupport {

  @Inject EntityManager em;

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
    return reminders(customerId).setRootPath("items[0]");
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

  private void erase(String customerId, String reason) {
    publish(new CustomerPersonalDataErased(tenant, customerId, reason, Instant.now()));
  }

  @Test
  void erasureRemovesContactsWithdrawsUnsentRemindersAndKeepsSentOnesAsEvidence() {
    String sentMail = mail();
    String pendingMail = mail();
    String sent = customer(sentMail, "+33612345678", "fr");
    String pending = customer(pendingMail, "+33612345678", "fr");
    InvoiceIssued a = invoice(sent, "640.00", AS_OF.minusDays(2));
    InvoiceIssued b = invoice(pending, "640.00", AS_OF.minusDays(2));
    awaitReplica(a, b);
    assertThat(run(AS_OF).getInt("remindersSent")).isEqualTo(2);
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
    await(() -> customerJson(pending).getString("name") == null, "erasure in the replica");
    await(() -> customerJson(sent).getString("name") == null, "erasure in the replica");

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
    run(AS_OF);
    assertThat(GreenMail.inbox(pendingMail)).hasSize(1);
    assertThat(reminder(pending).getString("status")).isEqualTo("FAILED");

    // at the end of the retention period the evidence goes as well
    erase(sent, CustomerPersonalDataErased.RETENTION);
    await(() -> !content(sentId).contains(a.number()), "retention erasure of the sent reminder");
    assertThat(reminder(sent).getString("status")).isEqualTo("SENT");
    assertThat(new BigDecimal(reminder(sent).getString("amount"))).isEqualByComparingTo("640.00");
  }
}
