package org.receivables.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.receivables.events.PromiseKept;
import org.receivables.events.Topics;

class PublishedEventsTest {

  private static final String DATA =
      "{\"tenantId\":\"acme\",\"customerId\":\"c-1\",\"promiseId\":\"p-1\","
          + "\"keptOn\":\"2026-01-02\"}";

  private static Map<String, String> headers() {
    Map<String, String> headers = new HashMap<>();
    headers.put("ce_specversion", "1.0");
    headers.put("ce_id", "0f8fad5b-d9cb-469f-a165-70867728950e");
    headers.put("ce_type", PromiseKept.TYPE);
    headers.put("ce_source", "/dunning");
    headers.put("ce_subject", "p-1");
    headers.put("ce_time", "2026-01-02T09:30:00.123Z");
    headers.put("ce_tenantid", "acme");
    headers.put("content-type", "application/json");
    return headers;
  }

  @Test
  void aRecordAsTheOutboxSendsItMatches() {
    var record = new KafkaReader.Received("acme:c-1", DATA, headers());
    assertThat(PublishedEvents.violations(Topics.DUNNING, record)).isEmpty();
  }

  @Test
  void eachPartOfARecordIsChecked() {
    Map<String, String> noId = headers();
    noId.remove("ce_id");
    assertThat(
            PublishedEvents.violations(
                Topics.DUNNING, new KafkaReader.Received("acme:c-1", DATA, noId)))
        .singleElement()
        .asString()
        .startsWith("headers:")
        .contains("ce_id");
    assertThat(
            PublishedEvents.violations(
                Topics.DUNNING, new KafkaReader.Received("acme", DATA, headers())))
        .singleElement()
        .asString()
        .startsWith("key:");
    assertThat(
            PublishedEvents.violations(
                Topics.DUNNING,
                new KafkaReader.Received(
                    "acme:c-1", DATA.replace("2026-01-02", "soon"), headers())))
        .singleElement()
        .asString()
        .startsWith("payload:");
    assertThat(
            PublishedEvents.violations(
                Topics.INVOICING, new KafkaReader.Received("acme:c-1", DATA, headers())))
        .containsExactly(PromiseKept.TYPE + " is not a message of " + Topics.INVOICING);
  }
}
