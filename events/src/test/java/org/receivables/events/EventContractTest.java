package org.receivables.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventContractTest {

  @Test
  void everyRecordBelongsToExactlyOneProducerAndItsTopic() {
    Set<Class<?>> seen = new HashSet<>();
    for (var producer :
        java.util.List.of(
            InvoicingEvent.class,
            InvoicingDocumentEvent.class,
            ScoringEvent.class,
            DunningEvent.class,
            WebhooksEvent.class)) {
      for (Class<? extends DomainEvent> record : EventJson.recordsOf(producer)) {
        assertThat(seen.add(record)).as(record.getSimpleName()).isTrue();
      }
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(EventJson.types().values());
    assertThat(EventJson.recordsOf(ScoringEvent.class))
        .containsExactly(CreditHoldChanged.class, ScoreChanged.class);
    assertThat(EventJson.recordsOf(InvoicingEvent.class))
        .contains(InvoiceIssued.class, InvoiceLifecycleStatusRecorded.class)
        .hasSize(13);
    assertThat(EventJson.recordsOf(DunningEvent.class))
        .contains(ReminderSent.class, InvoiceDocumentRequested.class)
        .hasSize(10);
    assertThat(EventJson.recordsOf(InvoicingDocumentEvent.class))
        .containsExactly(InvoiceDocumentPublished.class, InvoiceDocumentsErased.class);
    assertThat(EventJson.recordsOf(WebhooksEvent.class))
        .containsExactly(WebhookSubscriptionDisabled.class);
  }

  @Test
  void topicsAreTheProducersTopics() {
    assertThat(Topics.all())
        .containsExactly(
            "receivables.invoicing.v1",
            "receivables.invoicing.documents.v1",
            "receivables.scoring.v1",
            "receivables.dunning.v1",
            "receivables.webhooks.v1");
    assertThat(issued("i-1").topic()).isEqualTo(Topics.INVOICING);
    assertThat(new PromiseKept("acme", "c-1", "p-1", LocalDate.of(2026, 1, 2)).topic())
        .isEqualTo(Topics.DUNNING);
    assertThat(new ScoreChanged("acme", "c-1", 700, "B", null, null, "EUR", null).topic())
        .isEqualTo(Topics.SCORING);
  }

  @Test
  void aSubscriptionsEventIsKeyedByItsSubscriptionAndConcernsNoCustomer() {
    var disabled =
        new WebhookSubscriptionDisabled(
            "acme",
            "9b2f6c1e-0000-4000-8000-000000000001",
            "https://erp.example.com/hook",
            "every delivery attempt failed since 2026-12-04T10:00:00Z",
            java.time.Instant.parse("2026-12-04T10:00:00Z"),
            java.time.Instant.parse("2026-12-07T10:00:00Z"),
            503,
            null);
    assertThat(disabled.topic()).isEqualTo(Topics.WEBHOOKS);
    assertThat(disabled.key()).isEqualTo("acme:9b2f6c1e-0000-4000-8000-000000000001");
    assertThat(disabled.subject()).isEqualTo(disabled.subscriptionId());
    assertThat(disabled.customerId()).isNull();
    assertThat(EventJson.write(disabled)).doesNotContain("customerId");
    assertThat(EventJson.read(WebhookSubscriptionDisabled.TYPE, EventJson.write(disabled)))
        .isEqualTo(disabled);
  }

  @Test
  void typeOfNamesTheRecordsType() {
    assertThat(EventJson.typeOf(InvoiceIssued.class)).isEqualTo(InvoiceIssued.TYPE);
    assertThat(EventJson.typeOf(CreditHoldChanged.class)).isEqualTo(CreditHoldChanged.TYPE);
  }

  @Test
  void aMissingRequiredFieldIsRefusedByTheConstructorNamingTheField() {
    assertThatThrownBy(() -> issued(null))
        .isInstanceOf(MissingFieldException.class)
        .hasMessage("receivables.invoice.issued.v1: invoiceId is required")
        .extracting(e -> ((MissingFieldException) e).field())
        .isEqualTo("invoiceId");
    assertThatThrownBy(() -> new PromiseBroken("acme", " ", "p-1", LocalDate.of(2026, 1, 2)))
        .isInstanceOf(MissingFieldException.class)
        .hasMessageContaining("customerId is required");
    assertThatThrownBy(
            () ->
                new PaymentReceived(
                    "acme",
                    "c-1",
                    "i-1",
                    "p-1",
                    "EUR",
                    null,
                    null,
                    LocalDate.of(2026, 1, 2),
                    null,
                    null,
                    null,
                    null))
        .hasMessageContaining("amount is required");
  }

  @Test
  void dataMissingARequiredFieldIsMalformedWithTheFieldInTheReason() {
    String json = EventJson.write(issued("i-1")).replace("\"dueDate\":\"2026-03-02\",", "");
    assertThatThrownBy(() -> EventJson.read(InvoiceIssued.TYPE, json))
        .isInstanceOf(EventJson.MalformedEventException.class)
        .hasMessageContaining("dueDate is required");
    assertThatThrownBy(() -> EventJson.read(PaymentReversed.TYPE, "{\"tenantId\":\"acme\"}"))
        .isInstanceOf(EventJson.MalformedEventException.class)
        .hasMessageContaining("customerId is required");
  }

  @Test
  void olderEventsWithoutTheirOptionalFieldsStayReadable() {
    // as published before outstanding, termsWarning, discountGranted and status existed
    var invoice =
        (InvoiceIssued)
            EventJson.read(
                InvoiceIssued.TYPE,
                "{\"tenantId\":\"acme\",\"customerId\":\"c-1\",\"invoiceId\":\"i-1\","
                    + "\"number\":\"F-1\",\"issueDate\":\"2026-01-31\",\"dueDate\":\"2026-03-02\","
                    + "\"currency\":\"EUR\",\"totalInclTax\":1200.00}");
    assertThat(invoice.outstanding()).isNull();
    assertThat(invoice.totalInclTax()).isEqualByComparingTo("1200");
    var payment =
        (PaymentReceived)
            EventJson.read(
                PaymentReceived.TYPE,
                "{\"tenantId\":\"acme\",\"customerId\":\"c-1\",\"invoiceId\":\"i-1\","
                    + "\"amount\":100.00,\"receivedOn\":\"2026-02-01\"}");
    assertThat(payment.status()).isNull();
    assertThat(payment.discountGranted()).isNull();
  }

  @Test
  void aCustomerUpdatedThatStillEchoesTheCreditHoldIsReadWithoutIt() {
    String old =
        "{\"tenantId\":\"acme\",\"customerId\":\"c-1\",\"name\":\"Martin\",\"doNotDun\":true,"
            + "\"creditHold\":true}";
    var updated = (CustomerUpdated) EventJson.read(CustomerUpdated.TYPE, old);
    assertThat(updated.doNotDun()).isTrue();
    assertThat(updated.name()).isEqualTo("Martin");
    assertThat(EventJson.write(updated)).doesNotContain("creditHold");
  }

  @Test
  void aDocumentRequestIsDunningsKeyedByCustomerAndNamesItsInvoice() {
    var requested =
        new InvoiceDocumentRequested(
            "acme", "c-1", "i-1", "F-2026-001", java.time.Instant.parse("2026-12-07T10:00:00Z"));
    assertThat(requested.topic()).isEqualTo(Topics.DUNNING);
    assertThat(requested.key()).isEqualTo("acme:c-1");
    assertThat(requested.subject()).isEqualTo("i-1");
    assertThat(EventJson.read(InvoiceDocumentRequested.TYPE, EventJson.write(requested)))
        .isEqualTo(requested);
    assertThatThrownBy(
            () -> new InvoiceDocumentRequested("acme", "c-1", null, "F-1", java.time.Instant.now()))
        .isInstanceOf(MissingFieldException.class)
        .extracting(e -> ((MissingFieldException) e).field())
        .isEqualTo("invoiceId");
  }

  static InvoiceIssued issued(String invoiceId) {
    return new InvoiceIssued(
        "acme",
        "c-1",
        invoiceId,
        "F-2026-001",
        LocalDate.of(2026, 1, 31),
        LocalDate.of(2026, 3, 2),
        "EUR",
        new BigDecimal("1000.00"),
        new BigDecimal("200.00"),
        new BigDecimal("1200.00"),
        new BigDecimal("1200.00"),
        null);
  }
}
