package org.receivables.kpi;

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
      TenantIsolationTestSupport.publishCustomerWithInvoice(tenant);
      as(tenant, "credit-manager")
          .body(Map.of("value", 45))
          .put("/api/v1/kpis/targets/DSO")
          .then()
          .statusCode(200);
      TenantIsolationTestSupport.seedIdempotencyRecord(dataSource, tenant);
    }
    TenantIsolationTestSupport.awaitRows(dataSource, "kpi_invoice", mine, other);
    // A payment's row (kpi_payment, a child table) takes its tenant from the consumer's binding
    // alone: it exists only because the consumer bound the event's tenant.
    for (String tenant : List.of(mine, other)) {
      publishPayment(tenant);
    }
    TenantIsolationTestSupport.awaitRows(dataSource, "kpi_payment", mine, other);

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

    // Work without a request is bound too: a scheduler's scope, a consumer's batch bound to one
    // record's tenant after another's; and a pool user that is not the superuser the tests connect
    // as sees, under the forced policies, nothing unbound and only its tenant's rows bound.
    Seen scoped =
        TenantIsolationTestSupport.assertIsolated(
            TenantIsolationTestSupport.scopedProbe(em, dataSource, mine, other), mine);
    TenantIsolationTestSupport.assertReturnedConnectionsAreUnbound(dataSource, scoped.pids());
    TenantIsolationTestSupport.assertBatchIsolated(
        TenantIsolationTestSupport.batchProbe(em, scope, mine, other),
        java.util.List.of("kpi_invoice", "kpi_payment"),
        java.util.List.of(mine, other));
    Map<String, Long> owned =
        TenantIsolationTestSupport.assertOwnerIsolated(
            TenantIsolationTestSupport.ownerProbe(dataSource, mine, other), mine, other);
    assertThat(owned).containsEntry("kpi_invoice", 1L).containsEntry("kpi_payment", 1L);
  }

  private void publishPayment(String tenant) throws java.sql.SQLException {
    String customer;
    String invoice;
    try (java.sql.Connection c = dataSource.getConnection();
        java.sql.PreparedStatement s =
            c.prepareStatement(
                "select customer_id, invoice_id::text from kpi_invoice where tenant_id = ?")) {
      s.setString(1, tenant);
      try (java.sql.ResultSet r = s.executeQuery()) {
        r.next();
        customer = r.getString(1);
        invoice = r.getString(2);
      }
    }
    org.receivables.kit.testing.KafkaWriter.publish(
        org.receivables.events.Topics.INVOICING,
        java.util.UUID.randomUUID().toString(),
        new org.receivables.events.PaymentReceived(
            tenant,
            customer,
            invoice,
            java.util.UUID.randomUUID().toString(),
            "EUR",
            new java.math.BigDecimal("200.00"),
            java.math.BigDecimal.ZERO,
            java.time.LocalDate.now(),
            "VIR-1",
            new java.math.BigDecimal("200.00"),
            new java.math.BigDecimal("1000.00"),
            "PARTIALLY_PAID"));
  }
}
