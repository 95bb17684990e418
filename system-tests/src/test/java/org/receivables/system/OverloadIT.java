package org.receivables.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Twice what the gateway lets through, in the two ways it bounds work: a credential sending at
 * twice its rate limit, and twice as many concurrent requests as the gateway lets one service have
 * in flight (read from its metrics). The gateway sheds the excess at once with 429 or 503
 * problem+json and {@code Retry-After}; it never answers another 5xx, never drops a connection, no
 * part of the suite dies, and normal requests succeed again right after.
 *
 * <p>Each phase works in tenants of its own (local Bearer tokens), so the per-tenant limit of a
 * shared tenant never decides the outcome. Counts are printed; the assertions are on status codes,
 * never on timing.
 */
class OverloadIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUMMARY = "/api/v1/kpis/summary?asOf=2026-06-30";
  private static final Pattern LIMIT =
      Pattern.compile("gateway_upstream_in_flight_limit\\{upstream=\"kpi\"} ([0-9.]+)");

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /** Outcomes by status (0: connection error), and what each shed answer carried. */
  private final Map<Integer, AtomicInteger> outcomes = new ConcurrentHashMap<>();

  private final List<String> badShedding = new ArrayList<>();

  @Test
  void twiceTheRateOfAKeyIsShedWith429AndTheSuiteRecovers() throws Exception {
    String tenant = LocalIdentityProvider.freshTenant("overload-rate");
    String admin = "Bearer " + LocalIdentityProvider.token(tenant, "admin-" + tenant);
    double rate = 5;
    JsonNode key =
        JSON.readTree(
            send(HttpRequest.newBuilder(URI.create(Suite.GATEWAY + "/admin/v1/api-keys"))
                    .header("Authorization", admin)
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"name\":\"overload\",\"roles\":[\"viewer\"],"
                                + "\"requestsPerSecond\":"
                                + rate
                                + "}"))
                    .build())
                .body());
    String apiKey = key.path("key").asText();
    assertThat(apiKey).as("created key: %s", key).isNotBlank();

    // open loop at twice the key's rate for 4 s, spread over a few connections
    ExecutorService senders = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> sent = new ArrayList<>();
      long intervalNanos = (long) (1_000_000_000L / (2 * rate));
      long start = System.nanoTime();
      for (int i = 0; i < 4 * 2 * rate; i++) {
        long due = start + i * intervalNanos;
        Suite.pause(Duration.ofNanos(Math.max(0, due - System.nanoTime())));
        sent.add(senders.submit(() -> record(withKey(apiKey, SUMMARY))));
      }
      for (Future<?> f : sent) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      senders.shutdownNow();
      send(
          HttpRequest.newBuilder(
                  URI.create(Suite.GATEWAY + "/admin/v1/api-keys/" + key.path("id").asText()))
              .header("Authorization", admin)
              .DELETE()
              .build());
    }
    System.out.println("OverloadIT rate phase: " + outcomes);

    assertOnlyShedding(200, 429);
    assertThat(count(429)).as("requests over the rate refused").isPositive();
    assertThat(count(200)).as("requests within the rate served").isPositive();
    assertTheSuiteRecovers(tenant);
  }

  @Test
  void twiceTheInFlightCapacityIsShedAndTheSuiteRecovers() throws Exception {
    int limit = inFlightLimit();
    int clients = 2 * limit;
    // a tenant per 20 clients and a subject per client: the rate limits stay out of the way
    List<String> tokens = new ArrayList<>();
    String tenant = "";
    for (int c = 0; c < clients; c++) {
      if (c % 20 == 0) {
        tenant = LocalIdentityProvider.freshTenant("overload-burst");
      }
      tokens.add("Bearer " + LocalIdentityProvider.token(tenant, "client-" + c));
    }
    Instant end = Instant.now().plus(Duration.ofSeconds(5));
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (String token : tokens) {
        running.add(
            pool.submit(
                () -> {
                  while (Instant.now().isBefore(end)) {
                    record(
                        HttpRequest.newBuilder(URI.create(Suite.GATEWAY + SUMMARY))
                            .timeout(Duration.ofSeconds(60))
                            .header("Authorization", token)
                            .build());
                  }
                }));
      }
      for (Future<?> f : running) {
        f.get(180, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.println(
        "OverloadIT in-flight phase (" + clients + " clients, limit " + limit + "): " + outcomes);

    assertOnlyShedding(200, 429, 503);
    assertThat(count(429) + count(503)).as("requests shed").isPositive();
    assertThat(count(200)).as("requests served").isPositive();
    assertTheSuiteRecovers(tenant);
  }

  // ------------------------------------------------------------------ helpers

  private void assertOnlyShedding(Integer... allowed) {
    assertThat(outcomes.keySet()).as("statuses (0: connection error)").isSubsetOf(allowed);
    assertThat(badShedding).as("shed answers without problem+json or Retry-After").isEmpty();
  }

  /** Every part healthy, and a normal request served again within a bounded wait. */
  private void assertTheSuiteRecovers(String tenant) {
    Suite.awaitAllReady(Duration.ofSeconds(60));
    String token = "Bearer " + LocalIdentityProvider.token(tenant, "after-" + tenant);
    Suite.await(
        "a normal request to succeed after the overload",
        Duration.ofSeconds(30),
        () -> {
          try {
            return send(HttpRequest.newBuilder(URI.create(Suite.GATEWAY + SUMMARY))
                        .header("Authorization", token)
                        .build())
                    .statusCode()
                == 200;
          } catch (IOException e) {
            return false;
          }
        });
  }

  private int inFlightLimit() throws IOException {
    String metrics =
        send(HttpRequest.newBuilder(URI.create(Suite.GATEWAY + "/q/metrics")).build()).body();
    Matcher m = LIMIT.matcher(metrics);
    assertThat(m.find()).as("the gateway publishes its in-flight limit").isTrue();
    return (int) Double.parseDouble(m.group(1));
  }

  private static HttpRequest withKey(String apiKey, String path) {
    return HttpRequest.newBuilder(URI.create(Suite.GATEWAY + path))
        .timeout(Duration.ofSeconds(60))
        .header("X-API-Key", apiKey)
        .build();
  }

  private void record(HttpRequest request) {
    int status;
    try {
      HttpResponse<String> response = send(request);
      status = response.statusCode();
      if (status == 429 || status == 503) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        String retryAfter = response.headers().firstValue("Retry-After").orElse("");
        if (!type.startsWith("application/problem+json") || !retryAfter.matches("[1-9][0-9]*")) {
          badShedding.add(status + " Content-Type=" + type + " Retry-After=" + retryAfter);
        }
      }
    } catch (IOException e) {
      status = 0;
    }
    outcomes.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
  }

  private int count(int status) {
    AtomicInteger n = outcomes.get(status);
    return n == null ? 0 : n.get();
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
