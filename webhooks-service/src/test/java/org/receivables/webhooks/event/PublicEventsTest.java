package org.receivables.webhooks.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.receivables.events.CreditHoldChanged;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.DisputeOpened;
import org.receivables.events.DisputeResolved;
import org.receivables.events.DomainEvent;
import org.receivables.events.InvoiceCancelled;
import org.receivables.events.InvoiceDueDateChanged;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.PaymentReceived;
import org.receivables.events.PaymentTermsData;
import org.receivables.events.PromiseBroken;
import org.receivables.events.ReminderSent;
import org.receivables.events.ScoreChanged;
import org.receivables.events.WebhookSubscriptionDisabled;
import org.receivables.events.webhook.PayloadJson;
import org.receivables.events.webhook.Payloads;
import org.receivables.events.webhook.PublicTypes;

class PublicEventsTest {

  private static final String T = "acme";
  private static final String C = "c-1";
  private static final LocalDate D = LocalDate.of(2026, 12, 7);
  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

  private final AtomicLong counter = new AtomicLong();

  private List<PublicEvents.Mapped> map(DomainEvent e) {
    return PublicEvents.map(e, "ev-1", counter::incrementAndGet);
  }

  private static InvoiceIssued issued() {
    return new InvoiceIssued(
        T,
        C,
        "inv-1",
        "F-1",
        D,
        D.plusDays(30),
        "EUR",
        new BigDecimal("1000.00"),
        new BigDecimal("200.00"),
        new BigDecimal("1200.00"),
        new BigDecimal("1200.00"),
        null);
  }

  private static PaymentReceived payment(BigDecimal outstanding, String status) {
    return new PaymentReceived(
        T,
        C,
        "inv-1",
        "pay-1",
        "EUR",
        new BigDecimal("100.00"),
        null,
        D,
        "REF",
        new BigDecimal("1200.00"),
        outstanding,
        status);
  }

  @Test
  void everyPublicTypeHasItsInternalSourceAndEveryMappedTypeIsPublic() {
    List<DomainEvent> sources =
        List.of(
            new CustomerRegistered(
                T,
                C,
                "C-1",
                "Martin",
                "FR",
                "EUR",
                "fr",
                "a@b.fr",
                null,
                "retail",
                new PaymentTermsData(30, null)),
            issued(),
            new InvoiceCancelled(T, C, "inv-1", "F-1", "EUR", D, "error", BigDecimal.ZERO),
            payment(BigDecimal.ZERO, "PAID"),
            new DisputeOpened(T, C, "inv-1", "d-1", "damaged", new BigDecimal("10.00"), D),
            new DisputeResolved(T, C, "inv-1", "d-1", "ACCEPTED", D),
            new ReminderSent(
                T,
                C,
                "r-1",
                List.of("inv-1"),
                "FIRST",
                "EMAIL",
                new BigDecimal("1200.00"),
                "EUR",
                NOW,
                "p-1",
                1),
            new PromiseBroken(T, C, "pr-1", D),
            new CreditHoldChanged(T, C, true, "score", "scoring", NOW),
            new ScoreChanged(
                T, C, 640, "B", new BigDecimal("0.021"), new BigDecimal("5000"), "EUR", NOW));

    List<PublicEvents.Mapped> mapped =
        java.util.stream.Stream.concat(sources.stream(), java.util.stream.Stream.of(disabled()))
            .flatMap(e -> map(e).stream())
            .toList();
    List<String> types = mapped.stream().map(PublicEvents.Mapped::type).toList();
    for (PublicEvents.Mapped m : mapped) {
      assertThat(m.data()).isInstanceOf(Payloads.BY_TYPE.get(m.type()));
    }

    assertThat(types).containsExactlyInAnyOrderElementsOf(PublicTypes.ALL);
    // the topics' types; this service's own event comes from its delivery worker
    assertThat(PublicEvents.SOURCES)
        .containsExactlyInAnyOrderElementsOf(
            sources.stream().map(e -> (Class<? extends DomainEvent>) e.getClass()).toList());
  }

  private static WebhookSubscriptionDisabled disabled() {
    return new WebhookSubscriptionDisabled(
        T,
        "sub-1",
        "https://erp.example.com/hook",
        "every delivery attempt failed since 2026-12-04T10:00:00Z",
        NOW.minusSeconds(3 * 86400),
        NOW,
        503,
        null);
  }

  @Test
  void aDisabledSubscriptionIsAPublicEventWithoutCustomerOrSequence() throws Exception {
    List<PublicEvents.Mapped> out = map(disabled());

    assertThat(out).hasSize(1);
    assertThat(counter.get()).as("no customer number asked").isZero();
    PublicEvents.Mapped m = out.get(0);
    assertThat(m.type()).isEqualTo("webhook.subscription.disabled");
    assertThat(m.customerId()).isNull();
    JsonNode json =
        JsonMapper.builder().build().readTree(PayloadJson.write(m.type(), NOW, m.data()));
    assertThat(json.get("data").fieldNames())
        .toIterable()
        .containsExactly(
            "eventId",
            "subscriptionId",
            "url",
            "reason",
            "failingSince",
            "disabledAt",
            "lastStatusCode",
            "lastError");
    assertThat(json.at("/data/eventId").asText()).isEqualTo("ev-1");
    assertThat(json.at("/data/subscriptionId").asText()).isEqualTo("sub-1");
    assertThat(json.at("/data/disabledAt").asText()).isEqualTo("2026-12-07T10:00:00Z");
    assertThat(json.at("/data/lastStatusCode").asInt()).isEqualTo(503);
    assertThat(json.at("/data/lastError").isNull()).isTrue();
  }

  @Test
  void aSettlingPaymentIsAlsoInvoicePaidWithItsOwnIdAndTheNextSequence() {
    List<PublicEvents.Mapped> out = map(payment(new BigDecimal("0.00"), null));

    assertThat(out)
        .extracting(PublicEvents.Mapped::type)
        .containsExactly("payment.received", "invoice.paid");
    assertThat(out.get(1).id()).isEqualTo("ev-1:invoice.paid");
    assertThat(((Payloads.PaymentReceived) out.get(0).data()).sequence()).isEqualTo(1);
    assertThat(((Payloads.InvoicePaid) out.get(1).data()).sequence()).isEqualTo(2);
  }

  @Test
  void aPartPaymentIsOnlyPaymentReceived() {
    assertThat(map(payment(new BigDecimal("1100.00"), "PARTIALLY_PAID")))
        .extracting(PublicEvents.Mapped::type)
        .containsExactly("payment.received");
  }

  @Test
  void internalBookkeepingIsNotPublished() {
    assertThat(map(new InvoiceDueDateChanged(T, C, "inv-1", D, D.plusDays(10)))).isEmpty();
  }

  @Test
  void thePayloadIsTypeTimestampAndDataWithIsoDatesAndExactAmounts() throws Exception {
    PublicEvents.Mapped m = map(issued()).get(0);

    String written = PayloadJson.write(m.type(), NOW, m.data());
    JsonNode json =
        JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build()
            .readTree(written);

    assertThat(json.fieldNames()).toIterable().containsExactly("type", "timestamp", "data");
    assertThat(json.get("type").asText()).isEqualTo("invoice.issued");
    assertThat(json.get("timestamp").asText()).isEqualTo("2026-12-07T10:00:00Z");
    assertThat(json.at("/data/dueDate").asText()).isEqualTo("2027-01-06");
    assertThat(json.at("/data/totalInclTax").decimalValue())
        .isEqualByComparingTo(new BigDecimal("1200.00"));
    assertThat(written).contains("\"totalInclTax\":1200.00,");
    assertThat(json.at("/data/eventId").asText()).isEqualTo("ev-1");
    assertThat(json.at("/data/customerId").asText()).isEqualTo(C);
    assertThat(json.at("/data/sequence").asLong()).isEqualTo(1);
  }
}
