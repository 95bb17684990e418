package org.receivables.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.receivables.kit.testing.TenantIsolationTestSupport.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.receivables.kit.testing.TenantIsolationTestBase;
import org.receivables.kit.testing.TenantIsolationTestSupport;
import org.receivables.kit.testing.TenantIsolationTestSupport.Seen;
import org.receivables.kit.testing.TenantIsolationTestSupport.WorkSeen;

/**
 * Tenant isolation in kpi (kit {@link TenantIsolationTestBase}): the projection is seeded through
 * invoicing's events, targets through the API; a payment row (a child table) takes its tenant from
 * the consumer's binding alone.
 */
@QuarkusTest
class TenantIsolationTest extends TenantIsolationTestBase {

  @Test
  void anUnfilteredQueryOfARequestSeesAndWritesOnlyItsTenantsRows() throws Exception {
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

    Seen seen = TenantIsolationTestSupport.assertRequestIsolated(dataSource, mine, other);
    assertThat(seen.rows())
        .containsEntry("kpi_customer", 1L)
        .containsEntry("kpi_invoice", 1L)
        .containsEntry("kpi_target", 1L)
        .containsEntry("idempotency_record", 1L);
    WorkSeen work =
        TenantIsolationTestSupport.assertWorkIsolated(
            em, dataSource, scope, List.of("kpi_invoice", "kpi_payment"), mine, other);
    assertThat(work.owned()).containsEntry("kpi_invoice", 1L).containsEntry("kpi_payment", 1L);
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
