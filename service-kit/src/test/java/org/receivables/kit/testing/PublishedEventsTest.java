package org.receivables.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.receivables.events.PromiseKept;
import org.receivables.events.Topics;

class PublishedEventsTest {

  private static final String KEY = "acme:c-1";

  private static final String DATA =
      "{\"tenantId\":\"acme\",\"customerId\":\"c-1\",\"promiseId\":\"p-1\","
          + "\"keptOn\":\"2026-01-02\"}";

  /** The headers the outbox relay sends for a PromiseKept, with one changed (null: removed). */
  private static Map<String, String> headers(String name, String value) {
    Map<String, String> headers = new HashMap<>();
    headers.put("ce_specversion", "1.0");
    headers.put("ce_id", "0f8fad5b-d9cb-469f-a165-70867728950e");
    headers.put("ce_type", PromiseKept.TYPE);
    headers.put("ce_source", "/dunning");
    headers.put("ce_subject", "p-1");
    headers.put("ce_time", "2026-01-02T09:30:00.123Z");
    headers.put("ce_tenantid", "acme");
    headers.put("content-type", "application/json");
    if (value == null) {
      headers.remove(name);
    } else {
      headers.put(name, value);
    }
    return headers;
  }

  private static List<String> violations(String key, String data, Map<String, String> headers) {
    return PublishedEvents.violations(Topics.DUNNING, new KafkaReader.Received(key, data, headers));
  }

  @Test
  void aRecordAsTheOutboxSendsItMatchesWithOrWithoutItsTraceparent() {
    assertThat(violations(KEY, DATA, headers("traceparent", null))).isEmpty();
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    assertThat(violations(KEY, DATA, headers("traceparent", traceparent))).isEmpty();
  }

  @Test
  void eachPartOfARecordIsChecked() {
    assertThat(violations(KEY, DATA, headers("ce_id", null)))
        .singleElement()
        .asString()
        .startsWith("headers:")
        .contains("ce_id");
    assertThat(violations(KEY, DATA, headers("ce_source", "/invoicing")))
        .singleElement()
        .asString()
        .contains("ce_source");
    assertThat(violations(KEY, DATA, headers("ce_time", "yesterday")))
        .singleElement()
        .asString()
        .contains("ce_time");
    assertThat(violations(KEY, DATA, headers("ce_type", "receivables.nope.v1")))
        .singleElement()
        .asString()
        .contains("receivables.nope.v1");
    assertThat(violations("acme", DATA, headers("traceparent", null)))
        .singleElement()
        .asString()
        .startsWith("key:");
    assertThat(violations(KEY, DATA.replace("2026-01-02", "soon"), headers("traceparent", null)))
        .singleElement()
        .asString()
        .startsWith("payload:");
  }

  @Test
  void anEventOnAnotherProducersTopicIsRefused() {
    var record = new KafkaReader.Received(KEY, DATA, headers("traceparent", null));
    assertThat(PublishedEvents.violations(Topics.INVOICING, record))
        .containsExactly(PromiseKept.TYPE + " is not a message of " + Topics.INVOICING);
  }
}
