package org.receivables.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.kit.testing.TenantIsolationTestBase;
import org.receivables.kit.testing.TenantIsolationTestSupport;
import org.receivables.kit.testing.TenantIsolationTestSupport.Seen;
import org.receivables.kit.testing.TenantIsolationTestSupport.WorkSeen;

/**
 * Tenant isolation in invoicing (kit {@link TenantIsolationTestBase}): customers and invoices are
 * seeded through the API, and child rows (invoice lines) are isolated like their parents.
 */
@QuarkusTest
class TenantIsolationTest extends TenantIsolationTestBase {

  @Test
  void anUnfilteredQueryOfARequestSeesAndWritesOnlyItsTenantsRows() throws Exception {
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

    Seen seen = TenantIsolationTestSupport.assertRequestIsolated(dataSource, mine, other);
    assertThat(seen.rows())
        .containsEntry("customer", 1L)
        .containsEntry("invoice", 1L)
        .containsEntry("idempotency_record", 1L);
    WorkSeen work =
        TenantIsolationTestSupport.assertWorkIsolated(
            em, dataSource, scope, List.of("invoice", "invoice_line"), mine, other);
    assertThat(work.owned()).containsEntry("invoice", 1L).containsEntry("invoice_line", 1L);
  }
}
