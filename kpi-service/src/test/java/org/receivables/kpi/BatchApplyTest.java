package org.receivables.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.receivables.kpi.Scenario.d;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.receivables.events.DomainEvent;
import org.receivables.events.EventJson;
import org.receivables.events.InvoiceDueDateChanged;
import org.receivables.events.InvoicingEvent;
import org.receivables.kit.inbox.InboxDispatcher;
import org.receivables.kit.inbox.IncomingEvent;
import org.receivables.kit.replica.UnknownInvoiceException;
import org.receivables.kit.testing.TestTokens;
import org.receivables.kpi.projection.BatchApply;
import org.receivables.kpi.projection.EventProjection;

/**
 * A polled batch applied set-based (issued invoices written together at the end, one inbox
 * statement) leaves the same figures as the same events applied one at a time: two tenants get the
 * same book, one in a single batch spanning both, the other event by event.
 */
@QuarkusTest
class BatchApplyTest {

  private static final String CONSUMER = "kpi.invoicing";

  @Inject BatchApply batches;
  @Inject InboxDispatcher dispatcher;
  @Inject EventProjection projection;

  @Test
  void aBatchAppliedSetBasedGivesTheFiguresOfOneEventAtATime() {
    Scenario batched = new Scenario(TestTokens.freshTenant());
    Scenario single = new Scenario(TestTokens.freshTenant());
    // one batch spanning two tenants: each tenant's part is applied under its own binding
    List<IncomingEvent> mixed = new ArrayList<>(book(batched));
    mixed.addAll(book(new Scenario(TestTokens.freshTenant())));
    QuarkusTransaction.requiringNew().run(() -> batches.applyAll(CONSUMER, table(), mixed));
    // redelivered whole: the inbox lets nothing through twice
    QuarkusTransaction.requiringNew().run(() -> batches.applyAll(CONSUMER, table(), mixed));
    for (IncomingEvent e : book(single)) {
      dispatcher.apply(CONSUMER, table(), e);
    }
    for (LocalDate asOf : List.of(d(5, 15), d(6, 1), d(6, 30), d(9, 1))) {
      assertThat(figures(batched, asOf)).isEqualTo(figures(single, asOf));
    }
    assertThat(batched.summary(d(6, 30)).getString("outstanding")).isEqualTo("1450.00");
  }

  @Test
  void aBatchNamingAnInvoiceNeverIssuedIsAppliedNotAtAll() {
    Scenario s = new Scenario(TestTokens.freshTenant());
    String customer = UUID.randomUUID().toString();
    String never = UUID.randomUUID().toString();
    List<IncomingEvent> events =
        List.of(
            event(s.issued(customer, UUID.randomUUID().toString(), "100.00", d(5, 1), d(5, 31))),
            event(s.payment(customer, never, "p", "10.00", d(5, 2))));
    assertThatThrownBy(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(() -> batches.applyAll(CONSUMER, table(), events)))
        .hasStackTraceContaining(UnknownInvoiceException.class.getSimpleName());
    // nothing of it was kept, its inbox rows included: applied alone, the issue goes through
    dispatcher.apply(CONSUMER, table(), events.get(0));
    assertThat(s.summary(d(5, 15)).getString("outstanding")).isEqualTo("100.00");
  }

  /**
   * Issues, a payment of an invoice issued earlier in the batch, an invoice issued twice under two
   * event ids, a redelivered event and a due date change, all of one tenant.
   */
  private static List<IncomingEvent> book(Scenario s) {
    String customer = UUID.randomUUID().toString();
    String i1 = UUID.randomUUID().toString();
    String i2 = UUID.randomUUID().toString();
    String i3 = UUID.randomUUID().toString();
    List<IncomingEvent> events = new ArrayList<>();
    Function<DomainEvent, IncomingEvent> add =
        e -> {
          IncomingEvent in = event(e);
          events.add(in);
          return in;
        };
    add.apply(s.issued(customer, i1, "1000.00", d(4, 10), d(5, 10)));
    IncomingEvent paid = add.apply(s.payment(customer, i1, "p1", "600.00", d(5, 20)));
    events.add(paid);
    add.apply(s.issued(customer, i2, "500.00", d(5, 1), d(5, 31)));
    add.apply(s.issued(customer, i2, "999.00", d(5, 1), d(5, 31)));
    add.apply(s.issued(customer, i3, "550.00", d(6, 1), d(5, 30)));
    add.apply(new InvoiceDueDateChanged(s.tenant, customer, i2, d(5, 31), d(6, 20)));
    return events;
  }

  private static IncomingEvent event(DomainEvent e) {
    return new IncomingEvent(
        UUID.randomUUID().toString(), e.type(), e.subject(), EventJson.write(e), null);
  }

  private org.receivables.kit.inbox.EventHandlers table() {
    return projection.handlers(InvoicingEvent.TOPIC);
  }

  private static String figures(Scenario s, LocalDate asOf) {
    return s.summary(asOf, "from", d(4, 1).toString()).prettify().replace(s.tenant, "TENANT");
  }
}
