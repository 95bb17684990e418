package org.receivables.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.receivables.kit.testing.OpenApiContract;

/**
 * Where the running suite answers, and control of its processes through {@code bin/suite} of this
 * checkout (kill, start), for the tests that break things on purpose. The addresses come from
 * system properties that {@code bin/suite test} passes, shifted by {@code SUITE_PORT_OFFSET}.
 *
 * <p>Every REST Assured call of every test is checked against the OpenAPI document of the app it
 * calls (the gateway's merged document for the API) by {@link OpenApiCheck}, which JUnit installs
 * before any test class (autodetected extension, see {@code junit-platform.properties}).
 */
public final class Suite {

  static final String GATEWAY = System.getProperty("suite.gateway.url", "http://127.0.0.1:8080");

  /** Every service by name, with its base URL (health is read there, never an API). */
  static final Map<String, String> SERVICES = services();

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Suite() {}

  private static Map<String, String> services() {
    Map<String, String> services = new LinkedHashMap<>();
    services.put("gateway", GATEWAY);
    services.put("invoicing", System.getProperty("suite.invoicing.url", "http://127.0.0.1:8081"));
    services.put("scoring", System.getProperty("suite.scoring.url", "http://127.0.0.1:8082"));
    services.put("dunning", System.getProperty("suite.dunning.url", "http://127.0.0.1:8083"));
    services.put("kpi", System.getProperty("suite.kpi.url", "http://127.0.0.1:8084"));
    services.put("webhooks", System.getProperty("suite.webhooks.url", "http://127.0.0.1:8085"));
    return services;
  }

  /**
   * Puts the kit's {@link OpenApiContract} in front of every REST Assured call of the system tests,
   * so a response that breaks the published document fails the test that received it. Calls through
   * {@code java.net.http} (the chaos tests' RetryingClient, OverloadIT's load) are not checked:
   * they measure availability, not the contract.
   */
  public static final class OpenApiCheck implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      OpenApiContract.installForEveryCall();
    }
  }

  /** SIGKILL of one part ({@code kafka} or a service), as a crash would do it. */
  static void kill(String part) {
    run("kill", part);
  }

  /** Starts one part and returns once it is ready (a service: healthy). */
  static void start(String part) {
    run("start", part);
  }

  private static void run(String command, String part) {
    Path root = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
    ProcessBuilder builder =
        new ProcessBuilder(root.resolve("bin/suite").toString(), command, part)
            .directory(root.toFile())
            .redirectErrorStream(true);
    builder.environment().put("SUITE_PORT_OFFSET", System.getProperty("suite.port.offset", "0"));
    try {
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int rc = process.waitFor();
      System.out.print(output.indent(4));
      assertThat(rc).as("bin/suite %s %s failed:%n%s", command, part, output).isZero();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run bin/suite under " + root, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The HTTP status of a part's readiness check, or 0 when it does not answer. */
  static int readiness(String service) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(SERVICES.get(service) + "/q/health/ready"))
              .timeout(Duration.ofSeconds(5))
              .build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits (bounded) until every service and the gateway report ready. */
  static void awaitAllReady(Duration timeout) {
    List<String> names = List.copyOf(SERVICES.keySet());
    await(
        "all parts ready: " + names,
        timeout,
        () -> names.stream().allMatch(name -> readiness(name) == 200));
  }

  /** Polls {@code condition} every 250 ms until it holds; fails after {@code timeout}. */
  static void await(String what, Duration timeout, BooleanSupplier condition) {
    await(what, timeout, condition, () -> "");
  }

  /** As above; {@code lastSeen} tells in the failure what the last poll saw. */
  static void await(
      String what, Duration timeout, BooleanSupplier condition, Supplier<String> lastSeen) {
    Awaitility.await(what)
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () ->
                assertThat(condition.getAsBoolean())
                    .as(() -> "last seen: " + lastSeen.get())
                    .isTrue());
  }

  /** Paces a client (a writer's rhythm, a Retry-After); never used to wait for a condition. */
  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
