package org.receivables.gateway.http;

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
 * dropped at sampling instead: it still gets its ids, so the W3C trace context still reaches the
 * services and trace ids still reach the logs, but nothing is recorded or sent. The services apply
 * the same rule from the service kit, which the gateway does not depend on.
 */
@Singleton
public class TraceSampling {

  @Produces
  @Singleton
  Sampler sampler(
      @ConfigProperty(name = "quarkus.otel.exporter.otlp.endpoint") Optional<String> endpoint,
      @ConfigProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint")
          Optional<String> tracesEndpoint) {
    // Quarkus fills its default in and treats that value as "none given" itself.
    boolean collector =
        Stream.of(endpoint, tracesEndpoint)
            .flatMap(Optional::stream)
            .map(String::trim)
            .anyMatch(e -> !e.isEmpty() && !e.equals(OtlpExporterConfig.DEFAULT_GRPC_BASE_URI));
    return collector ? Sampler.parentBased(Sampler.alwaysOn()) : Sampler.alwaysOff();
  }
}
