package org.receivables.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.DisputeOpened;
import org.receivables.events.DomainEvent;
import org.receivables.events.EventJson;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.PaymentReceived;
import org.receivables.events.PaymentTermsData;
import org.receivables.kit.inbox.InboxDispatcher;
import org.receivables.kit.inbox.IncomingEvent;
import org.receivables.kit.tenant.TenantScope;
import org.receivables.kit.testing.TestTokens;
import org.receivables.scoring.intake.ScoringHandlers;

/**
 * A polled batch's issued invoices are written together (one insert of unknown customers, one of
 * invoices), before anything of the batch reads them: a batch gives the replica, customers,
 * settlements and scores that the same events give one at a time, with an invoice issued twice
 * under two event ids, an event delivered twice in the batch, a payment and a dispute of invoices
 * the batch issued, a customer scoring sees first in an invoice, and two tenants in one batch. Each
 * customer the batch changed is rescored once (one history row).
 */
@QuarkusTest
class BatchIntakeTest {

  private static final String CONSUMER = "scoring.invoicing";
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Paris"));

  @Inject InboxDispatcher dispatcher;
  @Inject ScoringHandlers handlers;
  @Inject EntityManager em;
  @Inject TenantScope tenants;

  /** The same customers and invoices in every tenant. */
  private final String c1 = UUID.randomUUID().toString();

  private final String c2 = UUID.randomUUID().toString();
  private final String i1 = UUID.randomUUID().toString();
  private final String i2 = UUID.randomUUID().toString();
  private final String i3 = UUID.randomUUID().toString();

  @Test
  void aBatchGivesWhatTheSameEventsGiveOneAtATime() {
    String batched = TestTokens.freshTenant();
    String other = TestTokens.freshTenant();
    String single = TestTokens.freshTenant();
    List<IncomingEvent> mixed = new ArrayList<>(events(batched));
    mixed.addAll(events(other));
    QuarkusTransaction.requiringNew()
        .run(() -> dispatcher.applyAll(CONSUMER, handlers.invoicing(), mixed));
    for (IncomingEvent e : events(single)) {
      dispatcher.apply(CONSUMER, handlers.invoicing(), e);
    }
    List<String> expected = state(single);
    assertThat(expected).hasSize(5);
    assertThat(state(batched)).isEqualTo(expected);
    assertThat(state(other)).isEqualTo(expected);
    // rescored once per batch: one history row per customer (its first score)
    assertThat(historyRows(batched)).isEqualTo(2);
    assertThat(historyRows(single)).isGreaterThanOrEqualTo(2);
  }

  private List<IncomingEvent> events(String tenant) {
    List<IncomingEvent> out = new ArrayList<>();
    out.add(event(registered(tenant)));
    out.add(event(issued(tenant, c1, i1, "1200.00", TODAY.minusDays(60))));
    out.add(event(issued(tenant, c1, i2, "800.00", TODAY.minusDays(20))));
    // c2 is first seen in its invoice: a minimal customer row
    out.add(event(issued(tenant, c2, i3, "300.00", TODAY.minusDays(50))));
    // i1 again under another event id: its first issue stays
    out.add(event(issued(tenant, c1, i1, "9999.00", TODAY.minusDays(10))));
    IncomingEvent paid =
        event(
            new PaymentReceived(
                tenant,
                c1,
                i1,
                "P-1",
                "EUR",
                new BigDecimal("1200.00"),
                BigDecimal.ZERO,
                TODAY.minusDays(15),
                "VIR",
                new BigDecimal("1200.00"),
                BigDecimal.ZERO,
                "PAID"));
    out.add(paid);
    out.add(paid); // delivered twice in one batch
    out.add(
        event(
            new DisputeOpened(
                tenant, c2, i3, "D-1", "quality", new BigDecimal("300.00"), TODAY.minusDays(5))));
    return out;
  }

  /** Replica, customers, settlements, disputes and scores of the tenant, tenant left out. */
  private List<String> state(String tenant) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              tenants.bindTransaction(tenant);
              List<String> out = new ArrayList<>();
              for (String sql :
                  List.of(
                      "select string_agg(invoice_id || ' ' || customer_id || ' ' || total_incl_tax"
                          + " || ' ' || outstanding || ' ' || status || ' ' || disputed, '; '"
                          + " order by invoice_id) from invoice_replica where tenant_id = :t",
                      "select string_agg(customer_id || ' ' || coalesce(currency, '-') || ' ' ||"
                          + " registered, '; ' order by customer_id) from sc_customer where"
                          + " tenant_id = :t",
                      "select string_agg(invoice_id || ' ' || kind || ' ' || amount || ' ' ||"
                          + " occurred_on, '; ' order by invoice_id) from sc_settlement where"
                          + " tenant_id = :t",
                      "select string_agg(dispute_id || ' ' || invoice_id, '; ') from sc_dispute"
                          + " where tenant_id = :t",
                      "select string_agg(customer_id || ' ' || score || ' ' || risk_class || ' '"
                          + " || credit_limit, '; ' order by customer_id) from sc_score where"
                          + " tenant_id = :t")) {
                out.add(
                    String.valueOf(
                        em.createNativeQuery(sql).setParameter("t", tenant).getSingleResult()));
              }
              return out;
            });
  }

  private long historyRows(String tenant) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              tenants.bindTransaction(tenant);
              return ((Number)
                      em.createNativeQuery(
                              "select count(*) from sc_score_history where tenant_id = :t")
                          .setParameter("t", tenant)
                          .getSingleResult())
                  .longValue();
            });
  }

  private CustomerRegistered registered(String tenant) {
    return new CustomerRegistered(
        tenant,
        c1,
        "C-1",
        "Martin SA",
        "FR",
        "EUR",
        "fr",
        null,
        null,
        "retail",
        new PaymentTermsData(30, "NONE"));
  }

  private static InvoiceIssued issued(
      String tenant, String customer, String invoice, String total, LocalDate issued) {
    BigDecimal amount = new BigDecimal(total);
    return new InvoiceIssued(
        tenant,
        customer,
        invoice,
        "F-" + invoice.substring(0, 8),
        issued,
        issued.plusDays(30),
        "EUR",
        amount,
        BigDecimal.ZERO,
        amount,
        amount,
        null);
  }

  private static IncomingEvent event(DomainEvent e) {
    return new IncomingEvent(
        UUID.randomUUID().toString(), e.type(), e.subject(), EventJson.write(e), null);
  }
}
