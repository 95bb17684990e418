package org.receivables.kit.tracing;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The services' OpenTelemetry sampler: every trace is recorded where an OTLP collector is
 * configured, none elsewhere (the rule, and why, in kit-core's {@link
 * org.receivables.kit.core.TraceSampling}, which the gateway applies too).
 */
@Singleton
public class TraceSampling {

  @Produces
  @Singleton
  Sampler sampler(
      @ConfigProperty(name = "quarkus.otel.exporter.otlp.endpoint") Optional<String> endpoint,
      @ConfigProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint")
          Optional<String> tracesEndpoint) {
    return forCollector(
        org.receivables.kit.core.TraceSampling.collectorConfigured(endpoint, tracesEndpoint));
  }

  /** The sampler for a service with or without a collector to send spans to. */
  public static Sampler forCollector(boolean collectorConfigured) {
    return collectorConfigured ? Sampler.parentBased(Sampler.alwaysOn()) : Sampler.alwaysOff();
  }
}
