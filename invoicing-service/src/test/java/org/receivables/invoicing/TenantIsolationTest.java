package org.receivables.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
  }
}
