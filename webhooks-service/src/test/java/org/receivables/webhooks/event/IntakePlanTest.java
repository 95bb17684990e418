package org.receivables.webhooks.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.PaymentReceived;
import org.receivables.events.webhook.Payloads;
import org.receivables.events.webhook.PublicTypes;
import org.receivables.webhooks.event.IntakePlan.Delivery;
import org.receivables.webhooks.event.IntakePlan.Received;
import org.receivables.webhooks.event.IntakePlan.Target;

class IntakePlanTest {

  private static final LocalDate D = LocalDate.of(2026, 12, 7);

  private static Received issued(String customer, String id) {
    return new Received(
        new InvoiceIssued(
            "acme",
            customer,
            "inv-" + id,
            "F-" + id,
            D,
            D.plusDays(30),
            "EUR",
            new BigDecimal("100.00"),
            new BigDecimal("20.00"),
            new BigDecimal("120.00"),
            new BigDecimal("120.00"),
            null),
        id);
  }

  private static Received settling(String customer, String id) {
    return new Received(
        new PaymentReceived(
            "acme",
            customer,
            "inv-" + id,
            "pay-" + id,
            "EUR",
            new BigDecimal("120.00"),
            null,
            D,
            null,
            new BigDecimal("120.00"),
            BigDecimal.ZERO,
            "PAID"),
        id);
  }

  private static long sequence(PublicEvents.Mapped m) {
    return ((Payloads.CustomerData) m.data()).sequence();
  }

  @Test
  void eachCustomerNeedsOneNumberPerPublicEventAndGetsThemInBatchOrder() {
    List<Received> batch =
        List.of(issued("c1", "e1"), issued("c2", "e2"), settling("c1", "e3"), issued("c1", "e4"));

    assertThat(IntakePlan.numbersNeeded(batch))
        .containsExactly(Map.entry("c1", 4), Map.entry("c2", 1));

    List<PublicEvents.Mapped> mapped = IntakePlan.numbered(batch, Map.of("c1", 11L, "c2", 3L));
    assertThat(mapped)
        .extracting(PublicEvents.Mapped::id)
        .containsExactly("e1", "e2", "e3", "e3:" + PublicTypes.INVOICE_PAID, "e4");
    assertThat(mapped).extracting(IntakePlanTest::sequence).containsExactly(11L, 3L, 12L, 13L, 14L);
  }

  @Test
  void onlyStoredEventsGoToEnabledSubscriptionsThatAskedForTheirType() {
    UUID all = UUID.randomUUID();
    UUID paidOnly = UUID.randomUUID();
    UUID disabled = UUID.randomUUID();
    List<Target> targets =
        List.of(
            new Target(all, true, Set.of(PublicTypes.INVOICE_ISSUED, PublicTypes.INVOICE_PAID)),
            new Target(paidOnly, true, Set.of(PublicTypes.INVOICE_PAID)),
            new Target(disabled, false, Set.of(PublicTypes.INVOICE_ISSUED)));
    List<PublicEvents.Mapped> mapped =
        IntakePlan.numbered(
            List.of(issued("c1", "e1"), settling("c1", "e2"), issued("c1", "e3")),
            Map.of("c1", 1L));

    List<Delivery> deliveries =
        IntakePlan.deliveries(
            mapped, Set.of("e1", "e2", "e2:" + PublicTypes.INVOICE_PAID), targets);

    assertThat(deliveries)
        .containsExactly(
            new Delivery(all, "e1"),
            new Delivery(all, "e2:" + PublicTypes.INVOICE_PAID),
            new Delivery(paidOnly, "e2:" + PublicTypes.INVOICE_PAID));
  }
}
