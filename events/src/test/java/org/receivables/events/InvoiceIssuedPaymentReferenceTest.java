package org.receivables.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InvoiceIssuedPaymentReferenceTest {

  private static InvoiceIssued issued(String paymentReference) {
    return new InvoiceIssued(
        "acme",
        "c-1",
        "i-1",
        "F-2026-001",
        LocalDate.of(2026, 1, 31),
        LocalDate.of(2026, 3, 2),
        "EUR",
        new BigDecimal("1000.00"),
        new BigDecimal("200.00"),
        new BigDecimal("1200.00"),
        new BigDecimal("1200.00"),
        null,
        paymentReference);
  }

  @Test
  void carriesThePaymentReference() {
    InvoiceIssued event = issued("RF18539007547034");
    String json = EventJson.write(event);
    assertThat(json).contains("\"paymentReference\":\"RF18539007547034\"");
    assertThat(EventJson.read(InvoiceIssued.TYPE, json)).isEqualTo(event);
  }

  @Test
  void anEventWrittenBeforeTheFieldExistedStillReads() {
    String old =
        "{\"tenantId\":\"acme\",\"customerId\":\"c-1\",\"invoiceId\":\"i-1\","
            + "\"number\":\"F-2026-001\",\"issueDate\":\"2026-01-31\",\"dueDate\":\"2026-03-02\","
            + "\"currency\":\"EUR\",\"totalExclTax\":1000.00,\"totalTax\":200.00,"
            + "\"totalInclTax\":1200.00,\"outstanding\":1200.00,\"termsWarning\":null}";
    InvoiceIssued read = (InvoiceIssued) EventJson.read(InvoiceIssued.TYPE, old);
    assertThat(read.paymentReference()).isNull();
    assertThat(read).isEqualTo(issued(null));
  }
}
