package org.receivables.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventJsonTest {

  private final InvoiceIssued issued = EventContractTest.issued("i-1");

  @Test
  void roundTripKeepsExactAmountsAndDates() {
    String json = EventJson.write(issued);
    assertThat(json).contains("\"issueDate\":\"2026-01-31\"").contains("\"totalInclTax\":1200.00");
    assertThat(EventJson.read(InvoiceIssued.TYPE, json)).isEqualTo(issued);
  }

  @Test
  void personalDataErasureCarriesNoPersonalData() {
    var erased =
        new CustomerPersonalDataErased(
            "acme",
            "c-1",
            CustomerPersonalDataErased.REQUEST,
            Instant.parse("2026-12-06T10:00:00Z"));
    String json = EventJson.write(erased);
    assertThat(json)
        .isEqualTo(
            "{\"tenantId\":\"acme\",\"customerId\":\"c-1\",\"reason\":\"REQUEST\","
                + "\"erasedAt\":\"2026-12-06T10:00:00Z\"}");
    assertThat(EventJson.read(CustomerPersonalDataErased.TYPE, json)).isEqualTo(erased);
    assertThat(erased.key()).isEqualTo("acme:c-1");
    assertThat(erased.subject()).isEqualTo("c-1");
  }

  @Test
  void keyGroupsAllEventsOfOneCustomer() {
    assertThat(issued.key()).isEqualTo("acme:c-1");
    assertThat(issued.subject()).isEqualTo("i-1");
  }

  @Test
  void unknownFieldsAreIgnoredForForwardCompatibility() {
    String json = EventJson.write(issued).replace("{", "{\"addedLater\":true,");
    assertThat(EventJson.read(InvoiceIssued.TYPE, json)).isEqualTo(issued);
  }

  @Test
  void malformedDataAndUnknownTypesAreRejectedDistinctly() {
    assertThatThrownBy(() -> EventJson.read(InvoiceIssued.TYPE, "{not json"))
        .isInstanceOf(EventJson.MalformedEventException.class);
    assertThatThrownBy(() -> EventJson.read("receivables.nope.v1", "{}"))
        .isInstanceOf(EventJson.UnknownEventTypeException.class);
  }

  @Test
  void everyRegisteredTypeIsNamedConsistentlyAndDeclaresItself() throws Exception {
    assertThat(EventJson.types()).hasSizeGreaterThanOrEqualTo(23);
    for (var entry : EventJson.types().entrySet()) {
      assertThat(entry.getKey()).matches("receivables\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+");
      assertThat(entry.getValue().getField("TYPE").get(null)).isEqualTo(entry.getKey());
      assertThat(entry.getValue().getRecordComponents()[0].getName()).isEqualTo("tenantId");
      assertThat(entry.getValue().getRecordComponents()[1].getName())
          .isEqualTo(
              WebhooksEvent.class.isAssignableFrom(entry.getValue())
                  ? "subscriptionId"
                  : "customerId");
    }
  }
}
