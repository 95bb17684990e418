package org.receivables.gateway.limits;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.receivables.gateway.GatewayConfig;
import org.receivables.gateway.auth.Caller;
import org.receivables.gateway.testing.DemoKeys;
import org.receivables.gateway.testing.FakeUpstream;
import org.receivables.gateway.testing.GatewayReplicas;
import org.receivables.gateway.testing.OidcProvider;

/**
 * Rate limits hold across gateway replicas (shared by default): a second gateway in this process
 * ({@link GatewayReplicas}: the same routes on a Vert.x, a port and a limiter of its own) shares
 * the buckets of the gateway under test through the same PostgreSQL database. Each test uses a
 * fresh key or tenant, so no other test's traffic counts.
 */
@QuarkusTest
@WithTestResource(value = FakeUpstream.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcProvider.class, scope = TestResourceScope.GLOBAL)
class SharedRateLimitsTest {

  @Inject GatewayConfig config;
  @Inject Vertx vertx;
  @Inject SharedBuckets shared;
  @Inject GatewayReplicas replicas;
  @Inject AgroalDataSource db;

  @Test
  void aKeySpentOnAnotherGatewayIsRefusedHere() throws Exception {
    String key = newKey();
    try (GatewayReplicas.Replica other = replicas.start()) {
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
    try (GatewayReplicas.Replica other = replicas.start()) {
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

  @Test
  void onceTheSharedBucketRanShortARefusalNeverWaitsForTheDatabase() throws Exception {
    GatewayConfig tight = withTenantLimit(config, 0.001, 1);
    AtomicLong now = new AtomicLong();
    RateLimits limits = new RateLimits(tight, vertx, shared, now::get);
    String tenant = "t-" + UUID.randomUUID();
    Caller caller = new Caller("k-" + tenant, "client", tenant, Set.of("viewer"), null);
    assertThat(wait(limits, caller)).as("the tenant's one token").isZero();
    assertThat(wait(limits, caller)).as("the shared bucket is empty").isPositive();
    // Past the wait PostgreSQL named: the bucket may have refilled, this replica cannot know.
    now.addAndGet(Duration.ofHours(1).toNanos());
    try (Connection lock = db.getConnection()) {
      lock.setAutoCommit(false);
      try (PreparedStatement row =
          lock.prepareStatement(
              "select bucket_key from rate_limit_bucket where bucket_key = ? for update")) {
        row.setString(1, "tenant:" + tenant);
        try (ResultSet locked = row.executeQuery()) {
          assertThat(locked.next()).as("the shared bucket's row").isTrue();
        }
      }
      // Until the rollback, any lease of this bucket waits in PostgreSQL.
      Future<Long> answer = limits.admit(caller);
      assertThat(answer.isComplete()).as("answered without waiting for the lease").isTrue();
      assertThat(answer.result()).as("refused").isPositive();
      lock.rollback();
    }
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
    return DemoKeys.created(0.01);
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
