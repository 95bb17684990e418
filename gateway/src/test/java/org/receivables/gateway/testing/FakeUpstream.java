package org.receivables.gateway.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server standing in for the services: it echoes what reached it, or answers what the
 * test asks for through {@code X-Test-*} headers. Scoring points at a closed port to play a service
 * that is down.
 */
public class FakeUpstream implements QuarkusTestResourceLifecycleManager {

  public static final String PROBLEM =
      "{\"type\":\"https://receivables.org/problems/400\",\"title\":\"Bad Request\",\"status\":400,"
          + "\"detail\":\"issueDate is missing\",\"errors\":[{\"field\":\"issueDate\",\"message\":\"required\"}]}";

  private Vertx vertx;

  @Override
  public Map<String, String> start() {
    vertx = Vertx.vertx();
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(FakeUpstream::handle)
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .join();
    String url = "http://127.0.0.1:" + server.actualPort();
    return Map.of(
        "gateway.upstream.invoicing", url,
        "gateway.upstream.dunning", url,
        "gateway.upstream.kpi", url,
        "gateway.upstream.webhooks", url,
        "gateway.upstream.scoring", "http://127.0.0.1:" + closedPort());
  }

  @Override
  public void stop() {
    if (vertx != null) {
      vertx
          .close()
          .toCompletionStage()
          .toCompletableFuture()
          .orTimeout(10, TimeUnit.SECONDS)
          .join();
    }
  }

  private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

  /** Whether a request with this {@code X-Request-Id} has reached the fake service. */
  public static boolean seen(String requestId) {
    return SEEN.contains(requestId);
  }

  private static void handle(HttpServerRequest request) {
    String requestId = request.getHeader("X-Request-Id");
    if (requestId != null) {
      SEEN.add(requestId);
    }
    if (request.path().equals("/q/openapi")) {
      request.response().putHeader("Content-Type", "application/json").end(openApi().encode());
      return;
    }
    String mode = request.getHeader("X-Test-Mode");
    switch (mode == null ? "echo" : mode) {
      case "hang" -> request.pause();
      case "slow" -> slow(request, Long.parseLong(request.getHeader("X-Test-Delay")));
      case "problem" ->
          request
              .response()
              .setStatusCode(400)
              .putHeader("Content-Type", "application/problem+json")
              .end(PROBLEM);
      case "created" ->
          request
              .response()
              .setStatusCode(201)
              .putHeader("Location", "/api/v1/invoices/42")
              .putHeader("ETag", "\"7\"")
              .putHeader("Content-Type", "application/json")
              .end("{\"id\":\"42\"}");
      case "hop-by-hop" ->
          request
              .response()
              .putHeader("Connection", "X-Connection-Only")
              .putHeader("X-Connection-Only", "secret")
              .putHeader("Keep-Alive", "timeout=5")
              .putHeader("Proxy-Authenticate", "Basic")
              .putHeader("X-End-To-End", "kept")
              .end("ok");
      case "mirror" -> mirror(request);
      case "download" -> download(request, Integer.parseInt(request.getHeader("X-Test-Size")));
      default -> echo(request);
    }
  }

  /** Answers after a delay, by then the client may have gone. */
  private static void slow(HttpServerRequest request, long delayMillis) {
    request.pause();
    Vertx.currentContext()
        .owner()
        .setTimer(
            delayMillis,
            timer -> {
              request.resume();
              echo(request);
            });
  }

  /** Describes the request as JSON, the body by length and hash. */
  private static void echo(HttpServerRequest request) {
    request
        .body()
        .onSuccess(
            body -> {
              JsonObject headers = new JsonObject();
              request
                  .headers()
                  .names()
                  .forEach(
                      name ->
                          headers.put(
                              name.toLowerCase(), new JsonArray(request.headers().getAll(name))));
              JsonObject echo =
                  new JsonObject()
                      .put("method", request.method().name())
                      .put("uri", request.uri())
                      .put("path", request.path())
                      .put("query", request.query())
                      .put("headers", headers)
                      .put("bodyLength", body.length())
                      .put("bodySha256", sha256(body))
                      .put("body", body.length() <= 4096 ? body.toString() : null);
              request
                  .response()
                  .putHeader("Content-Type", "application/json")
                  .putHeader("X-Upstream", "fake")
                  .end(echo.encode());
            });
  }

  /** Streams the request body straight back, chunked. */
  private static void mirror(HttpServerRequest request) {
    request.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
    request.pipeTo(request.response());
  }

  /**
   * Streams generated bytes with back-pressure: the head and first chunks leave at once, instead of
   * after the whole body was queued on a busy machine (which once outlasted the test's 3 s
   * timeout).
   */
  private static void download(HttpServerRequest request, int size) {
    var response =
        request.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
    writeFrom(response, 0, size);
  }

  private static void writeFrom(HttpServerResponse response, int from, int size) {
    int chunk = 64 * 1024;
    for (int written = from; written < size; ) {
      response.write(Buffer.buffer(TestData.bytes(written, Math.min(chunk, size - written))));
      written += chunk;
      if (written < size && response.writeQueueFull()) {
        int next = written;
        response.drainHandler(drained -> writeFrom(response, next, size));
        return;
      }
    }
    response.end();
  }

  private static JsonObject openApi() {
    return new JsonObject(
        """
        {"openapi":"3.1.0","info":{"title":"invoicing","version":"1"},
         "tags":[{"name":"Invoices"}],
         "paths":{"/api/v1/invoices":{"get":{"tags":["Invoices"],"responses":{"200":{"description":"ok"}}}},
                  "/api/v1/invoices/{id}":{"get":{"responses":{"200":{"description":"ok"}}}}},
         "components":{"schemas":{"Invoice":{"type":"object"}}}}
        """);
  }

  public static String sha256(Buffer body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
