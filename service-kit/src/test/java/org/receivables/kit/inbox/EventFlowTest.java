package org.receivables.kit.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.receivables.kit.inbox.EventHandlersTest.issued;
import static org.receivables.kit.inbox.EventHandlersTest.payment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.receivables.events.EventJson;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.PaymentReceived;
import org.receivables.events.PromiseKept;
import org.receivables.kit.replica.UnknownInvoiceException;

/**
 * The consuming path without Quarkus: {@link EventBatches} over {@link EventFlow}, with an inbox
 * and a replica kept in memory and a transaction that keeps all or nothing, as the database does.
 */
class EventFlowTest {

  private final RecordedBatch recorded = new RecordedBatch();
  private final List<String> trail = new ArrayList<>();

  // committed state, and the state of the transaction in progress
  private Set<String> inbox = new HashSet<>();
  private Set<String> invoices = new HashSet<>();
  private Set<String> txInbox;
  private Set<String> txInvoices;

  private final EventFlow flow =
      EventFlow.oneByOne(
          (consumer, id) -> {
            trail.add("inbox " + id);
            return txInbox.add(consumer + "/" + id);
          },
          tenant -> trail.add("bind " + tenant));

  private final List<String> batchHook = new ArrayList<>();

  private final EventHandlers table =
      EventHandlers.builder()
          .on(
              InvoiceIssued.class,
              e -> {
                trail.add("issue " + e.invoiceId());
                txInvoices.add(e.tenantId() + "/" + e.invoiceId());
              })
          .onWithId(
              PaymentReceived.class,
              (e, id) -> {
                if (!txInvoices.contains(e.tenantId() + "/" + e.invoiceId())) {
                  throw new UnknownInvoiceException(e.tenantId(), e.invoiceId());
                }
                trail.add("pay " + e.invoiceId() + " " + id);
              })
          .beforeEach(e -> trail.add("before " + e.type()))
          .afterBatch(
              applied ->
                  applied.forEach(a -> batchHook.add(a.event().id() + " " + a.data().customerId())))
          .build();

  /** One transaction: the work sees its own writes, and they are kept only if it returns. */
  private void inTransaction(Runnable work) {
    txInbox = new HashSet<>(inbox);
    txInvoices = new HashSet<>(invoices);
    work.run();
    inbox = txInbox;
    invoices = txInvoices;
  }

  private void consume(List<ConsumerRecord<String, String>> records) {
    EventBatches.consume(
            recorded.of(records),
            events -> inTransaction(() -> flow.applyAll("test", table, events)),
            event -> inTransaction(() -> flow.applyAll("test", table, List.of(event))))
        .toCompletableFuture()
        .join();
  }

  @Test
  void aHandledEventIsBoundToItsTenantDeduplicatedThenHandled() {
    consume(List.of(RecordedBatch.event(0, "e-1", issued())));
    assertThat(trail)
        .containsExactly("bind acme", "before " + InvoiceIssued.TYPE, "inbox e-1", "issue i-1");
    assertThat(batchHook).containsExactly("e-1 c-1");
    assertThat(recorded.committed).containsExactly(0L);
  }

  @Test
  void aRedeliveredEventChangesNothingTheSecondTime() {
    consume(List.of(RecordedBatch.event(0, "e-1", issued())));
    trail.clear();
    batchHook.clear();
    consume(List.of(RecordedBatch.event(0, "e-1", issued())));
    assertThat(trail).doesNotContain("issue i-1");
    assertThat(batchHook).isEmpty();
  }

  @Test
  void anUnhandledTypeIsSkippedWithoutInboxOrBinding() {
    PromiseKept kept = new PromiseKept("acme", "c-1", "p-1", LocalDate.of(2026, 1, 2));
    var unknownType = RecordedBatch.event(1, "e-2", issued());
    unknownType.headers().remove("ce_type");
    unknownType.headers().add("ce_type", "receivables.invoice.archived.v9".getBytes());

    consume(List.of(RecordedBatch.event(0, "e-1", kept), unknownType));

    assertThat(trail).isEmpty();
    assertThat(inbox).isEmpty();
    assertThat(recorded.deadLettered).isEmpty();
    assertThat(recorded.committed).containsExactly(1L);
  }

  @Test
  void anEventAboutAnUnknownInvoiceIsDeadLetteredAloneAndCanBeReplayedLater() {
    consume(
        List.of(
            RecordedBatch.event(0, "e-1", issued()),
            RecordedBatch.event(1, "e-2", payment("acme", "ghost")),
            RecordedBatch.event(2, "e-3", payment("acme", "i-1"))));

    assertThat(recorded.deadLettered)
        .singleElement()
        .asString()
        .startsWith("1: Unknown invoice ghost of tenant acme");
    assertThat(trail).contains("issue i-1", "pay i-1 e-3");
    assertThat(inbox).containsExactlyInAnyOrder("test/e-1", "test/e-3"); // e-2 left no trace
    assertThat(recorded.committed).contains(2L);

    // once its invoice is there, the parked record replays like any first delivery
    consume(List.of(RecordedBatch.event(3, "e-4", withInvoice("ghost"))));
    trail.clear();
    consume(List.of(RecordedBatch.event(1, "e-2", payment("acme", "ghost"))));
    assertThat(trail).contains("pay ghost e-2");
  }

  @Test
  void malformedDataIsDeadLetteredBeforeAnyHandlerRuns() {
    var malformed = RecordedBatch.event(0, "e-1", issued());
    var broken =
        new ConsumerRecord<>(
            malformed.topic(),
            malformed.partition(),
            0,
            malformed.key(),
            EventJson.write(issued()).replace("\"number\":\"F-1\",", ""));
    malformed.headers().forEach(h -> broken.headers().add(h));

    consume(List.of(broken, RecordedBatch.event(1, "e-2", issued())));

    assertThat(recorded.deadLettered)
        .singleElement()
        .asString()
        .startsWith("0: ")
        .contains("number is required");
    assertThat(trail).containsOnlyOnce("issue i-1");
  }

  private static InvoiceIssued withInvoice(String id) {
    InvoiceIssued i = issued();
    return new InvoiceIssued(
        i.tenantId(),
        i.customerId(),
        id,
        "F-" + id,
        i.issueDate(),
        i.dueDate(),
        i.currency(),
        i.totalExclTax(),
        i.totalTax(),
        i.totalInclTax(),
        i.outstanding(),
        null);
  }
}
