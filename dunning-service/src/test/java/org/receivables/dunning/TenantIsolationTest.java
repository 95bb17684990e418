package org.receivables.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.receivables.kit.testing.TenantIsolationTestSupport.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.events.CustomerRegistered;
import org.receivables.events.PaymentTermsData;
import org.receivables.events.Topics;
import org.receivables.kit.tenant.TenantScope;
import org.receivables.kit.testing.KafkaReader;
import org.receivables.kit.testing.KafkaWriter;
import org.receivables.kit.testing.TenantIsolationTestBase;
import org.receivables.kit.testing.TenantIsolationTestSupport;
import org.receivables.kit.testing.TenantIsolationTestSupport.Seen;
import org.receivables.kit.testing.TenantIsolationTestSupport.WorkSeen;

/**
 * Tenant isolation in dunning (kit {@link TenantIsolationTestBase}): suite-wide reference rates
 * stay readable to every tenant, a run's child rows are isolated, a transaction-local binding never
 * outlives its transaction, and a record keyed for another tenant than its data is refused.
 */
@QuarkusTest
class TenantIsolationTest extends TenantIsolationTestBase {

  @Test
  void anUnfilteredQueryOfARequestSeesAndWritesOnlyItsTenantsRows() throws Exception {
    for (String tenant : List.of(mine, other)) {
      TenantIsolationTestSupport.publishCustomerWithInvoice(tenant);
      as(tenant, "admin")
          .body(Map.of("ecbRate", 2.5))
          .put("/api/v1/dunning/interest-rates/2026-H1")
          .then()
          .statusCode(200);
      TenantIsolationTestSupport.seedIdempotencyRecord(dataSource, tenant);
    }
    TenantIsolationTestSupport.awaitRows(dataSource, "invoice_replica", mine, other);

    // The suite-wide rates (tenant_id '') stay readable to every tenant, beside its own.
    List<Boolean> overrides =
        as(mine, "viewer")
            .get("/api/v1/dunning/interest-rates")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items.tenantOverride", Boolean.class);
    assertThat(overrides).contains(true, false);

    Seen seen = TenantIsolationTestSupport.assertRequestIsolated(dataSource, mine, other, "");
    assertThat(seen.rows())
        .containsEntry("dn_customer", 1L)
        .containsEntry("invoice_replica", 1L)
        .containsEntry("reference_rate", 1L)
        .containsEntry("idempotency_record", 1L);
  }

  /**
   * Work without a request (the daily run, a consumer) is bound too: a scheduler's scope, and a
   * batch's transaction bound to one record's tenant after another's, see only that tenant's rows;
   * and where the pool user is not the superuser the tests connect as, the forced policies show it
   * no tenant's rows unbound and only the bound tenant's otherwise, child rows included.
   */
  @Test
  void workWithoutARequestIsBoundToItsTenantToo() throws Exception {
    for (String tenant : List.of(mine, other)) {
      TenantIsolationTestSupport.publishCustomerWithInvoice(tenant);
      TenantIsolationTestSupport.seedIdempotencyRecord(dataSource, tenant);
    }
    TenantIsolationTestSupport.awaitRows(dataSource, "invoice_replica", mine, other);
    // a reminder with its invoice lines (reminder_invoice, a child table) for each tenant: 30 days
    // late, the formal notice. The invoice's dates are Paris dates; a UTC "today" made it 29 days
    // (the call step, no reminder) between midnight in Paris and midnight UTC.
    LocalDate asOf = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(20);
    for (String tenant : List.of(mine, other)) {
      as(tenant, "admin")
          .body(Map.of("asOf", asOf.toString()))
          .post("/api/v1/dunning/runs")
          .then()
          .statusCode(201);
    }
    TenantIsolationTestSupport.awaitRows(dataSource, "reminder_invoice", mine, other);

    WorkSeen work =
        TenantIsolationTestSupport.assertWorkIsolated(
            em, dataSource, scope, List.of("invoice_replica", "reminder_invoice"), mine, other, "");
    assertThat(work.scoped().rows())
        .containsEntry("invoice_replica", 1L)
        .containsEntry("reminder_invoice", 1L);
    assertThat(work.owned())
        .containsEntry("invoice_replica", 1L)
        .containsEntry("reminder_invoice", 1L)
        .containsEntry("dn_customer", 1L);
  }

  @Test
  void aTransactionLocalBindingNeverReachesTheNextTransaction() throws Exception {
    int pid =
        TenantScope.call(
            mine,
            () ->
                QuarkusTransaction.requiringNew()
                    .call(
                        () -> {
                          Object[] r =
                              (Object[])
                                  em.createNativeQuery(
                                          "select current_user, current_setting('app.tenant',"
                                              + " true), pg_backend_pid()")
                                      .getSingleResult();
                          assertThat(r[0]).isEqualTo("receivables_tenant");
                          assertThat(r[1]).isEqualTo(mine);
                          return ((Number) r[2]).intValue();
                        }));
    TenantIsolationTestSupport.assertReturnedConnectionsAreUnbound(dataSource, Set.of(pid));
    // nor the next transaction of an unbound thread on any pooled connection
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                assertThat(
                        em.createNativeQuery(
                                "select coalesce(current_setting('app.tenant', true), '')")
                            .getSingleResult())
                    .isEqualTo(""));
  }

  /**
   * A record keyed for one tenant carrying another tenant's data is refused: it lands on the
   * dead-letter topic with the reason and changes nothing for either tenant.
   */
  @Test
  void aRecordWhoseKeyNamesAnotherTenantGoesToTheDeadLetterTopic() throws Exception {
    String customer = UUID.randomUUID().toString();
    String eventId = UUID.randomUUID().toString();
    KafkaWriter.publishKeyed(
        Topics.INVOICING,
        other + ":" + customer,
        eventId,
        new CustomerRegistered(
            mine,
            customer,
            "C-" + customer,
            "Forged Ltd",
            "FR",
            "EUR",
            "fr",
            null,
            null,
            null,
            new PaymentTermsData(30, "NONE")),
        Map.of());
    KafkaReader.Received parked =
        KafkaReader.await(
            Topics.deadLetter(Topics.INVOICING),
            r -> eventId.equals(r.headers().get("ce_id")),
            Duration.ofSeconds(60));
    assertThat(parked.headers().get("dead-letter-reason"))
        .contains(other + ":" + customer)
        .contains(mine);
    // the consumer went on: a proper record of the tenant published after it is applied
    TenantIsolationTestSupport.publishCustomerWithInvoice(mine);
    TenantIsolationTestSupport.awaitRows(dataSource, "invoice_replica", mine);
    assertThat(TenantIsolationTestSupport.countUnbound(dataSource, "dn_customer", mine, other))
        .containsEntry(mine, 1L)
        .containsEntry(other, 0L);
  }
}
