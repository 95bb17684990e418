package org.receivables.kpi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.Topics;
import org.receivables.kit.testing.KafkaReader;
import org.receivables.kit.testing.KafkaWriter;
import org.receivables.kit.testing.TestTokens;

/** Events in on the real broker, figures out of the real database. */
@QuarkusTest
class KpiFromEventsTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  private final String tenant = TestTokens.freshTenant();

  private InvoiceIssued invoice(String customerId, String total, LocalDate issue, LocalDate due) {
    BigDecimal amount = new BigDecimal(total);
    return new InvoiceIssued(
        tenant,
        customerId,
        UUID.randomUUID().toString(),
        "F-" + UUID.randomUUID(),
        issue,
        due,
        "EUR",
        amount,
        BigDecimal.ZERO,
        amount,
        amount,
        null);
  }

  private JsonPath summary(LocalDate asOf) {
    return given()
        .header("Authorization", TestTokens.bearer(tenant, "viewer"))
        .queryParam("asOf", asOf.toString())
        .get("/api/v1/kpis/summary")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .using(
            JsonPathConfig.jsonPathConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
  }

  /**
   * Polls until the summary shows {@code outstanding}, then returns it (events are asynchronous).
   */
  private JsonPath awaitOutstanding(LocalDate asOf, String outstanding) {
    // as long as the worked example allows: the first test waits for the consumers to join
    return Awaitility.await("outstanding " + outstanding + " as of " + asOf)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> summary(asOf),
            s -> amount(s, "outstanding").compareTo(new BigDecimal(outstanding)) == 0);
  }

  @Test
  void issuedInvoicesAreAgedAsOfTheDate() {
    String c = UUID.randomUUID().toString();
    KafkaWriter.publish(
        Topics.INVOICING,
        UUID.randomUUID().toString(),
        invoice(c, "1200.00", AS_OF.minusDays(10), AS_OF.plusDays(20)));
    KafkaWriter.publish(
        Topics.INVOICING,
        UUID.randomUUID().toString(),
        invoice(c, "300.50", AS_OF.minusDays(80), AS_OF.minusDays(45)));
    KafkaWriter.publish(
        Topics.INVOICING,
        UUID.randomUUID().toString(),
        invoice(c, "99.99", AS_OF.minusDays(200), AS_OF.minusDays(120)));
    // issued after the as-of date: not part of that day's ledger
    KafkaWriter.publish(
        Topics.INVOICING,
        UUID.randomUUID().toString(),
        invoice(c, "5000.00", AS_OF.plusDays(1), AS_OF.plusDays(31)));

    JsonPath s = awaitOutstanding(AS_OF, "1600.49");
    assertThat(amount(s, "overdue")).isEqualByComparingTo("400.49");
    assertThat(amount(s, "aging.notDue")).isEqualByComparingTo("1200.00");
    assertThat(amount(s, "aging.days1to30")).isEqualByComparingTo("0");
    assertThat(amount(s, "aging.days31to60")).isEqualByComparingTo("300.50");
    assertThat(amount(s, "aging.days61to90")).isEqualByComparingTo("0");
    assertThat(amount(s, "aging.over90")).isEqualByComparingTo("99.99");
    assertThat(s.getInt("openInvoices")).isEqualTo(3);
    // sales in the period: DSO is computed; nothing paid: the delays say why they are not
    assertThat(s.getString("dso")).isNotNull();
    assertThat(s.getMap("notComputed"))
        .doesNotContainKeys("dso", "bestPossibleDso", "averageDaysDelinquent", "disputeRate")
        .containsEntry("averageCollectionDelay", "no payments in the period");
    assertThat(s.getString("averageCollectionDelay")).isNull();
    awaitOutstanding(AS_OF.plusDays(1), "6600.49");
  }

  @Test
  void aKpiThatCannotBeComputedSaysWhyBesideItsNull() {
    // a tenant without any event: every ratio lacks what it divides by
    JsonPath s = summary(AS_OF);
    assertThat(s.getString("dso")).isNull();
    assertThat(s.getMap("notComputed"))
        .containsEntry("dso", "no net credit sales in the period")
        .containsEntry("bestPossibleDso", "no net credit sales in the period")
        .containsEntry(
            "averageDaysDelinquent", "DSO is not computed: no net credit sales in the period")
        .containsEntry("disputeRate", "nothing was invoiced in the period")
        .containsEntry("promiseKeptRate", "no promise to pay was kept or broken in the period")
        .containsEntry("paymentPlanKeptRate", "no payment plan was kept or broken in the period")
        .containsEntry("recoveryRate", "no amount fell overdue in the period");
    Map<String, Object> all = s.getMap("$");
    for (String kpi : s.<String, String>getMap("notComputed").keySet()) {
      assertThat(all).as(kpi).containsEntry(kpi, null);
    }
  }

  @Test
  void aRedeliveredEventChangesNothing() {
    String eventId = UUID.randomUUID().toString();
    InvoiceIssued issued =
        invoice(UUID.randomUUID().toString(), "250.00", AS_OF.minusDays(1), AS_OF.plusDays(29));
    KafkaWriter.publish(Topics.INVOICING, eventId, issued);
    KafkaWriter.publish(Topics.INVOICING, eventId, issued);
    // a later, distinct event proves both copies were consumed before we look
    KafkaWriter.publish(
        Topics.INVOICING,
        UUID.randomUUID().toString(),
        invoice(issued.customerId(), "1.00", AS_OF, AS_OF));
    awaitOutstanding(AS_OF, "251.00");
  }

  @Test
  void aPoisonRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
    String poisonId = UUID.randomUUID().toString();
    KafkaWriter.send(
        Topics.INVOICING,
        tenant + ":x",
        "{ this is not json",
        Map.of(
            "ce_specversion",
            "1.0",
            "ce_id",
            poisonId,
            "ce_type",
            InvoiceIssued.TYPE,
            "ce_source",
            "/test"));
    KafkaWriter.publish(
        Topics.INVOICING,
        UUID.randomUUID().toString(),
        invoice(UUID.randomUUID().toString(), "42.00", AS_OF, AS_OF));
    awaitOutstanding(AS_OF, "42.00");
    var dead =
        KafkaReader.await(
            Topics.deadLetter(Topics.INVOICING),
            r -> poisonId.equals(r.headers().get("ce_id")),
            Duration.ofSeconds(30));
    assertThat(dead.headers().get("dead-letter-reason")).contains("Malformed");
  }

  @Test
  void theSummaryNeedsAValidTokenAndSaneParameters() {
    given()
        .get("/api/v1/kpis/summary")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given()
        .header("Authorization", TestTokens.bearer(tenant, "viewer"))
        .queryParam("asOf", "2026-13-01")
        .get("/api/v1/kpis/summary")
        .then()
        .statusCode(400);
    given()
        .header("Authorization", TestTokens.bearer(tenant, "viewer"))
        .queryParam("currency", "XYZ")
        .get("/api/v1/kpis/summary")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("currency"));
  }

  private static BigDecimal amount(JsonPath json, String path) {
    return new BigDecimal(json.getString(path));
  }
}
