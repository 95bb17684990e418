package org.receivables.kit.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TraceSamplingTest {

  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

  private static SamplingDecision decide(Sampler sampler, Context parent) {
    return sampler
        .shouldSample(
            parent, TRACE, "GET /api/v1/invoices", SpanKind.SERVER, Attributes.empty(), List.of())
        .getDecision();
  }

  private static Context sampledParent() {
    return Context.root()
        .with(
            Span.wrap(
                SpanContext.createFromRemoteParent(
                    TRACE, "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault())));
  }

  @Test
  void onlyAnEndpointOtherThanQuarkussDefaultCountsAsACollector() {
    Optional<String> none = Optional.empty();
    Optional<String> quarkusDefault = Optional.of("http://localhost:4317/");
    Optional<String> collector = Optional.of("http://otel-collector.observability:4317");
    assertThat(TraceSampling.collectorConfigured(none, none)).isFalse();
    assertThat(TraceSampling.collectorConfigured(quarkusDefault, quarkusDefault)).isFalse();
    assertThat(TraceSampling.collectorConfigured(collector, quarkusDefault)).isTrue();
    assertThat(TraceSampling.collectorConfigured(quarkusDefault, collector)).isTrue();
    assertThat(TraceSampling.collectorConfigured(Optional.of("http://127.0.0.1:4317"), none))
        .isTrue();
  }

  @Test
  void withoutACollectorNothingIsRecordedEvenWhenTheCallerSampled() {
    Sampler sampler = TraceSampling.forCollector(false);
    assertThat(decide(sampler, Context.root())).isEqualTo(SamplingDecision.DROP);
    assertThat(decide(sampler, sampledParent())).isEqualTo(SamplingDecision.DROP);
  }

  @Test
  void withACollectorEveryTraceIsRecorded() {
    Sampler sampler = TraceSampling.forCollector(true);
    assertThat(decide(sampler, Context.root())).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    assertThat(decide(sampler, sampledParent())).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
  }
}
