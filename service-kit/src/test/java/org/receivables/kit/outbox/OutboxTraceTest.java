package org.receivables.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;

class OutboxTraceTest {

  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN = "00f067aa0ba902b7";

  @Test
  void theCurrentTraceIsKeptAsATraceparentAndRestoredFromIt() {
    SpanContext recorded =
        SpanContext.create(TRACE, SPAN, TraceFlags.getSampled(), TraceState.getDefault());
    String traceparent;
    try (Scope ignored = Context.root().with(Span.wrap(recorded)).makeCurrent()) {
      traceparent = OutboxTrace.current();
    }
    assertThat(traceparent).isEqualTo("00-" + TRACE + "-" + SPAN + "-01");

    SpanContext restored = Span.fromContext(OutboxTrace.restore(traceparent)).getSpanContext();
    assertThat(restored.getTraceId()).isEqualTo(TRACE);
    assertThat(restored.getSpanId()).isEqualTo(SPAN);
    assertThat(restored.isRemote()).isTrue();
  }

  @Test
  void outsideAnyTraceNothingIsKeptAndTheRelayStartsANewTrace() {
    assertThat(OutboxTrace.current()).isNull();
    assertThat(Span.fromContext(OutboxTrace.restore(null)).getSpanContext().isValid()).isFalse();
    assertThat(Span.fromContext(OutboxTrace.restore("garbage")).getSpanContext().isValid())
        .isFalse();
  }
}
