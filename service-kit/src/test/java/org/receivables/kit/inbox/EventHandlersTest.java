package org.receivables.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.receivables.events.DisputeOpened;
import org.receivables.events.DomainEvent;
import org.receivables.events.InvoiceDueDateChanged;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.InvoicingEvent;
import org.receivables.events.PaymentReceived;
import org.receivables.events.PromiseKept;
import org.receivables.kit.replica.InvoiceReplica;

class EventHandlersTest {

  private final List<String> calls = new ArrayList<>();

  @Test
  void eachListedTypeGoesToItsHandlerAndOthersAreNotHandled() {
    EventHandlers table =
        EventHandlers.builder()
            .on(InvoiceIssued.class, e -> calls.add("issued " + e.invoiceId()))
            .onWithId(PaymentReceived.class, (e, id) -> calls.add("paid " + e.amount() + " " + id))
            .build();

    assertThat(table.types()).containsExactly(InvoiceIssued.TYPE, PaymentReceived.TYPE);
    assertThat(table.handles(InvoiceIssued.TYPE)).isTrue();
    assertThat(table.handles(PromiseKept.TYPE)).isFalse();
    assertThat(table.handles("receivables.something-new.v1")).isFalse();

    assertThat(table.dispatch(issued(), "e-1")).isTrue();
    assertThat(table.dispatch(payment(), "e-2")).isTrue();
    assertThat(table.dispatch(new PromiseKept("acme", "c-1", "p-1", LocalDate.EPOCH), "e-3"))
        .isFalse();
    assertThat(calls).containsExactly("issued i-1", "paid 10.00 e-2");
  }

  @Test
  void theReplicasWritesListDirectlyAsHandlers() {
    // the apply overloads are picked by the listed type: no lambda needed where the replica is all
    InvoiceReplica replica = new InvoiceReplica();
    EventHandlers table =
        EventHandlers.builder()
            .on(InvoiceIssued.class, replica::apply)
            .on(InvoiceDueDateChanged.class, replica::apply)
            .on(DisputeOpened.class, replica::apply)
            .build();
    assertThat(table.types())
        .containsExactly(InvoiceIssued.TYPE, InvoiceDueDateChanged.TYPE, DisputeOpened.TYPE);
  }

  @Test
  void aTypeListedTwiceIsRefused() {
    var builder = EventHandlers.builder().on(InvoiceIssued.class, e -> {});
    assertThatThrownBy(() -> builder.on(InvoiceIssued.class, e -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("InvoiceIssued has two handlers");
  }

  @Test
  void onlyRecordsOfTheContractCanBeListed() {
    var builder = EventHandlers.builder();
    assertThatThrownBy(() -> builder.on(InvoicingEvent.class, e -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.on(DomainEvent.class, e -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEmptyTableIsRefused() {
    assertThatThrownBy(() -> EventHandlers.builder().build())
        .isInstanceOf(IllegalStateException.class);
  }

  static InvoiceIssued issued() {
    return new InvoiceIssued(
        "acme",
        "c-1",
        "i-1",
        "F-1",
        LocalDate.of(2026, 1, 31),
        LocalDate.of(2026, 3, 2),
        "EUR",
        new BigDecimal("100.00"),
        BigDecimal.ZERO,
        new BigDecimal("100.00"),
        new BigDecimal("100.00"),
        null);
  }

  static PaymentReceived payment() {
    return payment("acme", "i-1");
  }

  static PaymentReceived payment(String tenant, String invoice) {
    return new PaymentReceived(
        tenant,
        "c-1",
        invoice,
        "p-1",
        "EUR",
        new BigDecimal("10.00"),
        null,
        LocalDate.of(2026, 2, 1),
        null,
        new BigDecimal("10.00"),
        new BigDecimal("90.00"),
        "PARTIALLY_PAID");
  }
}
