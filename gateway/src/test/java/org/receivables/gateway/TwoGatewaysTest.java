package org.receivables.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.receivables.gateway.testing.DemoKeys;
import org.receivables.gateway.testing.FakeUpstream;
import org.receivables.gateway.testing.GatewayReplicas;

/**
 * Two gateway replicas side by side on one PostgreSQL: the app under test, and a second gateway
 * started here with the same routes ({@link GatewayRoutes}) on a Vert.x, a port, rate limiter,
 * in-flight gates and upstream client of its own. Requests of one tenant spread over both get no
 * more than the tenant's limit: its burst, plus its rate over the time the requests took, plus the
 * lease slack of docs/security.md (a share per replica, here one token each).
 */
@QuarkusTest
@TestProfile(TwoGatewaysTest.TightTenant.class)
@WithTestResource(value = FakeUpstream.class, scope = TestResourceScope.GLOBAL)
class TwoGatewaysTest {

  static final double RATE = 5;
  static final int BURST = 10;

  /** A tenant limit small enough to be passed many times over by a few hundred requests. */
  public static class TightTenant implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "gateway.rate-limit.per-tenant.requests-per-second", Double.toString(RATE),
          "gateway.rate-limit.per-tenant.burst", Integer.toString(BURST));
    }
  }

  private static final int REQUESTS = 300;
  private static final int CLIENTS = 12;

  @Inject GatewayReplicas replicas;

  @Test
  void aTenantsLimitHoldsOverRequestsSpreadAcrossTwoGateways() throws Exception {
    try (GatewayReplicas.Replica second = replicas.start()) {
      int[] ports = {RestAssured.port, second.port()};
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      AtomicInteger next = new AtomicInteger();
      int[][] answers = new int[2][600];
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      long start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        done.add(
            clients.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < REQUESTS; i = next.getAndIncrement()) {
                    int replica = i % 2;
                    int status = get(client, ports[replica]);
                    synchronized (answers) {
                      answers[replica][status]++;
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get(5, TimeUnit.MINUTES);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      clients.shutdown();

      int admitted = answers[0][200] + answers[1][200];
      int refused = answers[0][429] + answers[1][429];
      assertThat(admitted + refused).as("every answer a 200 or a 429").isEqualTo(REQUESTS);
      assertThat(answers[0][200] + answers[0][429]).as("the app's share").isEqualTo(REQUESTS / 2);
      int slack = 2; // a share (one token at 5/s) held by each replica
      assertThat(admitted)
          .as("admitted in %.1f s over both gateways: burst + rate x time + slack", seconds)
          .isLessThanOrEqualTo((int) Math.floor(BURST + RATE * seconds) + slack)
          .as("the burst is there to be spent, but for what a replica may still hold")
          .isGreaterThanOrEqualTo(BURST - slack);
    }
  }

  private static int get(HttpClient client, int port) throws Exception {
    return client
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/invoices"))
                .header("X-API-Key", DemoKeys.ACME_ADMIN)
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
