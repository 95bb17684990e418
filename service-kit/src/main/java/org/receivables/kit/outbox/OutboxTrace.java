package org.receivables.kit.outbox;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.HashMap;
import java.util.Map;

/**
 * Carries the trace of the work that recorded an event (a request, or the consumption of another
 * event) over the outbox table to the relay thread that publishes it later, so that the record on
 * Kafka, and the consumers downstream, continue that trace instead of starting their own. Only the
 * W3C {@code traceparent} is kept: it is what links the spans.
 */
public final class OutboxTrace {

  static final String TRACEPARENT = "traceparent";

  private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();

  private static final TextMapGetter<Map<String, String>> MAP_GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private OutboxTrace() {}

  /** The current trace as a W3C traceparent, or null outside any trace. */
  static String current() {
    Map<String, String> carrier = new HashMap<>(2);
    W3C.inject(Context.current(), carrier, (map, key, value) -> map.put(key, value));
    return carrier.get(TRACEPARENT);
  }

  /**
   * The context to publish a row under: the recorded trace, or a fresh root (a new trace) when the
   * row has none or an unreadable one.
   */
  public static Context restore(String traceparent) {
    if (traceparent == null || traceparent.isBlank()) {
      return Context.root();
    }
    return W3C.extract(Context.root(), Map.of(TRACEPARENT, traceparent), MAP_GETTER);
  }
}
