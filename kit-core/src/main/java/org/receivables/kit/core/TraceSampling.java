package org.receivables.kit.core;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether spans are worth recording: only where an OTLP collector is configured. Quarkus cannot
 * switch its OTLP exporter off at run time (without an endpoint it sends to its default,
 * localhost:4317), so a local run or a test without a collector would log an export failure every
 * few seconds. There every span is dropped at sampling instead: it still gets its ids, so the W3C
 * trace context still flows over HTTP and Kafka and trace ids still reach the logs, but nothing is
 * recorded or sent. The services (through service-kit) and the gateway each turn this answer into
 * their OpenTelemetry sampler.
 */
public final class TraceSampling {

  /**
   * The endpoint Quarkus fills in when none is given, and itself treats as "none given" (its {@code
   * OtlpExporterConfig.DEFAULT_GRPC_BASE_URI}; service-kit's tests check they agree).
   */
  public static final String QUARKUS_DEFAULT_ENDPOINT = "http://localhost:4317/";

  private TraceSampling() {}

  /**
   * Whether an endpoint other than Quarkus's default was given. A collector on this machine is
   * named without the default's trailing slash, or by 127.0.0.1.
   *
   * @param endpoint {@code quarkus.otel.exporter.otlp.endpoint}
   * @param tracesEndpoint {@code quarkus.otel.exporter.otlp.traces.endpoint}
   */
  public static boolean collectorConfigured(
      Optional<String> endpoint, Optional<String> tracesEndpoint) {
    return Stream.of(endpoint, tracesEndpoint)
        .flatMap(Optional::stream)
        .map(String::trim)
        .anyMatch(e -> !e.isEmpty() && !e.equals(QUARKUS_DEFAULT_ENDPOINT));
  }
}
