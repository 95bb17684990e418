package org.receivables.dunning.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.receivables.dunning.DunningFlowSupport;
import org.receivables.dunning.GreenMail;
import org.receivables.dunning.SmsServer;
import org.receivables.events.CustomerUpdated;
import org.receivables.events.DisputeOpened;
import org.receivables.events.DisputeResolved;
import org.receivables.events.DunningEscalated;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.PaymentReceived;
import org.receivables.events.ReminderSent;
import org.receivables.events.Topics;
import org.receivables.kit.testing.KafkaReader;
import org.receivables.kit.testing.KafkaWriter;
import org.receivables.kit.testing.PublishedEvents;

/** Runs end to end: grouping, claiming, sending by mail, SMS and letter, the daily run. */
@QuarkusTest
class RunFlowTest extends DunningFlowSupport {

  @Inject DailyRun daily;
  @Inject EntityManager em;

  @Test
  void theReminderAsksToQuoteTheInvoicesCreditorReference() {
    String email = mail();
    String c = customer(email, null, "en");
    BigDecimal amount = new BigDecimal("410.00");
    LocalDate due = AS_OF.minusDays(3);
    InvoiceIssued referenced =
        new InvoiceIssued(
            tenant,
            c,
            UUID.randomUUID().toString(),
            "R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
            due.minusDays(30),
            due,
            "EUR",
            amount,
            BigDecimal.ZERO,
            amount,
            amount,
            null,
            "RF18539007547034");
    publish(referenced);
    awaitReplica(referenced);

    assertThat(run(AS_OF).getInt("remindersSent")).isEqualTo(1);
    assertThat(GreenMail.inbox(email))
        .singleElement()
        .satisfies(m -> assertThat(m.text()).contains("RF18539007547034"));
  }

  @Test
  void eventsInGiveOneGroupedReminderPerCustomerAndStepByRealMail() {
    String email = mail();
    String c = customer(email, null, "fr");
    InvoiceIssued a = invoice(c, "1200.00", AS_OF.minusDays(2));
    InvoiceIssued b = invoice(c, "300.50", AS_OF.minusDays(1));
    InvoiceIssued notDue = invoice(c, "999.00", AS_OF.plusDays(20));
    awaitReplica(a, b, notDue);

    JsonPath r = run(AS_OF);
    assertThat(r.getInt("remindersSent")).isEqualTo(1);
    assertThat(r.getList("reminders.step", String.class)).containsExactly("FRIENDLY");
    assertThat(r.getList("reminders[0].invoiceIds", String.class))
        .containsExactly(a.invoiceId(), b.invoiceId());

    List<GreenMail.Message> inbox = GreenMail.inbox(email);
    assertThat(inbox).hasSize(1);
    assertThat(inbox.get(0).subject()).contains("Relance");
    assertThat(inbox.get(0).text())
        .contains(a.number(), b.number(), "1 500,50 EUR")
        .doesNotContain(notDue.number());

    JsonPath list = reminders(c);
    assertThat(list.getList("items.status", String.class)).containsExactly("SENT");
    assertThat(list.getString("items[0].channel")).isEqualTo("EMAIL");
    given()
        .header("Authorization", admin())
        .queryParam("invoiceId", b.invoiceId())
        .get("/api/v1/dunning/reminders")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1));
    PublishedEvents.await(
        Topics.DUNNING,
        rec ->
            rec.value().contains(tenant) && ReminderSent.TYPE.equals(rec.headers().get("ce_type")),
        WAIT);

    // the same date and an earlier one send nothing new
    assertThat(run(AS_OF).getInt("remindersSent")).isZero();
    assertThat(run(AS_OF.minusDays(1)).getInt("remindersSent")).isZero();
    assertThat(GreenMail.inbox(email)).hasSize(1);
    // the timeline keeps the rendered message's trace
    given()
        .header("Authorization", admin())
        .get("/api/v1/dunning/customers/" + c + "/timeline")
        .then()
        .statusCode(200)
        .body("items.kind", hasItem("REMINDER_SENT"));
  }

  @Test
  void aReminderLeftUnsentByARunThatStoppedIsSentByTheNextRun() {
    String email = mail();
    String c = customer(email, null, "fr");
    InvoiceIssued a = invoice(c, "640.00", AS_OF.minusDays(2));
    awaitReplica(a);
    assertThat(run(AS_OF).getInt("remindersSent")).isEqualTo(1);
    String id = reminders(c).getString("items[0].id");
    // as a run that died between storing its reminders and sending them leaves them
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "update reminder set status = 'PENDING', sent_at = null where id = :id")
                    .setParameter("id", UUID.fromString(id))
                    .executeUpdate());

    run(AS_OF); // the step is claimed: nothing new, but the stored reminder goes out
    JsonPath after = reminders(c);
    assertThat(after.getList("items.id", String.class)).containsExactly(id);
    assertThat(after.getString("items[0].status")).isEqualTo("SENT");
    assertThat(GreenMail.inbox(email)).hasSize(2);
  }

  @Test
  void aRunRetriedWithItsIdempotencyKeyIsAnsweredAgainNotRunTwice() {
    String c = customer(mail(), null, "fr");
    awaitReplica(invoice(c, "300.00", AS_OF.minusDays(3)));
    String key = UUID.randomUUID().toString();
    Map<String, String> body = Map.of("asOf", AS_OF.toString());
    String first =
        given()
            .header("Authorization", admin())
            .header("Idempotency-Key", key)
            .contentType("application/json")
            .body(body)
            .post("/api/v1/dunning/runs")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    given()
        .header("Authorization", admin())
        .header("Idempotency-Key", key)
        .contentType("application/json")
        .body(body)
        .post("/api/v1/dunning/runs")
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo(first));
    given()
        .header("Authorization", admin())
        .header("Idempotency-Key", key)
        .contentType("application/json")
        .body(Map.of("asOf", AS_OF.plusDays(1).toString()))
        .post("/api/v1/dunning/runs")
        .then()
        .statusCode(422);
    assertThat(runIds()).containsExactly(first);
  }

  @Test
  void twoConcurrentRunsSendExactlyOnce() throws Exception {
    String email = mail();
    String c = customer(email, null, "en");
    InvoiceIssued a = invoice(c, "100.00", AS_OF.minusDays(3));
    InvoiceIssued b = invoice(c, "200.00", AS_OF.minusDays(4));
    awaitReplica(a, b);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Callable<Integer> call =
          () -> {
            start.await();
            return run(AS_OF).getInt("remindersSent");
          };
      results.add(pool.submit(call));
    }
    start.countDown();
    int sent = 0;
    for (Future<Integer> f : results) {
      sent += f.get();
    }
    pool.shutdown();
    assertThat(sent).isEqualTo(1);
    assertThat(GreenMail.inbox(email)).hasSize(1);
    assertThat(GreenMail.inbox(email).get(0).subject()).contains("Reminder");
    assertThat(reminders(c).getList("items")).hasSize(1);
  }

  @Test
  void aFormalNoticeIsALetterWithInterestAndTheIndemnityAsAPdf() throws Exception {
    String email = mail();
    String c = customer(email, null, "fr");
    InvoiceIssued a = invoice(c, "10000.00", AS_OF.minusDays(35));
    awaitReplica(a);
    JsonPath r = run(AS_OF);
    assertThat(r.getList("reminders.channel", String.class))
        .containsExactlyInAnyOrder("LETTER", "EMAIL");
    assertThat(r.getInt("escalations")).isEqualTo(1);
    Map<String, Object> letter =
        r.<Map<String, Object>>getList("reminders").stream()
            .filter(m -> "LETTER".equals(m.get("channel")))
            .findFirst()
            .orElseThrow();
    assertThat(new BigDecimal(letter.get("indemnity").toString())).isEqualByComparingTo("40.00");
    assertThat(new BigDecimal(letter.get("interest").toString())).isPositive();
    byte[] pdf =
        given()
            .header("Authorization", admin())
            .get(letter.get("documentUrl").toString())
            .then()
            .statusCode(200)
            .contentType("application/pdf")
            .extract()
            .asByteArray();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains(a.number(), "Mise en demeure", "40,00 EUR", "L441-10");
    }
    assertThat(GreenMail.inbox(email))
        .singleElement()
        .satisfies(m -> assertThat(m.text()).contains(a.number(), "Mise en demeure"));
    PublishedEvents.await(
        Topics.DUNNING,
        rec ->
            rec.value().contains(tenant)
                && DunningEscalated.TYPE.equals(rec.headers().get("ce_type"))
                && rec.value().contains("FORMAL_NOTICE"),
        WAIT);
    // the interest endpoint states the same claim
    given()
        .header("Authorization", admin())
        .queryParam("invoiceId", a.invoiceId())
        .queryParam("asOf", AS_OF.toString())
        .get("/api/v1/dunning/interest")
        .then()
        .statusCode(200)
        .body("daysLate", equalTo(35))
        .body("indemnity", equalTo(40.00f))
        .body("basis", equalTo("FR_LEGAL"));
  }

  @Test
  void aDisputePausesDunningAndItsRejectionResumesIt() {
    String email = mail();
    String c = customer(email, null, "fr");
    InvoiceIssued a = invoice(c, "500.00", AS_OF.minusDays(2));
    String dispute = UUID.randomUUID().toString();
    publish(
        new DisputeOpened(
            tenant, c, a.invoiceId(), dispute, "Goods damaged", null, AS_OF.minusDays(1)));
    awaitReplica(a);
    await(
        () -> skipReasons(dryRun(AS_OF), a.invoiceId()).contains("DISPUTED"), "dispute replicated");
    JsonPath paused = run(AS_OF);
    assertThat(paused.getInt("remindersSent")).isZero();
    assertThat(skipReasons(paused, a.invoiceId())).containsExactly("DISPUTED");
    publish(new DisputeResolved(tenant, c, a.invoiceId(), dispute, "REJECTED", AS_OF.plusDays(1)));
    await(
        () -> skipReasons(dryRun(AS_OF.plusDays(2)), a.invoiceId()).isEmpty(),
        "dispute resolution replicated");
    assertThat(run(AS_OF.plusDays(2)).getInt("remindersSent")).isEqualTo(1);
    assertThat(GreenMail.inbox(email)).hasSize(1);
  }

  @Test
  void smsGoesThroughTheProviderAndAFailedSendIsRetriedThenReportedNeverSent() {
    String okEmail = mail();
    String ok = customer(okEmail, "+33600000101", "fr");
    String bad = customer(mail(), "+33600000500", "fr");
    InvoiceIssued a = invoice(ok, "700.00", AS_OF.minusDays(11));
    InvoiceIssued b = invoice(bad, "900.00", AS_OF.minusDays(11));
    awaitReplica(a, b);
    int before = SmsServer.RECEIVED.size();
    JsonPath r = run(AS_OF);
    assertThat(r.getList("reminders.step", String.class)).containsOnly("SECOND");
    assertThat(r.getInt("remindersSent")).isEqualTo(3);
    assertThat(r.getInt("remindersFailed")).isEqualTo(1);
    List<String> sms = SmsServer.RECEIVED.subList(before, SmsServer.RECEIVED.size());
    assertThat(sms.stream().filter(s -> s.contains("+33600000101")))
        .singleElement()
        .satisfies(s -> assertThat(s).contains(a.number()));
    assertThat(sms.stream().filter(s -> s.contains("+33600000500"))).hasSize(3);
    JsonPath failed = reminders(bad);
    Map<String, Object> smsReminder =
        failed.<Map<String, Object>>getList("items").stream()
            .filter(m -> "SMS".equals(m.get("channel")))
            .findFirst()
            .orElseThrow();
    assertThat(smsReminder.get("status")).isEqualTo("FAILED");
    assertThat(smsReminder.get("attempts")).isEqualTo(3);
    assertThat(smsReminder.get("sentAt")).isNull();
    assertThat(smsReminder.get("lastError").toString()).contains("500");
  }

  @Test
  void anEventForAnUnknownInvoiceIsParkedAndTheDailyRunClaimsItsDayOnce() {
    String c = UUID.randomUUID().toString();
    String ghost = UUID.randomUUID().toString();
    String eventId = UUID.randomUUID().toString();
    KafkaWriter.publish(
        Topics.INVOICING,
        eventId,
        new CustomerUpdated(tenant, c, "R", "N", "FR", "EUR", "fr", null, null, null, null, true));
    KafkaWriter.publish(
        Topics.INVOICING,
        eventId + "-p",
        new PaymentReceived(
            tenant,
            c,
            ghost,
            "p",
            "EUR",
            BigDecimal.ONE,
            BigDecimal.ZERO,
            AS_OF,
            null,
            BigDecimal.ONE,
            BigDecimal.ZERO,
            "PAID"));
    KafkaReader.await(
        Topics.deadLetter(Topics.INVOICING),
        rec -> (eventId + "-p").equals(rec.headers().get("ce_id")),
        WAIT);
    // consumption goes on after it
    awaitCustomer(c);
    // a fixed day, its claim from an earlier run of this test removed: repeatable, no randomness
    LocalDate day = LocalDate.of(2001, 1, 1);
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery("delete from scheduled_run where day = :d")
                    .setParameter("d", day)
                    .executeUpdate());
    assertThat(daily.runFor(day)).isTrue();
    assertThat(daily.runFor(day)).isFalse();
  }
}
