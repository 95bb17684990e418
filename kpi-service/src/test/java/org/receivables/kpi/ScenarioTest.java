package org.receivables.kpi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.receivables.kpi.Scenario.AS_OF;
import static org.receivables.kpi.Scenario.amount;
import static org.receivables.kpi.Scenario.d;
import static org.receivables.kpi.Scenario.json;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.events.PaymentReceived;
import org.receivables.events.Topics;
import org.receivables.kit.testing.KafkaReader;
import org.receivables.kit.testing.KafkaWriter;
import org.receivables.kit.testing.TestTokens;

/**
 * Every event type of the three topics in, every KPI out, on the worked example of {@link
 * Scenario}; then a rebuild from the topics gives the same figures.
 */
@QuarkusTest
class ScenarioTest {

  @Inject EntityManager em;

  @Test
  void everyKpiOfTheWorkedExampleAndTheSameAfterARebuild() {
    Scenario s = new Scenario(TestTokens.freshTenant()).publish();
    // The scoring topic's event shows in no summary figure, only in the forecast (and so in the
    // figures compared after the rebuild): without this, they were read before it was applied.
    s.awaitEveryEventApplied(this::applied);

    JsonPath sum = s.summary(AS_OF);
    assertThat(sum.getString("periodStart")).isEqualTo("2026-04-02");
    assertThat(sum.getInt("periodDays")).isEqualTo(90);
    assertThat(amount(sum, "outstanding")).isEqualByComparingTo("4300.00");
    assertThat(amount(sum, "overdue")).isEqualByComparingTo("1600.00");
    assertThat(sum.getInt("openInvoices")).isEqualTo(4);
    assertThat(amount(sum, "aging.notDue")).isEqualByComparingTo("2700.00");
    assertThat(amount(sum, "aging.days1to30")).isEqualByComparingTo("400.00");
    assertThat(amount(sum, "aging.days31to60")).isEqualByComparingTo("0");
    assertThat(amount(sum, "aging.days61to90")).isEqualByComparingTo("0");
    assertThat(amount(sum, "aging.over90")).isEqualByComparingTo("1200.00");
    assertThat(amount(sum, "invoiced")).isEqualByComparingTo("4300.00");
    assertThat(amount(sum, "netSales")).isEqualByComparingTo("3400.00");
    assertThat(amount(sum, "collected")).isEqualByComparingTo("1000.00");
    assertThat(amount(sum, "dso")).isEqualByComparingTo("113.8");
    assertThat(amount(sum, "countBackDso")).isEqualByComparingTo("111.7");
    assertThat(amount(sum, "bestPossibleDso")).isEqualByComparingTo("71.5");
    assertThat(amount(sum, "averageDaysDelinquent")).isEqualByComparingTo("42.3");
    assertThat(amount(sum, "cei")).isEqualByComparingTo("34.5");
    assertThat(amount(sum, "fellOverdue")).isEqualByComparingTo("1500.00");
    assertThat(amount(sum, "recovered")).isEqualByComparingTo("1000.00");
    assertThat(amount(sum, "recoveryRate")).isEqualByComparingTo("66.7");
    assertThat(amount(sum, "averageCollectionDelay")).isEqualByComparingTo("16.4");
    assertThat(amount(sum, "averageDaysToPay")).isEqualByComparingTo("46.4");
    assertThat(amount(sum, "badDebtRatio")).isEqualByComparingTo("8.82");
    assertThat(amount(sum, "disputeRate")).isEqualByComparingTo("4.65");
    assertThat(amount(sum, "promiseKeptRate")).isEqualByComparingTo("66.7");
    assertThat(amount(sum, "paymentPlanKeptRate")).isEqualByComparingTo("100.0");

    // one customer, one segment
    JsonPath c1 = s.summary(AS_OF, "customerId", s.c1);
    assertThat(amount(c1, "outstanding")).isEqualByComparingTo("1600.00");
    assertThat(c1.getString("customerId")).isEqualTo(s.c1);
    JsonPath corporate = s.summary(AS_OF, "segment", "Corporate");
    assertThat(amount(corporate, "outstanding")).isEqualByComparingTo("2700.00");
    assertThat(amount(corporate, "badDebtRatio")).isNotNull();

    // as of an earlier date: only what was known then
    JsonPath may = s.summary(d(5, 15));
    assertThat(amount(may, "outstanding")).isEqualByComparingTo("3700.00");

    List<Map<String, Object>> strategies =
        s.awaitStrategies(rows -> rows.size() == 2).stream()
            .map(o -> (Map<String, Object>) cast(o))
            .toList();
    assertThat(strategies)
        .anySatisfy(
            r -> {
              assertThat(r.get("step")).isEqualTo("REMINDER_1");
              assertThat(r.get("channel")).isEqualTo("EMAIL");
              assertThat(((Number) r.get("reminders")).intValue()).isEqualTo(2);
              assertThat(new BigDecimal(r.get("amountReminded").toString()))
                  .isEqualByComparingTo("900");
              assertThat(new BigDecimal(r.get("paidWithin14Days").toString()))
                  .isEqualByComparingTo("400");
              assertThat(new BigDecimal(r.get("successRate").toString()))
                  .isEqualByComparingTo("44.4");
              // r1 (policy-standard v2, 500 on i2, unpaid) and r2 (no policy, 400 on i1, paid)
              List<Map<String, Object>> byPolicy =
                  ((List<?>) r.get("byPolicy"))
                      .stream().map(o -> (Map<String, Object>) cast(o)).toList();
              assertThat(byPolicy).hasSize(2);
              assertThat(byPolicy.get(0).get("policyId")).isEqualTo("policy-standard");
              assertThat(byPolicy.get(0).get("policyVersion")).isEqualTo(2);
              assertThat(new BigDecimal(byPolicy.get(0).get("amountReminded").toString()))
                  .isEqualByComparingTo("500");
              assertThat(new BigDecimal(byPolicy.get(0).get("successRate").toString()))
                  .isEqualByComparingTo("0");
              assertThat(byPolicy.get(1).get("policyId")).isNull();
              assertThat(byPolicy.get(1).get("policyVersion")).isNull();
              assertThat(new BigDecimal(byPolicy.get(1).get("paidWithin14Days").toString()))
                  .isEqualByComparingTo("400");
              assertThat(new BigDecimal(byPolicy.get(1).get("successRate").toString()))
                  .isEqualByComparingTo("100");
            })
        .anySatisfy(
            r -> {
              assertThat(r.get("step")).isEqualTo("FORMAL_NOTICE");
              assertThat(r.get("channel")).isEqualTo("LETTER");
              assertThat(new BigDecimal(r.get("amountReminded").toString()))
                  .isEqualByComparingTo("1200");
              assertThat(new BigDecimal(r.get("successRate").toString())).isEqualByComparingTo("0");
            });

    JsonPath forecast = forecast(s, AS_OF);
    assertThat(amount(forecast, "openReceivables")).isEqualByComparingTo("4300.00");
    assertThat(forecast.getList("weeks")).hasSize(13);
    assertThat(forecast.getString("weeks[0].start")).isEqualTo("2026-07-01");
    assertThat(amount(forecast, "weeks[0].expected")).isEqualByComparingTo("620.00");
    assertThat(amount(forecast, "weeks[2].expected")).isEqualByComparingTo("1800.00");
    assertThat(amount(forecast, "weeks[6].expected")).isEqualByComparingTo("630.00");
    assertThat(amount(forecast, "totalExpected")).isEqualByComparingTo("3050.00");
    // a forecast made in May, held against what came in afterwards
    JsonPath inMay = forecast(s, d(5, 15));
    assertThat(inMay.getString("weeks[0].start")).isEqualTo("2026-05-16");
    assertThat(amount(inMay, "weeks[0].actual")).isEqualByComparingTo("600.00");
    assertThat(amount(inMay, "weeks[2].actual")).isEqualByComparingTo("400.00");
    assertThat(amount(inMay, "weeks[0].variance"))
        .isEqualByComparingTo(
            amount(inMay, "weeks[0].actual").subtract(amount(inMay, "weeks[0].expected")));

    // the trend is read from kept snapshots and agrees with the summary of the same day
    JsonPath trend =
        json(
            given()
                .header("Authorization", s.viewer())
                .queryParam("from", "2026-01-01")
                .queryParam("to", AS_OF.toString())
                .get("/api/v1/kpis/trend")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    assertThat(trend.getList("$")).hasSize(6);
    assertThat(trend.getString("[5].date")).isEqualTo("2026-06-30");
    assertThat(amount(trend, "[5].dso")).isEqualByComparingTo("113.8");
    assertThat(amount(trend, "[5].outstanding")).isEqualByComparingTo("4300.00");

    // rebuild from the topics: the same figures
    String before = figures(s);
    JsonPath report =
        json(
            given()
                .header("Authorization", TestTokens.bearer(s.tenant, "admin"))
                .post("/api/v1/kpis/rebuild")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    assertThat(report.getLong("eventsApplied")).isEqualTo(30);
    assertThat(report.getLong("duplicates")).isEqualTo(1);
    assertThat(figures(s)).isEqualTo(before);
  }

  @Test
  void aPaymentForAnInvoiceNeverSeenIsParkedNotLooped() {
    String tenant = TestTokens.freshTenant();
    String eventId = UUID.randomUUID().toString();
    KafkaWriter.publish(
        Topics.INVOICING,
        eventId,
        new PaymentReceived(
            tenant,
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString(),
            "p",
            "EUR",
            new BigDecimal("10.00"),
            BigDecimal.ZERO,
            AS_OF,
            "x",
            new BigDecimal("10.00"),
            BigDecimal.ZERO,
            "PAID"));
    var dead =
        KafkaReader.await(
            Topics.deadLetter(Topics.INVOICING),
            r -> eventId.equals(r.headers().get("ce_id")),
            Duration.ofSeconds(30));
    assertThat(dead.headers().get("dead-letter-reason")).contains("Unknown invoice");
  }

  @Test
  void rebuildIsForAdminsOnly() {
    given()
        .header("Authorization", TestTokens.bearer(TestTokens.freshTenant(), "viewer"))
        .post("/api/v1/kpis/rebuild")
        .then()
        .statusCode(403);
  }

  private static JsonPath forecast(Scenario s, java.time.LocalDate asOf) {
    return json(
        given()
            .header("Authorization", s.viewer())
            .queryParam("asOf", asOf.toString())
            .get("/api/v1/kpis/cash-forecast")
            .then()
            .statusCode(200)
            .extract()
            .asString());
  }

  /** Every figure the API gives for the tenant, as one string to compare. */
  private static String figures(Scenario s) {
    StringBuilder out = new StringBuilder();
    for (String path :
        List.of(
            "/api/v1/kpis/summary",
            "/api/v1/kpis/segments",
            "/api/v1/kpis/dunning-effectiveness",
            "/api/v1/kpis/cash-forecast",
            "/api/v1/kpis/customers/top-overdue")) {
      out.append(
          given()
              .header("Authorization", s.viewer())
              .queryParam("asOf", AS_OF.toString())
              .get(path)
              .then()
              .statusCode(200)
              .extract()
              .asString());
    }
    out.append(
        given()
            .header("Authorization", s.viewer())
            .queryParam("to", AS_OF.toString())
            .queryParam("interval", "WEEK")
            .queryParam("from", "2026-03-01")
            .get("/api/v1/kpis/trend")
            .then()
            .statusCode(200)
            .extract()
            .asString());
    return out.toString();
  }

  /** How many of these events an inbox of kpi records: applied and committed. */
  private long applied(List<String> eventIds) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "select count(distinct event_id) from processed_event where"
                                    + " consumer like 'kpi.%' and event_id in (:ids)")
                            .setParameter("ids", eventIds)
                            .getSingleResult())
                    .longValue());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object o) {
    return (Map<String, Object>) o;
  }
}
