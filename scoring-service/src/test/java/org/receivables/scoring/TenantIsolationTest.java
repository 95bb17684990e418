package org.receivables.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.receivables.kit.testing.TenantIsolationTestSupport.as;
import static org.receivables.kit.testing.TenantIsolationTestSupport.requestProbe;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    Map<String, String> customers = new HashMap<>();
    for (String tenant : List.of(mine, other)) {
      customers.put(tenant, TenantIsolationTestSupport.publishCustomerWithInvoice(tenant));
      TenantIsolationTestSupport.seedIdempotencyRecord(dataSource, tenant);
    }
    TenantIsolationTestSupport.awaitRows(dataSource, "invoice_replica", mine, other);
    customers.forEach(
        (tenant, customer) ->
            as(tenant, "erp")
                .body(ScoringApiTest.statement(customer))
                .post("/api/v1/financial-statements")
                .then()
                .statusCode(201));

    Seen seen = TenantIsolationTestSupport.assertIsolated(requestProbe(mine, other), mine);
    assertThat(seen.rows())
        .containsEntry("sc_customer", 1L)
        .containsEntry("invoice_replica", 1L)
        .containsEntry("sc_financial_statement", 1L)
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
        java.util.List.of("sc_customer", "invoice_replica"),
        java.util.List.of(mine, other));
    Map<String, Long> owned =
        TenantIsolationTestSupport.assertOwnerIsolated(
            TenantIsolationTestSupport.ownerProbe(dataSource, mine, other), mine, other);
    assertThat(owned).containsEntry("sc_customer", 1L).containsEntry("invoice_replica", 1L);
  }
}
