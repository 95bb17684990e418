package org.receivables.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.receivables.kit.testing.TenantIsolationTestSupport.requestProbe;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.kit.tenant.TenantScope;
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
  @Inject EntityManager em;
  @Inject TenantScope scope;

  @Test
  void anUnfilteredQueryOfARequestSeesAndWritesOnlyItsTenantsRows() throws Exception {
    String mine = TestTokens.freshTenant();
    String other = TestTokens.freshTenant();
    for (String tenant : List.of(mine, other)) {
      String customer =
          TestLedger.asTenant(tenant, "erp")
              .body(TestLedger.customerBody("C-" + UUID.randomUUID(), Map.of("days", 30)))
              .post("/api/v1/customers")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      TestLedger.asTenant(tenant, "erp")
          .body(TestLedger.invoiceBody(customer, "2026-03-01", "100.00"))
          .post("/api/v1/invoices")
          .then()
          .statusCode(201);
      TenantIsolationTestSupport.seedIdempotencyRecord(dataSource, tenant);
    }
    assertThat(TenantIsolationTestSupport.countUnbound(dataSource, "invoice", mine, other))
        .containsEntry(mine, 1L)
        .containsEntry(other, 1L);

    Map<String, Object> probe = requestProbe(mine, other);

    Seen seen = TenantIsolationTestSupport.assertIsolated(probe, mine);
    assertThat(seen.rows())
        .containsEntry("customer", 1L)
        .containsEntry("invoice", 1L)
        .containsEntry("idempotency_record", 1L);
    assertThat(TenantIsolationTestSupport.countUnbound(dataSource, "idempotency_record", other))
        .as("the other tenant's rows the request tried to delete")
        .containsEntry(other, 1L);
    TenantIsolationTestSupport.assertReturnedConnectionsAreUnbound(dataSource, seen.pids());

    // Work without a request is bound too: a scheduler's scope, a consumer's batch bound to one
    // record's tenant after another's; and a pool user that is not the superuser the tests connect
    // as sees, under the forced policies, nothing unbound and only its tenant's rows bound.
    Seen scoped =
        TenantIsolationTestSupport.assertIsolated(
            TenantIsolationTestSupport.scopedProbe(em, dataSource, mine, other), mine);
    TenantIsolationTestSupport.assertReturnedConnectionsAreUnbound(dataSource, scoped.pids());
    TenantIsolationTestSupport.assertBatchIsolated(
        TenantIsolationTestSupport.batchProbe(em, scope, mine, other),
        java.util.List.of("invoice", "invoice_line"),
        java.util.List.of(mine, other));
    Map<String, Long> owned =
        TenantIsolationTestSupport.assertOwnerIsolated(
            TenantIsolationTestSupport.ownerProbe(dataSource, mine, other), mine, other);
    assertThat(owned).containsEntry("invoice", 1L).containsEntry("invoice_line", 1L);
  }
}
