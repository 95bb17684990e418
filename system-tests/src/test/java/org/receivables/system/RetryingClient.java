package org.receivables.system;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Calls the gateway as a careful ERP does while parts of the suite crash: every creating request
 * carries an {@code Idempotency-Key}, and the same request with the same key is sent again after a
 * connection error, 502, 503, 504, 429 or 409 "request in progress" until a final answer comes
 * (bounded). A final answer is what the ERP would record; the test holds the suite to it.
 */
final class RetryingClient {

  // amounts stay exact decimals
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final Set<Integer> TRANSIENT = Set.of(429, 502, 503, 504);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final String authorization;
  private final Duration patience;

  /** A final answer: status and body (null when empty). */
  record Answer(int status, JsonNode body, int attempts) {
    boolean ok() {
      return status >= 200 && status <= 299;
    }

    String text(String field) {
      return body == null ? null : body.path(field).asText(null);
    }
  }

  RetryingClient(String bearerToken, Duration patience) {
    this.authorization = "Bearer " + bearerToken;
    this.patience = patience;
  }

  /** A creating POST, retried with one Idempotency-Key until a final answer. */
  Answer create(String path, Object body) {
    return send("POST", path, body, UUID.randomUUID().toString());
  }

  Answer get(String path) {
    return send("GET", path, null, null);
  }

  /** A PUT (idempotent by nature), retried as is. */
  Answer put(String path, Object body) {
    return send("PUT", path, body, null);
  }

  /** A POST that creates nothing (e.g. a question asked of a service), retried as a read. */
  Answer ask(String path, Object body) {
    return send("POST", path, body, null);
  }

  private Answer send(String method, String path, Object body, String idempotencyKey) {
    HttpRequest request = request(method, path, body, idempotencyKey);
    Instant deadline = Instant.now().plus(patience);
    int attempts = 0;
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      attempts++;
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        JsonNode json =
            response.body() == null || response.body().isBlank()
                ? null
                : JSON.readTree(response.body());
        if (!retryable(status, json)) {
          return new Answer(status, json, attempts);
        }
        last = status + " " + response.body();
        Suite.pause(backoff(response));
      } catch (IOException e) {
        // refused, reset or timed out: the part is restarting, or the answer was lost on the way
        last = e.toString();
        Suite.pause(Duration.ofMillis(200));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError(
        method
            + " "
            + path
            + " got no final answer in "
            + patience
            + " ("
            + attempts
            + " attempts, last: "
            + last
            + ")");
  }

  private static boolean retryable(int status, JsonNode json) {
    if (TRANSIENT.contains(status)) {
      return true;
    }
    // the same key still being processed (e.g. its first attempt's connection was cut)
    return status == 409
        && json != null
        && "Request in progress".equals(json.path("title").asText());
  }

  private static Duration backoff(HttpResponse<String> response) {
    // honour Retry-After, but a test has no time to wait the whole of it
    long seconds =
        response.headers().firstValue("Retry-After").map(RetryingClient::seconds).orElse(0L);
    return Duration.ofMillis(Math.min(1000, Math.max(200, seconds * 1000)));
  }

  private static long seconds(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private HttpRequest request(String method, String path, Object body, String idempotencyKey) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(Suite.GATEWAY + path))
            .timeout(Duration.ofSeconds(40))
            .header("Authorization", authorization)
            .header("Accept", "application/json");
    if (idempotencyKey != null) {
      builder.header("Idempotency-Key", idempotencyKey);
    }
    if (body == null) {
      return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    try {
      return builder
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
          .build();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
