package org.receivables.gateway.limits;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.gateway.GatewayConfig;
import org.receivables.gateway.auth.ApiKeys;
import org.receivables.gateway.auth.Caller;
import org.receivables.gateway.testing.DemoKeys;
import org.receivables.gateway.testing.FakeUpstream;
import org.receivables.gateway.testing.OidcProvider;

/**
 * Rate limits hold across gateway replicas: a second replica's limiter, with its own local leases,
 * shares the buckets of the gateway under test through the same PostgreSQL database. Each test uses
 * a fresh key or tenant, so no other test's traffic counts.
 */
@QuarkusTest
@TestProfile(SharedRateLimitsTest.Shared.class)
@WithTestResource(value = FakeUpstream.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcProvider.class, scope = TestResourceScope.GLOBAL)
class SharedRateLimitsTest {

  /** The shared store is opt-in (gateway.rate-limit.shared). */
  public static class Shared implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("gateway.rate-limit.shared", "true");
    }
  }

  @Inject GatewayConfig config;
  @Inject Vertx vertx;
  @Inject SharedBuckets shared;

  @Test
  void aKeySpentOnAnotherReplicaIsRefusedHere() throws Exception {
    String key = newKey();
    RateLimits otherReplica = new RateLimits(config, vertx, shared);

    assertThat(wait(otherReplica, callerOf(key))).as("the other replica takes the token").isZero();
    given()
        .header("X-API-Key", key)
        .get("/api/v1/invoices")
        .then()
        .statusCode(429)
        .header("Retry-After", org.hamcrest.Matchers.notNullValue());
  }

  @Test
  void aKeySpentHereIsRefusedOnAnotherReplica() throws Exception {
    String key = newKey();
    RateLimits otherReplica = new RateLimits(config, vertx, shared);

    given().header("X-API-Key", key).get("/api/v1/invoices").then().statusCode(200);
    assertThat(wait(otherReplica, callerOf(key))).as("refused there").isPositive();
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

  /** The caller the gateway makes of a stored key: its id is the key's hash. */
  private static Caller callerOf(String key) {
    String hash = HexFormat.of().formatHex(ApiKeys.sha256(key));
    return new Caller(hash, "replicas", "acme", Set.of("viewer"), 0.01);
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
