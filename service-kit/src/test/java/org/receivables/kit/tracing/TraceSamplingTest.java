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
import io.quarkus.opentelemetry.runtime.config.runtime.exporter.OtlpExporterConfig;
import java.util.List;
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
  void kitCoreKnowsQuarkussDefaultEndpoint() {
    // kit-core cannot depend on Quarkus: its copy of the default must stay Quarkus's
    assertThat(org.receivables.kit.core.TraceSampling.QUARKUS_DEFAULT_ENDPOINT)
        .isEqualTo(OtlpExporterConfig.DEFAULT_GRPC_BASE_URI);
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
