package org.receivables.kit.tracing;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.quarkus.opentelemetry.runtime.config.runtime.exporter.OtlpExporterConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records spans only where an OTLP collector is configured. Quarkus cannot switch its OTLP exporter
 * off at run time (without an endpoint it sends to its default, localhost:4317), so a local run or
 * a test without a collector would log an export failure every few seconds. There every span is
 * dropped at sampling instead: it still gets its ids, so the W3C trace context still flows over
 * HTTP and Kafka and trace ids still reach the logs, but nothing is recorded or sent. Where
 * QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT names a collector (Kubernetes), every trace is recorded.
 */
@Singleton
public class TraceSampling {

  @Produces
  @Singleton
  Sampler sampler(
      @ConfigProperty(name = "quarkus.otel.exporter.otlp.endpoint") Optional<String> endpoint,
      @ConfigProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint")
          Optional<String> tracesEndpoint) {
    return forCollector(collectorConfigured(endpoint, tracesEndpoint));
  }

  /**
   * Whether an endpoint other than Quarkus's default was given: Quarkus fills the default in, and
   * treats that value as "none given" itself. A collector on this machine is named without the
   * default's trailing slash, or by 127.0.0.1.
   */
  public static boolean collectorConfigured(Optional<String> endpoint, Optional<String> traces) {
    return Stream.of(endpoint, traces)
        .flatMap(Optional::stream)
        .map(String::trim)
        .anyMatch(e -> !e.isEmpty() && !e.equals(OtlpExporterConfig.DEFAULT_GRPC_BASE_URI));
  }

  /** The sampler for a service with or without a collector to send spans to. */
  public static Sampler forCollector(boolean collectorConfigured) {
    return collectorConfigured ? Sampler.parentBased(Sampler.alwaysOn()) : Sampler.alwaysOff();
  }
}
