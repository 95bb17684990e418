package org.receivables.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.receivables.kit.testing.TenantIsolationTestSupport.as;
import static org.receivables.kit.testing.TenantIsolationTestSupport.requestProbe;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.Authenticated;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;
import org.receivables.kit.testing.TenantIsolationTestSupport;
import org.receivables.kit.testing.TenantIsolationTestSupport.Seen;
import org.receivables.kit.testing.TestTokens;

/**
 * Tenant isolation at the data layer: a request of one tenant that queries with no tenant filter at
 * all still sees and writes only its tenant's rows (PostgreSQL row-level security, bound by the
 * kit's pool interceptor), and the connection goes back to the pool unbound.
 */
@QuarkusTest
class TenantIsolationTest {

  /** A deliberately careless query path, reachable only in tests. */
  @Path(TenantIsolationTestSupport.PROBE_PATH)
  @Authenticated
  public static class Probe {
    @Inject EntityManager em;
    @Inject AgroalDataSource dataSource;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Map<String, Object> probe(@QueryParam("other") String other) {
      return TenantIsolationTestSupport.probe(em, dataSource, other);
    }
  }

  @Inject AgroalDataSource dataSource;

  @Test
  void anUnfilteredQueryOfARequestSeesAndWritesOnlyItsTenantsRows() throws Exception {
    String mine = TestTokens.freshTenant();
    String other = TestTokens.freshTenant();
    Map<String, String> customers = new HashMap<>();
    for (String tenant : List.of(mine, other)) {
      customers.put(tenant, TenantIsolationTestSupport.publishCustomerWithInvoice(tenant));
      TenantIsolationTestSupport.seedIdempotencyRecord(dataSource, tenant);
    }
    TenantIsolationTestSupport.awaitRows(dataSource, "sc_invoice", mine, other);
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
        .containsEntry("sc_invoice", 1L)
        .containsEntry("sc_financial_statement", 1L)
        .containsEntry("idempotency_record", 1L);
    assertThat(TenantIsolationTestSupport.countUnbound(dataSource, "idempotency_record", other))
        .as("the other tenant's rows the request tried to delete")
        .containsEntry(other, 1L);
    TenantIsolationTestSupport.assertReturnedConnectionsAreUnbound(dataSource, seen.pids());
  }
}
