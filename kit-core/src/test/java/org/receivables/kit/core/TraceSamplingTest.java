package org.receivables.kit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TraceSamplingTest {

  @Test
  void noEndpointOrQuarkussDefaultMeansNoCollector() {
    assertThat(TraceSampling.collectorConfigured(Optional.empty(), Optional.empty())).isFalse();
    assertThat(
            TraceSampling.collectorConfigured(
                Optional.of(TraceSampling.QUARKUS_DEFAULT_ENDPOINT), Optional.of("  ")))
        .isFalse();
  }

  @Test
  void anyOtherEndpointMeansACollector() {
    assertThat(
            TraceSampling.collectorConfigured(
                Optional.of("http://otel-collector:4317"), Optional.empty()))
        .isTrue();
    assertThat(
            TraceSampling.collectorConfigured(
                Optional.empty(), Optional.of("http://localhost:4317")))
        .isTrue();
    assertThat(
            TraceSampling.collectorConfigured(
                Optional.of(TraceSampling.QUARKUS_DEFAULT_ENDPOINT),
                Optional.of("http://127.0.0.1:4317/")))
        .isTrue();
  }
}
