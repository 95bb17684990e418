package org.receivables.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.receivables.kit.testing.TenantIsolationTestSupport.as;
import static org.receivables.kit.testing.TenantIsolationTestSupport.requestProbe;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.receivables.kit.testing.TenantIsolationTestSupport;
import org.receivables.kit.testing.TenantIsolationTestSupport.Seen;
import org.receivables.kit.testing.TestTokens;

/**
 * Tenant isolation at the data layer: a request of one tenant that queries with no tenant filter at
 * all still sees and writes only its tenant's rows (PostgreSQL row-level security, bound by the
 * kit's pool interceptor), and the connection goes back to the pool unbound. The careless query
 * path is the kit's {@code TenantIsolationProbe}.
 */
@QuarkusTest
class TenantIsolationTest {

  @Inject AgroalDataSource dataSource;

  @Test
  void anUnfilteredQueryOfARequestSeesAndWritesOnlyItsTenantsRows() throws Exception {
    String mine = TestTokens.freshTenant();
    String other = TestTokens.freshTenant();
    for (String tenant : List.of(mine, other)) {
      TenantIsolationTestSupport.publishCustomerWithInvoice(tenant);
      as(tenant, "credit-manager")
          .body(Map.of("value", 45))
          .put("/api/v1/kpis/targets/DSO")
          .then()
          .statusCode(200);
      TenantIsolationTestSupport.seedIdempotencyRecord(dataSource, tenant);
    }
    TenantIsolationTestSupport.awaitRows(dataSource, "kpi_invoice", mine, other);

    Seen seen = TenantIsolationTestSupport.assertIsolated(requestProbe(mine, other), mine);
    assertThat(seen.rows())
        .containsEntry("kpi_customer", 1L)
        .containsEntry("kpi_invoice", 1L)
        .containsEntry("kpi_target", 1L)
        .containsEntry("idempotency_record", 1L);
    assertThat(TenantIsolationTestSupport.countUnbound(dataSource, "idempotency_record", other))
        .as("the other tenant's rows the request tried to delete")
        .containsEntry(other, 1L);
    TenantIsolationTestSupport.assertReturnedConnectionsAreUnbound(dataSource, seen.pids());
  }
}
