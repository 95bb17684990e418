package org.receivables.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.receivables.events.InvoiceIssued;
import org.receivables.events.Topics;
import org.receivables.kit.testing.KafkaReader;

/**
 * The W3C trace context of a request, or of a consumed record, reaches the records the service
 * publishes through its outbox, although a relay thread sends them later.
 */
@QuarkusTest
class TraceContextTest {

  private static final Pattern TRACEPARENT =
      Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

  private final TestLedger api = new TestLedger();

  private static String hex(int length) {
    return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, length);
  }

  private static Matcher traceparentOf(KafkaReader.Received record) {
    String traceparent = record.headers().get("traceparent");
    assertThat(traceparent).as("traceparent header").isNotNull();
    Matcher matcher = TRACEPARENT.matcher(traceparent);
    assertThat(matcher.matches()).as("W3C traceparent: %s", traceparent).isTrue();
    return matcher;
  }

  @Test
  void anInvoiceIssuedInARequestIsPublishedInThatRequestsTrace() {
    String customerId = api.customer();
    String traceId = hex(32);
    String callerSpan = hex(16);
    String invoiceId =
        api.erp()
            .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
            .body(TestLedger.invoiceBody(customerId, "2026-03-02", "100.00"))
            .post("/api/v1/invoices")
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    KafkaReader.Received record =
        KafkaReader.await(
            Topics.INVOICING,
            r ->
                InvoiceIssued.TYPE.equals(r.headers().get("ce_type"))
                    && invoiceId.equals(r.headers().get("ce_subject")),
            Duration.ofSeconds(30));
    Matcher traceparent = traceparentOf(record);
    assertThat(traceparent.group(1)).isEqualTo(traceId);
    assertThat(traceparent.group(2))
        .as("a span of the service, not the caller's")
        .isNotEqualTo(callerSpan);
  }
}
