package org.receivables.gateway.limits;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.receivables.gateway.GatewayConfig;
import org.receivables.gateway.auth.Authentication;
import org.receivables.gateway.auth.Caller;
import org.receivables.gateway.http.AccessLog;
import org.receivables.gateway.routing.ProxyHandler;
import org.receivables.gateway.testing.DemoKeys;
import org.receivables.gateway.testing.FakeUpstream;
import org.receivables.gateway.testing.OidcProvider;

/**
 * Rate limits hold across gateway replicas (shared by default): a second gateway in this process,
 * serving HTTP on a port of its own with its own limiter and local leases, shares the buckets of
 * the gateway under test through the same PostgreSQL database. Each test uses a fresh key or
 * tenant, so no other test's traffic counts.
 */
@QuarkusTest
@WithTestResource(value = FakeUpstream.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcProvider.class, scope = TestResourceScope.GLOBAL)
class SharedRateLimitsTest {

  @Inject GatewayConfig config;
  @Inject Vertx vertx;
  @Inject SharedBuckets shared;
  @Inject Authentication authentication;
  @Inject ProxyHandler proxy;

  @Test
  void aKeySpentOnAnotherGatewayIsRefusedHere() throws Exception {
    String key = newKey();
    try (SecondGateway other = secondGateway()) {
      given()
          .port(other.port())
          .header("X-API-Key", key)
          .get("/api/v1/invoices")
          .then()
          .statusCode(200);
      given()
          .header("X-API-Key", key)
          .get("/api/v1/invoices")
          .then()
          .statusCode(429)
          .contentType("application/problem+json")
          .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }
  }

  @Test
  void aKeySpentHereIsRefusedOnAnotherGateway() throws Exception {
    String key = newKey();
    try (SecondGateway other = secondGateway()) {
      given().header("X-API-Key", key).get("/api/v1/invoices").then().statusCode(200);
      given()
          .port(other.port())
          .header("X-API-Key", key)
          .get("/api/v1/invoices")
          .then()
          .statusCode(429)
          .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }
  }

  @Test
  void aFreshTenantAdmitsItsWholeBurstOnceAcrossTwoReplicasUnderConcurrentRequests()
      throws Exception {
    // All requests at once, from both replicas: leases race, a share is spent by other requests
    // while its lease is under way; still exactly the burst is admitted, not more, not less.
    GatewayConfig tight = withTenantLimit(config, 0.001, 12);
    RateLimits a = new RateLimits(tight, vertx, shared);
    RateLimits b = new RateLimits(tight, vertx, shared);
    String tenant = "t-" + UUID.randomUUID();
    List<Future<Long>> answers = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Caller caller =
          new Caller("k" + (i % 3) + "-" + tenant, "client", tenant, Set.of("viewer"), null);
      RateLimits replica = i % 2 == 0 ? a : b;
      answers.add(
          vertx.<Future<Long>>executeBlocking(() -> replica.admit(caller), false).compose(f -> f));
    }
    long admitted = 0;
    for (Future<Long> answer : answers) {
      admitted +=
          answer.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS) == 0 ? 1 : 0;
    }
    assertThat(admitted).as("the tenant's burst of 12, once").isEqualTo(12);
  }

  @Test
  void aTenantsLimitHoldsAcrossTwoReplicas() throws Exception {
    // A tenant of 12 requests and (practically) no refill; keys with room to spare.
    GatewayConfig tight = withTenantLimit(config, 0.001, 12);
    RateLimits a = new RateLimits(tight, vertx, shared);
    RateLimits b = new RateLimits(tight, vertx, shared);
    String tenant = "t-" + UUID.randomUUID();
    int admittedA = 0;
    int admittedB = 0;
    for (int i = 0; i < 40; i++) {
      Caller caller =
          new Caller("k" + (i % 4) + "-" + tenant, "client", tenant, Set.of("viewer"), null);
      if (i % 2 == 0) {
        admittedA += wait(a, caller) == 0 ? 1 : 0;
      } else {
        admittedB += wait(b, caller) == 0 ? 1 : 0;
      }
    }
    assertThat(admittedA + admittedB).as("the tenant's 12, not 12 per replica").isEqualTo(12);
    assertThat(admittedA).as("replica A served some").isPositive();
    assertThat(admittedB).as("replica B served some").isPositive();
  }

  private static long wait(RateLimits limits, Caller caller) throws Exception {
    return limits
        .admit(caller)
        .toCompletionStage()
        .toCompletableFuture()
        .get(Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /**
   * Another gateway replica as the real one builds its API routes, with the same authentication and
   * proxy but a Vert.x, an HTTP server, a port and a rate limiter of its own. Closing it closes its
   * Vert.x.
   */
  private SecondGateway secondGateway() {
    Vertx own = Vertx.vertx();
    RateLimits limits = new RateLimits(config, own, shared);
    Router router = Router.router(own);
    router
        .routeWithRegex("/api(/.*)?")
        .handler(AccessLog::handle)
        .handler(authentication::handle)
        .handler(limits::handle)
        .handler(proxy::handle);
    HttpServer server =
        own.createHttpServer()
            .requestHandler(router)
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .join();
    return new SecondGateway(own, server.actualPort());
  }

  private record SecondGateway(Vertx vertx, int port) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  /** A stored key of tenant acme allowed one request per 100 s: one token, then 429. */
  private static String newKey() {
    return given()
        .header("X-API-Key", DemoKeys.ACME_ADMIN)
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                "replicas-" + UUID.randomUUID(),
                "roles",
                List.of("viewer"),
                "requestsPerSecond",
                0.01))
        .post("/admin/v1/api-keys")
        .then()
        .statusCode(201)
        .extract()
        .path("key");
  }

  /** The gateway's settings with another per-tenant bucket. */
  private static GatewayConfig withTenantLimit(GatewayConfig real, double rate, int burst) {
    GatewayConfig.Bucket tenant = bucket(rate, burst);
    GatewayConfig.Bucket perKey = bucket(1000, 1000);
    GatewayConfig.RateLimit limits =
        proxy(
            GatewayConfig.RateLimit.class,
            real.rateLimit(),
            Map.of("perTenant", tenant, "perKey", perKey));
    return proxy(GatewayConfig.class, real, Map.of("rateLimit", limits));
  }

  private static GatewayConfig.Bucket bucket(double rate, int burst) {
    return proxy(
        GatewayConfig.Bucket.class, null, Map.of("requestsPerSecond", rate, "burst", burst));
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T real, Map<String, Object> overrides) {
    return (T)
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) ->
                overrides.containsKey(method.getName())
                    ? overrides.get(method.getName())
                    : method.invoke(real, args));
  }
}
