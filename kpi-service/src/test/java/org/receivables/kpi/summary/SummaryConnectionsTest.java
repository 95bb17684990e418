package org.receivables.kpi.summary;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.receivables.kit.tenant.TenantContext;
import org.receivables.kit.testing.TestTokens;

/**
 * A summary reads on one connection, bound once to the tenant: borrowed per read, each of its eight
 * reads cost two more round trips to PostgreSQL (the kit's bind and reset), about 30 per summary
 * instead of about 11 (docs/performance.md).
 */
@QuarkusTest
class SummaryConnectionsTest {

  @Inject Borrowed borrowed;

  @Test
  void aTenantsSummaryAndEachSegmentsBorrowOneConnection() {
    String tenant = TestTokens.freshTenant();
    String viewer = TestTokens.bearer(tenant, "viewer");

    given()
        .header("Authorization", viewer)
        .get("/api/v1/kpis/summary")
        .then()
        .statusCode(200)
        .body("openInvoices", org.hamcrest.Matchers.equalTo(0));
    assertThat(borrowed.by(tenant)).as("connections borrowed by one summary").isEqualTo(1);

    given()
        .header("Authorization", viewer)
        .queryParam("segment", "retail")
        .get("/api/v1/kpis/summary")
        .then()
        .statusCode(200);
    assertThat(borrowed.by(tenant)).as("and by one segment's summary").isEqualTo(2);
  }

  /** Counts the connections the pool hands to requests, per tenant of the request's token. */
  @Singleton
  static class Borrowed implements AgroalPoolInterceptor {

    private final Map<String, AtomicInteger> byTenant = new ConcurrentHashMap<>();

    @Override
    public void onConnectionAcquire(Connection connection) {
      ArcContainer container = Arc.container();
      if (container == null || !container.requestContext().isActive()) {
        return;
      }
      container
          .instance(TenantContext.class)
          .get()
          .boundTenant()
          .ifPresent(t -> byTenant.computeIfAbsent(t, k -> new AtomicInteger()).incrementAndGet());
    }

    int by(String tenant) {
      AtomicInteger n = byTenant.get(tenant);
      return n == null ? 0 : n.get();
    }
  }
}
