package org.receivables.dunning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
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
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.receivables.dunning.run.DailyRun;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.CustomerUpdated;
import org.receivables.events.DisputeOpened;
import org.receivables.events.DisputeResolved;
import org.receivables.events.DomainEvent;
import org.receivables.events.DunningEscalated;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.PaymentReceived;
import org.receivables.events.PaymentTermsData;
import org.receivables.events.PromiseBroken;
import org.receivables.events.ReminderSent;
import org.receivables.events.ScoreChanged;
import org.receivables.events.Topics;
import org.receivables.kit.testing.KafkaReader;
import org.receivables.kit.testing.KafkaWriter;
import org.receivables.kit.testing.TestTokens;

/**
 * Events in on the real broker, reminders out through the real SMTP server, state in PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(value = SmsServer.class, restrictToAnnotatedClass = false)
class DunningFlowTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
  private static final Duration WAIT = Duration.ofSeconds(45);

  private final String tenant = TestTokens.freshTenant();

  @Inject DailyRun daily;
  @Inject EntityManager em;

  // ------------------------------------------------------------------ helpers

  private String admin() {
    return TestTokens.bearer(tenant, "admin", "collector");
  }

  private static void publish(DomainEvent e) {
    KafkaWriter.publish(Topics.INVOICING, UUID.randomUUID().toString(), e);
  }

  private String customer(String email, String phone, String lang) {
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

  private InvoiceIssued invoice(String customerId, String amount, LocalDate due) {
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

  private static String mail() {
    return "dun-" + UUID.randomUUID().toString().substring(0, 12) + "@test.local";
  }

  /** Waits until the replica knows every invoice (its interest can be computed). */
  private void awaitReplica(InvoiceIssued... invoices) {
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

  private void awaitCustomer(String customerId) {
    await(
        () ->
            given()
                    .header("Authorization", admin())
                    .get("/api/v1/dunning/customers/" + customerId)
                    .statusCode()
                == 200,
        "customer " + customerId);
  }

  private static void await(Supplier<Boolean> condition, String what) {
    Instant end = Instant.now().plus(WAIT);
    while (!condition.get()) {
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("Timed out waiting for " + what);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private JsonPath run(LocalDate asOf) {
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

  private JsonPath reminders(String customerId) {
    return given()
        .header("Authorization", admin())
        .queryParam("customerId", customerId)
        .get("/api/v1/dunning/reminders")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private List<String> skipReasons(JsonPath run, String invoiceId) {
    List<Map<String, String>> skipped = run.getList("skipped");
    return skipped.stream()
        .filter(s -> invoiceId.equals(s.get("invoiceId")))
        .map(s -> s.get("reason"))
        .toList();
  }

  // ------------------------------------------------------------------ tests

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
    KafkaReader.await(
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
    KafkaReader.await(
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

  private JsonPath dryRun(LocalDate asOf) {
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

  @Test
  void aPromisePausesDunningAndWhenBrokenDunningResumesAndItIsPublished() {
    String email = mail();
    String c = customer(email, null, "fr");
    InvoiceIssued a = invoice(c, "800.00", AS_OF.minusDays(2));
    awaitReplica(a);
    String promiseId =
        given()
            .header("Authorization", admin())
            .contentType("application/json")
            .body(
                Map.of(
                    "customerId",
                    c,
                    "invoiceIds",
                    List.of(a.invoiceId()),
                    "amount",
                    800.00,
                    "promisedFor",
                    AS_OF.plusDays(5).toString(),
                    "madeOn",
                    AS_OF.minusDays(1).toString()))
            .post("/api/v1/dunning/promises")
            .then()
            .statusCode(201)
            .body("status", equalTo("ACTIVE"))
            .extract()
            .path("id");
    JsonPath paused = run(AS_OF);
    assertThat(paused.getInt("remindersSent")).isZero();
    assertThat(skipReasons(paused, a.invoiceId())).containsExactly("PROMISE_ACTIVE");
    // promised for +5, grace 3 days: broken on +9
    JsonPath resumed = run(AS_OF.plusDays(9));
    assertThat(resumed.getInt("remindersSent")).isEqualTo(1);
    given()
        .header("Authorization", admin())
        .get("/api/v1/dunning/promises/" + promiseId)
        .then()
        .statusCode(200)
        .body("status", equalTo("BROKEN"))
        .body("closedOn", equalTo(AS_OF.plusDays(9).toString()));
    KafkaReader.await(
        Topics.DUNNING,
        rec ->
            rec.value().contains(promiseId)
                && PromiseBroken.TYPE.equals(rec.headers().get("ce_type")),
        WAIT);
  }

  @Test
  void aRetriedPromiseWithTheSameIdempotencyKeyIsRecordedOnce() {
    String c = customer(mail(), null, "fr");
    InvoiceIssued a = invoice(c, "120.00", AS_OF.minusDays(2));
    awaitReplica(a);
    String key = UUID.randomUUID().toString();
    Map<String, Object> body =
        Map.of(
            "customerId", c,
            "invoiceIds", List.of(a.invoiceId()),
            "amount", 120.00,
            "promisedFor", AS_OF.plusDays(5).toString(),
            "madeOn", AS_OF.toString());
    String first =
        given()
            .header("Authorization", admin())
            .header("Idempotency-Key", key)
            .contentType("application/json")
            .body(body)
            .post("/api/v1/dunning/promises")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    // without the key the second promise on the same invoice would be a 409
    given()
        .header("Authorization", admin())
        .header("Idempotency-Key", key)
        .contentType("application/json")
        .body(body)
        .post("/api/v1/dunning/promises")
        .then()
        .statusCode(201)
        .body("id", equalTo(first));
    given()
        .header("Authorization", admin())
        .header("Idempotency-Key", key)
        .contentType("application/json")
        .body(
            Map.of(
                "customerId",
                c,
                "invoiceIds",
                List.of(a.invoiceId()),
                "amount",
                1.00,
                "promisedFor",
                AS_OF.plusDays(5).toString(),
                "madeOn",
                AS_OF.toString()))
        .post("/api/v1/dunning/promises")
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
  }

  @Test
  void aPaymentKeepsThePromise() {
    String c = customer(mail(), null, "fr");
    InvoiceIssued a = invoice(c, "300.00", AS_OF.minusDays(2));
    awaitReplica(a);
    String promiseId =
        given()
            .header("Authorization", admin())
            .contentType("application/json")
            .body(
                Map.of(
                    "customerId",
                    c,
                    "invoiceIds",
                    List.of(a.invoiceId()),
                    "amount",
                    300.00,
                    "promisedFor",
                    AS_OF.plusDays(5).toString(),
                    "madeOn",
                    AS_OF.toString()))
            .post("/api/v1/dunning/promises")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    publish(
        new PaymentReceived(
            tenant,
            c,
            a.invoiceId(),
            UUID.randomUUID().toString(),
            "EUR",
            new BigDecimal("300.00"),
            BigDecimal.ZERO,
            AS_OF.plusDays(3),
            "VIR",
            new BigDecimal("300.00"),
            BigDecimal.ZERO.setScale(2),
            "PAID"));
    await(
        () ->
            "KEPT"
                .equals(
                    given()
                        .header("Authorization", admin())
                        .get("/api/v1/dunning/promises/" + promiseId)
                        .then()
                        .extract()
                        .path("status")),
        "promise kept");
  }

  @Test
  void aPaymentPlanPausesDunningUntilAnInstalmentIsMissed() {
    String email = mail();
    String c = customer(email, null, "fr");
    InvoiceIssued a = invoice(c, "1000.00", AS_OF.minusDays(2));
    awaitReplica(a);
    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .body(
            Map.of(
                "customerId",
                c,
                "invoiceIds",
                List.of(a.invoiceId()),
                "agreedOn",
                AS_OF.toString(),
                "instalments",
                List.of(
                    Map.of("dueDate", AS_OF.plusDays(10).toString(), "amount", 600.00),
                    Map.of("dueDate", AS_OF.plusDays(40).toString(), "amount", 300.00))))
        .post("/api/v1/dunning/payment-plans")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("instalments"));
    String planId =
        given()
            .header("Authorization", admin())
            .contentType("application/json")
            .body(
                Map.of(
                    "customerId",
                    c,
                    "invoiceIds",
                    List.of(a.invoiceId()),
                    "agreedOn",
                    AS_OF.toString(),
                    "instalments",
                    List.of(
                        Map.of("dueDate", AS_OF.plusDays(10).toString(), "amount", 600.00),
                        Map.of("dueDate", AS_OF.plusDays(40).toString(), "amount", 400.00))))
            .post("/api/v1/dunning/payment-plans")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    JsonPath paused = run(AS_OF.plusDays(12));
    assertThat(skipReasons(paused, a.invoiceId())).containsExactly("PLAN_ACTIVE");
    assertThat(paused.getInt("remindersSent")).isZero();
    // nothing paid by +10 and 5 days' grace: broken on +16
    JsonPath resumed = run(AS_OF.plusDays(16));
    assertThat(resumed.getInt("remindersSent")).isEqualTo(1);
    given()
        .header("Authorization", admin())
        .get("/api/v1/dunning/payment-plans/" + planId)
        .then()
        .body("status", equalTo("BROKEN"));
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
  void riskClassFromScoringChoosesTheFasterLadderAndCallsAreOrderedByExpectedValue() {
    String risky = customer(mail(), "+33600000102", "fr");
    String safe = customer(mail(), null, "fr");
    KafkaWriter.publish(
        Topics.SCORING,
        UUID.randomUUID().toString(),
        new ScoreChanged(
            tenant,
            risky,
            200,
            "E",
            new BigDecimal("0.40"),
            BigDecimal.ZERO,
            "EUR",
            Instant.now()));
    KafkaWriter.publish(
        Topics.SCORING,
        UUID.randomUUID().toString(),
        new ScoreChanged(
            tenant, safe, 900, "C", new BigDecimal("0.02"), BigDecimal.ZERO, "EUR", Instant.now()));
    // 12 days late: the fast ladder (D/E) calls at 12; the standard ladder sends the second
    // reminder at 10
    InvoiceIssued a = invoice(risky, "1000.00", AS_OF.minusDays(12));
    InvoiceIssued b = invoice(safe, "900.00", AS_OF.minusDays(20));
    awaitReplica(a, b);
    await(
        () ->
            "E"
                .equals(
                    given()
                        .header("Authorization", admin())
                        .get("/api/v1/dunning/customers/" + risky)
                        .then()
                        .extract()
                        .path("riskClass")),
        "risk class replicated");
    given()
        .header("Authorization", admin())
        .get("/api/v1/dunning/customers/" + risky)
        .then()
        .body("effectivePolicyName", equalTo("French B2B fast (risk D/E)"));
    JsonPath r = run(AS_OF);
    assertThat(r.getInt("callTasksCreated")).isEqualTo(2);
    JsonPath tasks =
        given()
            .header("Authorization", admin())
            .queryParam("status", "OPEN")
            .get("/api/v1/dunning/call-tasks")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    // 900 × 0.98 = 882 before 1,000 × 0.60 = 600
    assertThat(tasks.getList("items.customerId", String.class)).containsExactly(safe, risky);
    String taskId = tasks.getString("items[0].id");
    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .body(Map.of("outcome", "REACHED_PROMISED", "note", "Paiement vendredi"))
        .post("/api/v1/dunning/call-tasks/" + taskId + "/outcome")
        .then()
        .statusCode(200)
        .body("status", equalTo("DONE"));
    given()
        .header("Authorization", admin())
        .get("/api/v1/dunning/customers/" + safe + "/timeline")
        .then()
        .body("items.kind", hasItem("CALL_OUTCOME"))
        .body("items.summary", hasItem("Call: REACHED_PROMISED - Paiement vendredi"));
  }

  @Test
  void exemptedCustomersAreLeftAloneAndAgencyHandOversAreExported() {
    String exempt = customer(mail(), null, "fr");
    String late = customer(mail(), null, "fr");
    InvoiceIssued a = invoice(exempt, "400.00", AS_OF.minusDays(5));
    InvoiceIssued b = invoice(late, "2500.00", AS_OF.minusDays(90));
    awaitReplica(a, b);
    awaitCustomer(exempt);
    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .body(Map.of("exempt", true, "reason", "Key account"))
        .put("/api/v1/dunning/customers/" + exempt + "/settings")
        .then()
        .statusCode(200)
        .body("exempt", equalTo(true));
    JsonPath first = run(AS_OF);
    assertThat(skipReasons(first, a.invoiceId())).containsExactly("CUSTOMER_EXEMPT");
    // 90 days late, never chased: the formal notice comes first, then credit hold and agency later
    assertThat(first.getList("actions.step", String.class)).containsExactly("FORMAL_NOTICE");
    assertThat(run(AS_OF.plusDays(5)).getList("actions.step", String.class))
        .containsExactly("CREDIT_HOLD");
    assertThat(run(AS_OF.plusDays(10)).getList("actions.step", String.class))
        .containsExactly("AGENCY");
    String csv =
        given()
            .header("Authorization", admin())
            .get("/api/v1/dunning/agency-handovers/export")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(csv.lines()).hasSize(2);
    assertThat(csv).contains(b.number(), "2500.00", late);
    given()
        .header("Authorization", admin())
        .get("/api/v1/dunning/customers/" + late + "/timeline")
        .then()
        .body("items.kind", hasItem("CREDIT_HOLD_REQUESTED"))
        .body("items.kind", hasItem("ESCALATED_AGENCY"));
  }

  @Test
  void tenantsNeverSeeEachOther() {
    String c = customer(mail(), null, "fr");
    InvoiceIssued a = invoice(c, "150.00", AS_OF.minusDays(2));
    awaitReplica(a);
    String reminderId = run(AS_OF).getString("reminders[0].id");
    String other = TestTokens.bearer(TestTokens.freshTenant(), "admin", "collector");
    given()
        .header("Authorization", other)
        .get("/api/v1/dunning/reminders/" + reminderId)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", other)
        .queryParam("customerId", c)
        .get("/api/v1/dunning/reminders")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
    given()
        .header("Authorization", other)
        .queryParam("invoiceId", a.invoiceId())
        .queryParam("asOf", AS_OF.toString())
        .get("/api/v1/dunning/interest")
        .then()
        .statusCode(404);
    given()
        .header("Authorization", other)
        .get("/api/v1/dunning/customers/" + c)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", other)
        .get("/api/v1/dunning/customers/" + c + "/timeline")
        .then()
        .statusCode(404);
    given()
        .header("Authorization", other)
        .contentType("application/json")
        .body(Map.of("text", "not my customer"))
        .post("/api/v1/dunning/customers/" + c + "/notes")
        .then()
        .statusCode(404);
    assertThat(
            given()
                .header("Authorization", other)
                .contentType("application/json")
                .body(Map.of("asOf", AS_OF.toString()))
                .post("/api/v1/dunning/runs")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getInt("remindersSent"))
        .isZero();
  }

  @Test
  void badInputIsA400NamingTheField() {
    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .body("{}")
        .post("/api/v1/dunning/runs")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("asOf"));
    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .body("{\"asOf\":\"yesterday\"}")
        .post("/api/v1/dunning/runs")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("asOf"));
    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .body("{\"asOf\":\"2026-01-01\",\"x\":1}")
        .post("/api/v1/dunning/runs")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("x"));
    given()
        .header("Authorization", admin())
        .queryParam("invoiceId", "x")
        .queryParam("asOf", "31/12/2026")
        .get("/api/v1/dunning/interest")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("asOf"));
    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .body(
            Map.of(
                "name",
                "Bad",
                "steps",
                List.of(
                    Map.of(
                        "code",
                        "X",
                        "name",
                        "x",
                        "offsetDays",
                        3,
                        "actions",
                        List.of("SEND"),
                        "channels",
                        List.of("EMAIL"),
                        "template",
                        "nope"))))
        .post("/api/v1/dunning/policies")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("steps[0].template"));
    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .body(Map.of("ecbRate", 99))
        .put("/api/v1/dunning/interest-rates/2026-H1")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("ecbRate"));
    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .body(
            Map.of(
                "customerId",
                "c",
                "invoiceIds",
                List.of("nope"),
                "amount",
                -1,
                "promisedFor",
                "2026-01-01"))
        .post("/api/v1/dunning/promises")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("amount"))
        .body("errors.field", hasItem("invoiceIds[0]"));
    given()
        .header("Authorization", TestTokens.bearer(tenant, "viewer"))
        .contentType("application/json")
        .body(Map.of("asOf", "2026-01-01"))
        .post("/api/v1/dunning/runs")
        .then()
        .statusCode(403);
    given()
        .contentType("application/json")
        .body(Map.of("asOf", "2026-01-01"))
        .post("/api/v1/dunning/runs")
        .then()
        .statusCode(401);
  }

  @Test
  void policiesAreVersionedDataAndTheRateTableIsEditable() {
    JsonPath list =
        given()
            .header("Authorization", admin())
            .get("/api/v1/dunning/policies")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(list.getList("items.name", String.class))
        .containsExactly(
            "French B2B fast (risk D/E)", "French B2B gentle (risk A/B)", "French B2B standard");
    Map<String, Object> body =
        Map.of(
            "name",
            "Key accounts",
            "segments",
            List.of("KEY"),
            "steps",
            List.of(
                Map.of(
                    "code",
                    "FRIENDLY",
                    "name",
                    "Friendly",
                    "offsetDays",
                    15,
                    "actions",
                    List.of("SEND"),
                    "channels",
                    List.of("EMAIL"),
                    "template",
                    "friendly")));
    String id =
        given()
            .header("Authorization", admin())
            .contentType("application/json")
            .body(body)
            .post("/api/v1/dunning/policies")
            .then()
            .statusCode(201)
            .body("version", equalTo(1))
            .extract()
            .path("id");
    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .header("If-Match", "\"1\"")
        .body(
            Map.of(
                "name",
                "Key accounts",
                "segments",
                List.of("KEY"),
                "minGapDays",
                10,
                "steps",
                List.of(
                    Map.of(
                        "code",
                        "FRIENDLY",
                        "name",
                        "Friendly",
                        "offsetDays",
                        20,
                        "actions",
                        List.of("SEND"),
                        "channels",
                        List.of("EMAIL"),
                        "template",
                        "friendly"))))
        .put("/api/v1/dunning/policies/" + id)
        .then()
        .statusCode(200)
        .body("version", equalTo(2));
    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .header("If-Match", "\"1\"")
        .body(body)
        .put("/api/v1/dunning/policies/" + id)
        .then()
        .statusCode(412);
    given()
        .header("Authorization", admin())
        .get("/api/v1/dunning/policies/" + id + "/versions")
        .then()
        .body("items.version", org.hamcrest.Matchers.contains(1, 2));
    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .body(body)
        .post("/api/v1/dunning/policies")
        .then()
        .statusCode(409);

    given()
        .header("Authorization", admin())
        .contentType("application/json")
        .body(Map.of("ecbRate", 2.15, "source", "test"))
        .put("/api/v1/dunning/interest-rates/2026-H1")
        .then()
        .statusCode(200)
        .body("frRate", equalTo(12.15f))
        .body("tenantOverride", equalTo(true));
    given()
        .header("Authorization", admin())
        .get("/api/v1/dunning/interest-rates")
        .then()
        .body("items.halfYear", hasItem("2024-H2"));
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
    LocalDate day =
        LocalDate.of(2001, 1, (int) (Math.random() * 27) + 1)
            .plusYears((long) (Math.random() * 20));
    assertThat(daily.runFor(day)).isTrue();
    assertThat(daily.runFor(day)).isFalse();
  }
}
