package org.receivables.kpi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.events.EventJson;
import org.receivables.events.InvoicingEvent;
import org.receivables.kit.inbox.EventHandlers;
import org.receivables.kit.inbox.InboxDispatcher;
import org.receivables.kit.inbox.IncomingEvent;
import org.receivables.kit.tenant.TenantScope;
import org.receivables.kit.testing.TestTokens;
import org.receivables.kpi.projection.BatchApply;
import org.receivables.kpi.projection.EventProjection;

/**
 * Applying events set-based (invoices read once per batch, moved in memory, written together) gives
 * what applying them one at a time gives. Three tenants get the same random book ({@link
 * RandomBook}: payments, some before the issue date, reversals, credit notes, cancellations,
 * write-offs, due date changes, segment changes: there and back, twice to the same segment, a
 * customer seen in its invoices before its registration), with events delivered twice inside a
 * batch and across batches: one tenant in a single batch, one in batches of 13 (each tenant's part
 * in its own transaction, as the live consumer does), one event by event. Every figure of the
 * tenant and of each segment must agree, and so must the rows; every invoice's balances must be
 * those its ledger entries give; and every segment's summary read at once ({@code /kpis/segments},
 * one grouped query per kind) must be that segment's own summary.
 */
@QuarkusTest
class BatchEquivalenceTest {

  private static final String CONSUMER = "kpi.invoicing";
  private static final long SEED = 20261207L;

  @Inject BatchApply batches;
  @Inject InboxDispatcher dispatcher;
  @Inject EventProjection projection;
  @Inject EntityManager em;
  @Inject TenantScope tenants;

  @Test
  void setBasedBatchesGiveTheFiguresAndRowsOfOneEventAtATime() {
    Scenario whole = new Scenario(TestTokens.freshTenant());
    Scenario chunked = new Scenario(TestTokens.freshTenant());
    Scenario single = new Scenario(TestTokens.freshTenant());

    List<IncomingEvent> wholeEvents = withRedeliveries(book(whole));
    QuarkusTransaction.requiringNew().run(() -> batches.applyAll(CONSUMER, table(), wholeEvents));

    List<IncomingEvent> chunkedEvents = withRedeliveries(book(chunked));
    for (int from = 0; from < chunkedEvents.size(); from += 13) {
      List<IncomingEvent> chunk =
          chunkedEvents.subList(from, Math.min(from + 13, chunkedEvents.size()));
      batches.applyEachTenant(CONSUMER, table(), chunk);
    }

    for (IncomingEvent e : withRedeliveries(book(single))) {
      dispatcher.apply(CONSUMER, table(), e);
    }

    Random random = new Random(SEED);
    for (int i = 0; i < 6; i++) {
      LocalDate asOf = RandomBook.START.plusDays(random.nextInt(650) - 20);
      String from = asOf.minusDays(random.nextInt(200)).toString();
      for (String[] scope :
          List.of(
              new String[0],
              new String[] {"segment", "north"},
              new String[] {"segment", "south"},
              new String[] {"segment", "east"})) {
        String expected = figures(single, asOf, from, scope);
        assertThat(figures(whole, asOf, from, scope)).isEqualTo(expected);
        assertThat(figures(chunked, asOf, from, scope)).isEqualTo(expected);
      }
    }
    // every segment's summary read at once (grouped) is each segment's own summary
    for (Scenario s : List.of(whole, chunked, single)) {
      LocalDate asOf = RandomBook.START.plusDays(400);
      String from = asOf.minusDays(120).toString();
      List<Map<String, Object>> all = segments(s, asOf, from);
      assertThat(all).extracting(m -> m.get("segment")).containsExactly("east", "north", "south");
      for (Map<String, Object> one : all) {
        assertThat(one)
            .isEqualTo(
                s.summary(asOf, "from", from, "segment", (String) one.get("segment")).getMap("$"));
      }
    }
    List<Long> rows = rows(single.tenant);
    assertThat(rows(whole.tenant)).isEqualTo(rows);
    assertThat(rows(chunked.tenant)).isEqualTo(rows);
    for (Scenario s : List.of(whole, chunked, single)) {
      assertThat(invoicesDifferingFromTheirLedger(s.tenant)).as(s.tenant).isZero();
    }
  }

  /** The same random book for every tenant: same amounts, dates and kinds, its own ids. */
  private static List<IncomingEvent> book(Scenario s) {
    RandomBook book = new RandomBook(s, SEED, false);
    String c1 = UUID.randomUUID().toString();
    String c2 = UUID.randomUUID().toString();
    String c3 = UUID.randomUUID().toString();
    book.register(c1, "north");
    book.register(c2, "south");
    book.invoices(c1, 15);
    book.invoices(c2, 15);
    // c3 is seen in its invoices first, registered without a segment, then given one
    book.invoices(c3, 8);
    book.register(c3, null);
    book.update(c3, "south");
    book.update(c2, "north");
    book.invoices(c2, 10);
    book.update(c1, "south");
    book.update(c1, "south"); // the same segment again: nothing moves
    book.invoices(c1, 10);
    // there and back within a few events: in one batch, the customer does not move at all
    book.update(c2, "east");
    book.invoices(c2, 3);
    book.update(c2, "north");
    book.update(c3, "east");
    return book.published.stream()
        .map(
            p ->
                new IncomingEvent(
                    p.eventId(),
                    p.event().type(),
                    p.event().subject(),
                    EventJson.write(p.event()),
                    null))
        .toList();
  }

  /** Every seventh event delivered again right after it, and every eleventh again at the end. */
  private static List<IncomingEvent> withRedeliveries(List<IncomingEvent> events) {
    List<IncomingEvent> out = new ArrayList<>();
    List<IncomingEvent> late = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      out.add(events.get(i));
      if (i % 7 == 3) {
        out.add(events.get(i));
      }
      if (i % 11 == 5) {
        late.add(events.get(i));
      }
    }
    out.addAll(late);
    return out;
  }

  private static List<Map<String, Object>> segments(Scenario s, LocalDate asOf, String from) {
    return Scenario.json(
            given()
                .header("Authorization", s.viewer())
                .queryParam("asOf", asOf.toString())
                .queryParam("from", from)
                .get("/api/v1/kpis/segments")
                .then()
                .statusCode(200)
                .extract()
                .asString())
        .getList("$");
  }

  private EventHandlers table() {
    return projection.handlers(InvoicingEvent.TOPIC);
  }

  private static String figures(Scenario s, LocalDate asOf, String from, String... scope) {
    List<String> params = new ArrayList<>(List.of("from", from));
    params.addAll(List.of(scope));
    return s.summary(asOf, params.toArray(String[]::new)).prettify().replace(s.tenant, "TENANT");
  }

  /** Invoices, ledger entries, payments and disputes of the tenant, and the sum of balances. */
  private List<Long> rows(String tenant) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              tenants.bindTransaction(tenant);
              List<Long> counts = new ArrayList<>();
              for (String sql :
                  List.of(
                      "select count(*) from kpi_invoice where tenant_id = :t",
                      "select count(*) from kpi_ledger_entry where tenant_id = :t",
                      "select count(*) from kpi_payment where tenant_id = :t",
                      "select count(*) from kpi_invoice where tenant_id = :t and closed_on is not"
                          + " null",
                      "select coalesce(sum(balance * 100), 0) from kpi_invoice where tenant_id ="
                          + " :t",
                      "select coalesce(sum(balance_at_due * 100), 0) from kpi_invoice where"
                          + " tenant_id = :t",
                      "select count(*) from kpi_customer where tenant_id = :t and segment ="
                          + " 'north'",
                      "select count(*) from kpi_customer where tenant_id = :t and segment ="
                          + " 'east'",
                      "select count(*) from kpi_customer where tenant_id = :t and segment is"
                          + " null")) {
                counts.add(
                    ((Number) em.createNativeQuery(sql).setParameter("t", tenant).getSingleResult())
                        .longValue());
              }
              return counts;
            });
  }

  /** Invoices whose balance, balance at the due date or closing date its entries contradict. */
  private long invoicesDifferingFromTheirLedger(String tenant) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              tenants.bindTransaction(tenant);
              long invoices =
                  ((Number)
                          em.createNativeQuery(
                                  "select count(*) from kpi_invoice where tenant_id = :t")
                              .setParameter("t", tenant)
                              .getSingleResult())
                      .longValue();
              assertThat(invoices).isGreaterThan(40);
              return ((Number)
                      em.createNativeQuery(
                              "select count(*) from kpi_invoice i left join lateral (select"
                                  + " sum(amount) total, sum(amount) filter (where entry_date <="
                                  + " i.due_date) at_due, max(entry_date) last from"
                                  + " kpi_ledger_entry e where e.invoice_id = i.invoice_id) e on"
                                  + " true where i.tenant_id = :t and (i.balance <>"
                                  + " coalesce(e.total, 0) or i.balance_at_due <>"
                                  + " coalesce(e.at_due, 0) or i.closed_on is distinct from case"
                                  + " when i.balance = 0 then e.last end)")
                          .setParameter("t", tenant)
                          .getSingleResult())
                  .longValue();
            });
  }
}
