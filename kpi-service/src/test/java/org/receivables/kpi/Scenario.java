package org.receivables.kpi;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.awaitility.Awaitility;
import org.receivables.events.CreditNoteIssued;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.DisputeOpened;
import org.receivables.events.DomainEvent;
import org.receivables.events.DunningEscalated;
import org.receivables.events.InvoiceCancelled;
import org.receivables.events.InvoiceDueDateChanged;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.InvoiceWrittenOff;
import org.receivables.events.PaymentPlanAgreed;
import org.receivables.events.PaymentPlanCompleted;
import org.receivables.events.PaymentReceived;
import org.receivables.events.PaymentReversed;
import org.receivables.events.PaymentTermsData;
import org.receivables.events.PromiseBroken;
import org.receivables.events.PromiseKept;
import org.receivables.events.PromiseMade;
import org.receivables.events.ReminderSent;
import org.receivables.events.ScoreChanged;
import org.receivables.events.Topics;
import org.receivables.kit.testing.KafkaWriter;
import org.receivables.kit.testing.TestTokens;

/**
 * A worked example of one tenant's quarter, as events of the three topics, whose figures are
 * computed by hand in {@code docs/kpis.md} and asserted by the tests. As of 2026-06-30, period
 * 2026-04-02 – 2026-06-30 (90 days).
 */
final class Scenario {

  static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

  final String tenant;
  final String c1 = UUID.randomUUID().toString();
  final String c2 = UUID.randomUUID().toString();
  final String i1 = id();
  final String i2 = id();
  final String i3 = id();
  final String i4 = id();
  final String i5 = id();
  final String i6 = id();
  final String i7 = id();

  /** The ids of the distinct events published, in order. */
  final List<String> eventIds = new ArrayList<>();

  Scenario(String tenant) {
    this.tenant = tenant;
  }

  /** Publishes the invoicing events, waits until they are projected, then the other topics. */
  Scenario publish() {
    invoicing(customer(c1, "Boulangerie Martin", "SME"));
    invoicing(customer(c2, "Globex SA", "Corporate"));
    invoicing(issued(c1, i1, "1000.00", d(4, 10), d(5, 10)));
    PaymentReceived first = payment(c1, i1, "p1", "600.00", d(5, 20));
    String firstId = UUID.randomUUID().toString();
    publish(Topics.INVOICING, firstId, first);
    publish(Topics.INVOICING, firstId, first); // redelivered: applied once
    invoicing(payment(c1, i1, "p2", "400.00", d(6, 5)));
    invoicing(issued(c1, i2, "500.00", d(5, 1), d(5, 31)));
    invoicing(
        new CreditNoteIssued(
            tenant,
            c1,
            i2,
            "cn1",
            "AV-1",
            "EUR",
            money("100.00"),
            d(6, 10),
            "damaged",
            money("400.00"),
            "OPEN"));
    invoicing(issued(c2, i3, "2000.00", d(6, 1), d(7, 1)));
    invoicing(payment(c2, i3, "p3", "500.00", d(6, 20)));
    invoicing(
        new PaymentReversed(
            tenant,
            c2,
            i3,
            "p3",
            "EUR",
            money("500.00"),
            d(6, 25),
            "bounced",
            money("0"),
            money("2000.00"),
            "OPEN"));
    invoicing(issued(c2, i4, "300.00", d(3, 1), d(3, 31)));
    invoicing(
        new InvoiceWrittenOff(
            tenant, c2, i4, "F-4", "EUR", d(6, 15), money("300.00"), "insolvent", money("0")));
    invoicing(issued(c2, i5, "800.00", d(6, 15), d(7, 15)));
    invoicing(
        new InvoiceCancelled(tenant, c2, i5, "F-5", "EUR", d(6, 16), "wrong customer", money("0")));
    invoicing(issued(c1, i6, "1200.00", d(2, 1), d(3, 3)));
    invoicing(new DisputeOpened(tenant, c1, i6, "dp1", "quality", money("200.00"), d(6, 1)));
    invoicing(issued(c2, i7, "700.00", d(4, 1), d(5, 1)));
    invoicing(new InvoiceDueDateChanged(tenant, c2, i7, d(5, 1), d(7, 31)));
    awaitSummary(
        AS_OF,
        s ->
            amount(s, "outstanding").compareTo(new BigDecimal("4300")) == 0
                && amount(s, "collected").compareTo(new BigDecimal("1000")) == 0
                && amount(s, "writtenOff").compareTo(new BigDecimal("300")) == 0
                && amount(s, "aging.notDue").compareTo(new BigDecimal("2700")) == 0
                && s.get("disputeRate") != null);

    publish(
        Topics.SCORING,
        UUID.randomUUID().toString(),
        new ScoreChanged(
            tenant,
            c2,
            640,
            "C",
            new BigDecimal("0.10"),
            money("5000"),
            "EUR",
            d(6, 1).atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(43_200)));
    dunning(
        new ReminderSent(
            tenant,
            c1,
            "r1",
            List.of(i2),
            "REMINDER_1",
            "EMAIL",
            money("500.00"),
            "EUR",
            noon(d(6, 2)),
            "policy-standard",
            2));
    dunning(
        new ReminderSent(
            tenant,
            c1,
            "r2",
            List.of(i1),
            "REMINDER_1",
            "EMAIL",
            money("400.00"),
            "EUR",
            noon(d(5, 25)),
            null,
            null));
    dunning(new DunningEscalated(tenant, c1, List.of(i6), "FORMAL_NOTICE", "LETTER", d(6, 10)));
    dunning(new PromiseMade(tenant, c1, "pr1", List.of(i2), money("400"), "EUR", d(6, 20)));
    dunning(new PromiseKept(tenant, c1, "pr1", d(6, 20)));
    dunning(new PromiseMade(tenant, c2, "pr2", List.of(i3), money("500"), "EUR", d(6, 24)));
    dunning(new PromiseBroken(tenant, c2, "pr2", d(6, 25)));
    dunning(new PromiseMade(tenant, c1, "pr3", List.of(i6), money("100"), "EUR", d(6, 28)));
    dunning(new PromiseKept(tenant, c1, "pr3", d(6, 28)));
    dunning(
        new PaymentPlanAgreed(
            tenant, c1, "plan1", List.of(i6), money("300"), "EUR", 3, d(4, 10), d(6, 10)));
    dunning(new PaymentPlanCompleted(tenant, c1, "plan1", d(6, 10)));
    awaitSummary(
        AS_OF,
        s ->
            s.get("promiseKeptRate") != null
                && s.get("paymentPlanKeptRate") != null
                && new BigDecimal(s.getString("promiseKeptRate")).compareTo(new BigDecimal("66.7"))
                    == 0);
    awaitStrategies(rows -> rows.size() == 2);
    return this;
  }

  String viewer() {
    return TestTokens.bearer(tenant, "viewer");
  }

  JsonPath summary(LocalDate asOf, String... params) {
    var req = given().header("Authorization", viewer()).queryParam("asOf", asOf.toString());
    for (int i = 0; i + 1 < params.length; i += 2) {
      req = req.queryParam(params[i], params[i + 1]);
    }
    return json(req.get("/api/v1/kpis/summary").then().statusCode(200).extract().asString());
  }

  JsonPath awaitSummary(LocalDate asOf, Predicate<JsonPath> done) {
    return await(() -> summary(asOf), done, "summary of " + tenant);
  }

  List<Object> awaitStrategies(Predicate<List<Object>> done) {
    return await(
        () ->
            json(given()
                    .header("Authorization", viewer())
                    .queryParam("asOf", AS_OF.toString())
                    .get("/api/v1/kpis/dunning-effectiveness")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString())
                .getList("$"),
        done,
        "dunning effectiveness of " + tenant);
  }

  static <T> T await(java.util.function.Supplier<T> read, Predicate<T> done, String what) {
    return Awaitility.await(what)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(read::get, done::test);
  }

  /**
   * Waits until every event published is recorded in an inbox, i.e. applied and committed: the
   * figures depend on all three topics, read by three consumers at their own pace, and the summary
   * shows only some of them (the scoring topic's probability of default, for one, only moves the
   * forecast).
   */
  void awaitEveryEventApplied(ToLongFunction<List<String>> appliedAmong) {
    await(
        () -> appliedAmong.applyAsLong(eventIds),
        applied -> applied == eventIds.size(),
        "every event of " + tenant + " applied");
  }

  static JsonPath json(String body) {
    return new JsonPath(body)
        .using(
            JsonPathConfig.jsonPathConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
  }

  static BigDecimal amount(JsonPath json, String path) {
    String v = json.getString(path);
    return v == null ? null : new BigDecimal(v);
  }

  private void invoicing(DomainEvent e) {
    publish(Topics.INVOICING, UUID.randomUUID().toString(), e);
  }

  private void dunning(DomainEvent e) {
    publish(Topics.DUNNING, UUID.randomUUID().toString(), e);
  }

  private void publish(String topic, String eventId, DomainEvent e) {
    KafkaWriter.publish(topic, eventId, e);
    if (!eventIds.contains(eventId)) {
      eventIds.add(eventId);
    }
  }

  private CustomerRegistered customer(String id, String name, String segment) {
    return new CustomerRegistered(
        tenant,
        id,
        "EXT-" + id.substring(0, 6),
        name,
        "FR",
        "EUR",
        "fr",
        null,
        null,
        segment,
        new PaymentTermsData(30, "NONE"));
  }

  InvoiceIssued issued(
      String customer, String invoice, String total, LocalDate issue, LocalDate due) {
    BigDecimal amount = money(total);
    return new InvoiceIssued(
        tenant,
        customer,
        invoice,
        "F-" + invoice.substring(0, 8),
        issue,
        due,
        "EUR",
        amount,
        BigDecimal.ZERO,
        amount,
        amount,
        null);
  }

  PaymentReceived payment(
      String customer, String invoice, String paymentId, String amount, LocalDate on) {
    return new PaymentReceived(
        tenant,
        customer,
        invoice,
        paymentId,
        "EUR",
        money(amount),
        BigDecimal.ZERO,
        on,
        "VIR",
        money(amount),
        BigDecimal.ZERO,
        "PARTIALLY_PAID");
  }

  static LocalDate d(int month, int day) {
    return LocalDate.of(2026, month, day);
  }

  private static Instant noon(LocalDate day) {
    return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
  }

  private static BigDecimal money(String value) {
    return new BigDecimal(value);
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }
}
