package org.receivables.gateway.openapi;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.receivables.gateway.GatewayConfig;
import org.receivables.gateway.routing.RouteTable;

/**
 * Fetches the services' documents at most once per cache period, so that Swagger UI users cannot
 * turn into load on the services, and never lets one service that is down break the whole document.
 */
@ApplicationScoped
public class OpenApiDocuments {

  private static final Logger LOG = Logger.getLogger(OpenApiDocuments.class);

  private static final long RETRY_UNAVAILABLE_NANOS = 5_000_000_000L;

  private final HttpClient client;
  private final Map<String, URI> upstreams;
  private final long timeoutMillis;
  private final long ttlNanos;
  private final AtomicReference<Cached> cache = new AtomicReference<>();
  private final JsonObject own = gatewayDocument();

  public OpenApiDocuments(Vertx vertx, RouteTable routes, GatewayConfig config) {
    this.upstreams = routes.upstreams();
    this.timeoutMillis = config.openapi().fetchTimeout().toMillis();
    this.ttlNanos = config.openapi().cacheTtl().toNanos();
    this.client =
        vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeoutMillis));
  }

  @PreDestroy
  void close() {
    client.close();
  }

  public Future<JsonObject> merged() {
    Cached current = cache.get();
    if (current != null && System.nanoTime() < current.expiresAt()) {
      return current.document();
    }
    Future<JsonObject> fresh = fetchAll();
    Cached next = new Cached(fresh, System.nanoTime() + ttlNanos);
    // Concurrent callers share whichever fetch won the race.
    if (!cache.compareAndSet(current, next)) {
      return cache.get().document();
    }
    fresh.onSuccess(
        document -> {
          if (document.containsKey("x-unavailable")) {
            // Look again soon for a service that was down rather than hide it for a whole period.
            long retryAt = System.nanoTime() + Math.min(ttlNanos, RETRY_UNAVAILABLE_NANOS);
            cache.compareAndSet(next, new Cached(fresh, retryAt));
          }
        });
    return fresh;
  }

  private Future<JsonObject> fetchAll() {
    Map<String, Future<JsonObject>> pending = new LinkedHashMap<>();
    upstreams.forEach((service, base) -> pending.put(service, fetch(service, base)));
    return Future.join(new ArrayList<>(pending.values()))
        .transform(
            ignored -> {
              Map<String, JsonObject> documents = new LinkedHashMap<>();
              // The gateway's own API (key administration) comes last: services define the rest.
              List<String> unavailable = new ArrayList<>();
              pending.forEach(
                  (service, result) -> {
                    if (result.succeeded()) {
                      documents.put(service, result.result());
                    } else {
                      unavailable.add(service);
                    }
                  });
              documents.put(OpenApiMerger.GATEWAY, own.copy());
              return Future.succeededFuture(OpenApiMerger.merge(documents, unavailable));
            });
  }

  private Future<JsonObject> fetch(String service, URI base) {
    String basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setAbsoluteURI(
                base.getScheme()
                    + "://"
                    + base.getRawAuthority()
                    + basePath
                    + "/q/openapi?format=json")
            .putHeader("Accept", "application/json")
            .setConnectTimeout(timeoutMillis)
            .setIdleTimeout(timeoutMillis);
    return client
        .request(options)
        // The failure is reported below; without a handler Vert.x would log a timeout as ERROR.
        .compose(request -> request.exceptionHandler(failure -> {}).send())
        .compose(
            response ->
                response.statusCode() == 200
                    ? response.body()
                    : Future.failedFuture("status " + response.statusCode()))
        .map(body -> body.toJsonObject())
        .onFailure(
            failure ->
                LOG.warnf("OpenAPI document of %s unavailable: %s", service, failure.getMessage()));
  }

  /** The operations the gateway answers itself, from {@code openapi/gateway.json}. */
  static JsonObject gatewayDocument() {
    try (InputStream in =
        OpenApiDocuments.class.getClassLoader().getResourceAsStream("openapi/gateway.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi/gateway.json is missing from the gateway");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("openapi/gateway.json could not be read", e);
    }
  }

  private record Cached(Future<JsonObject> document, long expiresAt) {}
}
