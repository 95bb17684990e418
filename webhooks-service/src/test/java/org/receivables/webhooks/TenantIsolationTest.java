package org.receivables.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.receivables.kit.testing.TenantIsolationTestSupport.as;
import static org.receivables.kit.testing.TenantIsolationTestSupport.requestProbe;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.receivables.kit.testing.TenantIsolationTestSupport;
import org.receivables.kit.testing.TenantIsolationTestSupport.Seen;
import org.receivables.kit.testing.TestTokens;

/**
 * Tenant isolation at the data layer: a request, and the delivery worker's tenant scope, that query
 * the webhook tables with no tenant filter at all still see and write only their tenant's rows (the
 * kit's forced row-level security), and connections go back to the pool unbound.
 */
@QuarkusTest
class TenantIsolationTest {

  @Inject AgroalDataSource dataSource;
  @Inject EntityManager em;

  @Test
  void anUnfilteredQuerySeesAndWritesOnlyItsTenantsSubscriptions() throws Exception {
    String mine = TestTokens.freshTenant();
    String other = TestTokens.freshTenant();
    for (String tenant : List.of(mine, other)) {
      as(tenant, "admin")
          .body(
              Map.of("url", "http://127.0.0.1:9/" + tenant, "eventTypes", List.of("score.changed")))
          .post("/api/v1/webhooks")
          .then()
          .statusCode(201);
      TenantIsolationTestSupport.seedIdempotencyRecord(dataSource, tenant);
    }

    Seen seen = TenantIsolationTestSupport.assertIsolated(requestProbe(mine, other), mine);
    assertThat(seen.rows())
        .containsEntry("webhook_subscription", 1L)
        .containsEntry("idempotency_record", 1L);
    assertThat(TenantIsolationTestSupport.countUnbound(dataSource, "idempotency_record", other))
        .as("the other tenant's rows the request tried to delete")
        .containsEntry(other, 1L);
    TenantIsolationTestSupport.assertReturnedConnectionsAreUnbound(dataSource, seen.pids());

    Seen scoped =
        TenantIsolationTestSupport.assertIsolated(
            TenantIsolationTestSupport.scopedProbe(em, dataSource, mine, other), mine);
    assertThat(scoped.rows()).containsEntry("webhook_subscription", 1L);
    TenantIsolationTestSupport.assertReturnedConnectionsAreUnbound(dataSource, scoped.pids());
  }
}
