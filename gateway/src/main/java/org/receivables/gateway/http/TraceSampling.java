package org.receivables.gateway.http;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gateway's OpenTelemetry sampler, by the services' rule (kit-core's {@link
 * org.receivables.kit.core.TraceSampling}): spans are recorded only where an OTLP collector is
 * configured; without one the W3C trace context still reaches the services and trace ids the logs.
 */
@Singleton
public class TraceSampling {

  @Produces
  @Singleton
  Sampler sampler(
      @ConfigProperty(name = "quarkus.otel.exporter.otlp.endpoint") Optional<String> endpoint,
      @ConfigProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint")
          Optional<String> tracesEndpoint) {
    return org.receivables.kit.core.TraceSampling.collectorConfigured(endpoint, tracesEndpoint)
        ? Sampler.parentBased(Sampler.alwaysOn())
        : Sampler.alwaysOff();
  }
}
