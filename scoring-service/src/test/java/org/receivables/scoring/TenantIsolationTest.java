package org.receivables.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.receivables.kit.testing.TenantIsolationTestSupport.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.receivables.kit.testing.TenantIsolationTestBase;
import org.receivables.kit.testing.TenantIsolationTestSupport;
import org.receivables.kit.testing.TenantIsolationTestSupport.Seen;
import org.receivables.kit.testing.TenantIsolationTestSupport.WorkSeen;

/**
 * Tenant isolation in scoring (kit {@link TenantIsolationTestBase}): the replica is seeded through
 * invoicing's events and statements through the API.
 */
@QuarkusTest
class TenantIsolationTest extends TenantIsolationTestBase {

  @Test
  void anUnfilteredQueryOfARequestSeesAndWritesOnlyItsTenantsRows() throws Exception {
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

    Seen seen = TenantIsolationTestSupport.assertRequestIsolated(dataSource, mine, other);
    assertThat(seen.rows())
        .containsEntry("sc_customer", 1L)
        .containsEntry("invoice_replica", 1L)
        .containsEntry("sc_financial_statement", 1L)
        .containsEntry("idempotency_record", 1L);
    WorkSeen work =
        TenantIsolationTestSupport.assertWorkIsolated(
            em, dataSource, scope, List.of("sc_customer", "invoice_replica"), mine, other);
    assertThat(work.owned()).containsEntry("sc_customer", 1L).containsEntry("invoice_replica", 1L);
  }
}
