package org.receivables.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.receivables.kit.testing.OpenApiContract;

/**
 * A second fuzzer, independent of {@code BadInputFuzzIT}: {@link SchemaRequests} generates whole
 * requests for every operation of the gateway's merged OpenAPI document from the document's own
 * schemas, mixing valid and hostile values in every part, and sends them round-robin over the
 * operations as a tenant with every role. Every answer must be: no 5xx; every 4xx {@code
 * application/problem+json}; every response, 2xx included, conform to the document (the kit's
 * {@code OpenApiContract}, installed for every REST Assured call by {@link Suite.OpenApiCheck},
 * which also fails a request the document rejects but the suite accepts).
 *
 * <p>Seeded: {@code -Dfuzz.schema.seed} (printed at the start and in every failure) replays the
 * same requests; {@code -Dfuzz.schema.requests} sets the volume (default 3,000) and {@code
 * -Dfuzz.schema.maxSeconds} bounds the run (default 300 s; the requests sent are printed).
 */
class SchemaFuzzIT {

  private static final long SEED = Long.getLong("fuzz.schema.seed", 20261206L);
  private static final int REQUESTS = Integer.getInteger("fuzz.schema.requests", 3000);
  private static final long MAX_SECONDS = Long.getLong("fuzz.schema.maxSeconds", 300);
  private static final int CALLERS = 4;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Operations that answer out-of-schema items in-band, in their 200 (API.md: a PER_ITEM batch
   * reports each rejected invoice): their responses are checked, their requests not held against
   * the 200.
   */
  private static final Set<String> IN_BAND = Set.of("POST /api/v1/invoices/batch");

  /** The client sends the bytes as generated: no charset added, no re-encoding of the target. */
  private static final RestAssuredConfig RAW =
      RestAssuredConfig.config()
          .encoderConfig(
              EncoderConfig.encoderConfig()
                  .appendDefaultContentCharsetToContentTypeIfUndefined(false))
          .httpClient(
              HttpClientConfig.httpClientConfig()
                  .setParam("http.socket.timeout", 60_000)
                  .setParam("http.connection.timeout", 5_000));

  @Test
  void generatedRequestsOverEveryOperationGetNo5xxOnlyProblemRefusalsAndDocumentedAnswers()
      throws Exception {
    System.out.printf(
        "SchemaFuzzIT: seed %d (replay with -Dfuzz.schema.seed=%d), %d requests%n",
        SEED, SEED, REQUESTS);
    JsonNode document =
        JSON.readTree(
            given()
                .baseUri(Suite.GATEWAY)
                .accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    SchemaRequests generator = new SchemaRequests(document, SEED);
    List<String[]> operations = generator.operations();
    assertThat(operations).as("operations in the merged document").hasSizeGreaterThan(50);

    // callers of a tenant of this run, each its own credential (rate limits are per credential)
    String tenant = LocalIdentityProvider.freshTenant("schemafuzz");
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < CALLERS; i++) {
      tokens.add(LocalIdentityProvider.token(tenant, "fuzzer-" + i + "-" + tenant));
    }

    List<String> failures = new ArrayList<>();
    Map<Integer, Integer> statuses = new TreeMap<>();
    long deadline = System.nanoTime() + MAX_SECONDS * 1_000_000_000L;
    int sent = 0;
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    try {
      // generated in order, sent CALLERS at a time, judged in order: the ids a batch created feed
      // the next batch, so the same seed gives the same requests whatever the timing
      for (int i = 0; i < REQUESTS && System.nanoTime() < deadline; i += CALLERS) {
        List<SchemaRequests.Generated> batch = new ArrayList<>();
        List<Future<Outcome>> outcomes = new ArrayList<>();
        for (int k = 0; k < CALLERS && i + k < REQUESTS; k++) {
          String[] operation = operations.get((i + k) % operations.size());
          SchemaRequests.Generated request = generator.next(operation[0], operation[1]);
          String token = tokens.get(k);
          batch.add(request);
          outcomes.add(callers.submit(() -> send(request, token)));
        }
        for (int k = 0; k < batch.size(); k++) {
          SchemaRequests.Generated request = batch.get(k);
          String where =
              String.format(
                  "#%d %s %s [%s] (seed %d)",
                  i + k, request.method(), request.template(), request.summary(), SEED);
          Outcome outcome = outcomes.get(k).get();
          sent++;
          if (outcome.failure() != null) {
            failures.add(where + ": " + abbreviate(outcome.failure(), 600));
            continue;
          }
          int status = outcome.status();
          statuses.merge(status, 1, Integer::sum);
          String type = String.valueOf(outcome.contentType());
          if (status >= 500) {
            failures.add(where + ": " + status + " " + abbreviate(outcome.body(), 300));
          } else if (status >= 400 && !type.startsWith("application/problem+json")) {
            failures.add(
                where
                    + ": "
                    + status
                    + " not problem+json ("
                    + type
                    + ") "
                    + abbreviate(outcome.body(), 200));
          } else if (status >= 200 && status < 300 && type.contains("json")) {
            JsonNode body = JSON.readTree(outcome.body().isEmpty() ? "{}" : outcome.body());
            generator.remember(body.path("id").asText(null));
          }
        }
      }
    } finally {
      callers.shutdownNow();
    }
    System.out.printf(
        "SchemaFuzzIT: seed %d, %d requests over %d operations, statuses %s, %d failures%n",
        SEED, sent, operations.size(), statuses, failures.size());
    failures.stream().limit(60).forEach(f -> System.out.println("  " + f));
    assertThat(sent)
        .as("requests sent within %d s", MAX_SECONDS)
        .isGreaterThanOrEqualTo(operations.size());
    assertThat(failures).as("seed %d, %d requests", SEED, sent).isEmpty();
  }

  /** An answer as received, or why there is none that could be judged. */
  private record Outcome(int status, String contentType, String body, String failure) {}

  private static Outcome send(SchemaRequests.Generated request, String token) {
    try {
      Response response =
          IN_BAND.contains(request.method() + " " + request.template())
              ? inBand(() -> sendOnce(request, token))
              : sendOnce(request, token);
      return new Outcome(response.statusCode(), response.contentType(), response.asString(), null);
    } catch (AssertionError contract) {
      // the kit's OpenApiContract: the exchange breaks the document
      return new Outcome(0, null, null, contract.getMessage());
    } catch (RuntimeException unsendable) {
      return new Outcome(0, null, null, "could not be sent or checked: " + unsendable);
    }
  }

  private static Response inBand(Supplier<Response> call) {
    Response[] response = new Response[1];
    OpenApiContract.inBandRejections(() -> response[0] = call.get());
    return response[0];
  }

  private static Response sendOnce(SchemaRequests.Generated request, String token) {
    for (int attempt = 1; ; attempt++) {
      RequestSpecification spec =
          given()
              .config(RAW)
              .baseUri(Suite.GATEWAY)
              .urlEncodingEnabled(false)
              .header("Authorization", "Bearer " + token)
              .headers(request.headers());
      if (request.body() != null) {
        spec.contentType(request.contentType()).body(request.body());
      }
      Response response = spec.request(request.method(), request.target());
      if (response.statusCode() != 429 || attempt == 10) {
        return response;
      }
      Suite.pause(java.time.Duration.ofSeconds(1));
    }
  }

  private static String abbreviate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max) + "…";
  }
}
