package org.receivables.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.receivables.kit.tenant.TenantScope;
import org.receivables.kit.testing.TestTokens;
import org.receivables.scoring.behaviour.CollectionFacts;
import org.receivables.scoring.external.ExternalInputRepository;
import org.receivables.scoring.external.RecordedRating;
import org.receivables.scoring.financials.FinancialStatement;
import org.receivables.scoring.hold.CreditHolds;
import org.receivables.scoring.ledger.CustomerRepository;
import org.receivables.scoring.ledger.LedgerRepository;
import org.receivables.scoring.limit.LimitOverrides;
import org.receivables.scoring.score.CustomerFile;
import org.receivables.scoring.score.CustomerFiles;
import org.receivables.scoring.score.ScoreService;

/**
 * A customer's file, read in one statement, holds what the separate reads of the ledger, the
 * statements, the external inputs, the overrides and the holds give, row for row: a score or a
 * decision computed from it is the one those reads gave.
 */
@QuarkusTest
class CustomerFilesTest {

  private static final LocalDate AS_OF = LocalDate.now(ZoneId.of("Europe/Paris"));

  @Inject CustomerFiles files;
  @Inject CustomerRepository customers;
  @Inject LedgerRepository ledger;
  @Inject ExternalInputRepository external;
  @Inject LimitOverrides overrides;
  @Inject CreditHolds holds;
  @Inject ScoreService scores;
  @Inject TenantScope tenants;
  @Inject EntityManager em;

  private final String tenant = TestTokens.freshTenant();
  private final String customer = UUID.randomUUID().toString();

  @Test
  void theFileHoldsWhatTheSeparateReadsGive() {
    inTenant(this::everyKindOfFact);

    CustomerFile file =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  tenants.bindTransaction(tenant);
                  return files.read(tenant, customer, AS_OF).orElseThrow();
                });

    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              tenants.bindTransaction(tenant);
              assertThat(file.customer()).isEqualTo(customers.customer(tenant, customer).get());
              assertThat(file.invoices()).isEqualTo(ledger.invoices(tenant, customer));
              CollectionFacts facts = ledger.facts(tenant, customer);
              assertThat(file.collection().disputes())
                  .containsExactlyInAnyOrderElementsOf(facts.disputes());
              assertThat(file.collection().brokenPromises())
                  .containsExactlyInAnyOrderElementsOf(facts.brokenPromises());
              assertThat(file.collection().brokenPlans())
                  .containsExactlyInAnyOrderElementsOf(facts.brokenPlans());
              assertThat(file.collection().escalations())
                  .containsExactlyInAnyOrderElementsOf(facts.escalations());
              assertThat(file.statement())
                  .isEqualTo(
                      scores.latestStatement(tenant, customer, AS_OF).orElseThrow().figures());
              assertThat(file.rating())
                  .isEqualTo(
                      external
                          .latestRating(tenant, customer, AS_OF)
                          .map(RecordedRating::rating)
                          .orElseThrow());
              assertThat(file.sector())
                  .isEqualTo(external.sectorLevel(tenant, "retail").orElseThrow());
              assertThat(file.override()).isEqualTo(overrides.inForce(tenant, customer).get());
              assertThat(file.hold()).isEqualTo(holds.current(tenant, customer).orElseThrow());
            });
    // what the fixture wrote, so that the comparison above compared something
    assertThat(file.invoices()).hasSize(3);
    assertThat(file.invoices().get(0).settlements()).hasSize(2);
    assertThat(file.invoices().get(1).cancelledOn()).isEqualTo(AS_OF.minusDays(50));
    assertThat(file.collection().disputes()).hasSize(2);
    assertThat(file.collection().brokenPromises()).hasSize(1);
    assertThat(file.collection().escalations()).hasSize(2);
    assertThat(file.statement().fiscalYearEnd()).isEqualTo(AS_OF.minusYears(1));
    assertThat(file.rating().score()).isEqualByComparingTo("72.5");
    assertThat(file.override()).isEqualByComparingTo("12000");
    assertThat(file.hold().onHold()).isFalse();
    assertThat(file.hold().changedBy()).isEqualTo("manager-2");
  }

  @Test
  void aCustomerWithNothingOnFileAndAnUnknownOne() {
    inTenant(
        () ->
            sql(
                "insert into sc_customer (tenant_id, customer_id, registered, created_at) values"
                    + " (:t, :c, false, now())"));
    CustomerFile file =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  tenants.bindTransaction(tenant);
                  assertThat(files.read(tenant, UUID.randomUUID().toString(), AS_OF)).isEmpty();
                  return files.read(tenant, customer, AS_OF).orElseThrow();
                });
    assertThat(file.customer().registered()).isFalse();
    assertThat(file.invoices()).isEmpty();
    assertThat(file.collection()).isEqualTo(CollectionFacts.NONE);
    assertThat(file.statement()).isNull();
    assertThat(file.rating()).isNull();
    assertThat(file.sector()).isNull();
    assertThat(file.override()).isNull();
    assertThat(file.hold()).isNull();
  }

  @Test
  void theFileSeesWhatItsTransactionPersisted() {
    inTenant(
        () ->
            sql(
                "insert into sc_customer (tenant_id, customer_id, registered, created_at) values"
                    + " (:t, :c, true, now())"));
    CustomerFile file =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  tenants.bindTransaction(tenant);
                  // an assigned id: the insert waits for a flush, as a filed statement's does
                  statement(AS_OF.minusMonths(3)).persist();
                  return files.read(tenant, customer, AS_OF).orElseThrow();
                });
    assertThat(file.statement().fiscalYearEnd()).isEqualTo(AS_OF.minusMonths(3));
  }

  private void everyKindOfFact() {
    sql(
        "insert into sc_customer (tenant_id, customer_id, name, segment, currency, registered,"
            + " created_at) values (:t, :c, 'Martin SA', 'retail', 'EUR', true, now())");
    String paid = UUID.randomUUID().toString();
    String cancelled = UUID.randomUUID().toString();
    String open = UUID.randomUUID().toString();
    invoice(paid, AS_OF.minusDays(90), "1200.00");
    invoice(cancelled, AS_OF.minusDays(60), "300.50");
    invoice(open, AS_OF.minusDays(10), "99.99");
    sql(
        "insert into sc_invoice_cancellation (tenant_id, invoice_id, cancelled_on) values (:t,"
            + " '"
            + cancelled
            + "', cast(:asof as date) - 50)");
    settlement(paid, "PAYMENT", "1000.00", "cast(:asof as date) - 70", "cast(:asof as date) - 65");
    settlement(paid, "CREDIT_NOTE", "200.00", "cast(:asof as date) - 60", "null");
    settlement(open, "PAYMENT", "50.00", "cast(:asof as date) - 5", "null");
    sql(
        "insert into sc_dispute (tenant_id, customer_id, invoice_id, dispute_id, amount,"
            + " opened_on, resolved_on) values (:t, :c, '"
            + paid
            + "', cast(gen_random_uuid() as text), 120.00, cast(:asof as date) - 80, cast(:asof as date) - 75),"
            + " (:t, :c, '"
            + open
            + "', cast(gen_random_uuid() as text), null, cast(:asof as date) - 3, null)");
    sql(
        "insert into sc_collection_event (tenant_id, customer_id, kind, ref, occurred_on) values"
            + " (:t, :c, 'PROMISE_BROKEN', 'p', cast(:asof as date) - 20), (:t, :c, 'ESCALATED',"
            + " 'FORMAL_NOTICE', cast(:asof as date) - 15), (:t, :c, 'ESCALATED', 'AGENCY', cast(:asof as date)"
            + " - 8), (:t, :c, 'HOLD_REQUESTED', null, cast(:asof as date) - 7)");
    statement(AS_OF.minusYears(2)).persist();
    statement(AS_OF.minusYears(1)).persist();
    statement(AS_OF.plusDays(1)).persist(); // not yet as of the date
    sql(
        "insert into sc_external_rating (tenant_id, customer_id, source, rating, score, rated_on,"
            + " recorded_by, recorded_at) values (:t, :c, 'bureau', 'B+', 60.00, cast(:asof as date) -"
            + " 400, 'm', now()), (:t, :c, 'bureau', 'A-', 72.50, cast(:asof as date) - 30, 'm', now()),"
            + " (:t, :c, 'bureau', null, 10.00, cast(:asof as date) + 2, 'm', now())");
    sql(
        "insert into sc_sector_risk (tenant_id, sector, level, note, updated_by, updated_at)"
            + " values (:t, 'retail', 'HIGH', null, 'm', now())");
    sql(
        "insert into sc_limit_override (tenant_id, customer_id, credit_limit, currency, reason,"
            + " set_by, set_at) values (:t, :c, 8000, 'EUR', 'first', 'm', now()), (:t, :c, null,"
            + " 'EUR', 'cleared', 'm', now()), (:t, :c, 12000, 'EUR', 'again', 'm', now())");
    sql(
        "insert into sc_credit_hold (tenant_id, customer_id, on_hold, reason, changed_by,"
            + " changed_at) values (:t, :c, true, 'late', 'manager-1', now() - interval '2"
            + " days'), (:t, :c, false, 'paid', 'manager-2', now() - interval '1 day')");
  }

  private void invoice(String id, LocalDate issued, String total) {
    em.createNativeQuery(
            "insert into invoice_replica (tenant_id, invoice_id, customer_id, number, currency,"
                + " issue_date, due_date, total_incl_tax, outstanding, status, disputed,"
                + " updated_at) values (:t, :i, :c, :n, 'EUR', :issued, :due, :total, :total,"
                + " 'OPEN', false, now())")
        .setParameter("t", tenant)
        .setParameter("i", id)
        .setParameter("c", customer)
        .setParameter("n", "F-" + id.substring(0, 8))
        .setParameter("issued", issued)
        .setParameter("due", issued.plusDays(30))
        .setParameter("total", new BigDecimal(total))
        .executeUpdate();
  }

  private void settlement(
      String invoice, String kind, String amount, String on, String reversedOn) {
    sql(
        "insert into sc_settlement (tenant_id, customer_id, invoice_id, kind, ref, amount,"
            + " occurred_on, reversed_on) values (:t, :c, '"
            + invoice
            + "', '"
            + kind
            + "', cast(gen_random_uuid() as text), "
            + amount
            + ", "
            + on
            + ", "
            + reversedOn
            + ")");
  }

  private FinancialStatement statement(LocalDate yearEnd) {
    FinancialStatement s = new FinancialStatement();
    s.id = UUID.randomUUID();
    s.tenantId = tenant;
    s.customerId = customer;
    s.fiscalYearEnd = yearEnd;
    s.currency = "EUR";
    s.totalAssets = new BigDecimal("1000000.00");
    s.currentAssets = new BigDecimal("400000.00");
    s.cash = new BigDecimal("50000.00");
    s.totalLiabilities = new BigDecimal("600000.00");
    s.currentLiabilities = new BigDecimal("300000.00");
    s.equity = new BigDecimal("400000.00");
    s.revenue = new BigDecimal("2000000.00");
    s.ebit = new BigDecimal("150000.00");
    s.interestExpense = new BigDecimal("20000.00");
    s.netIncome = new BigDecimal("90000.00");
    s.submittedBy = "m";
    s.submittedAt = Instant.now();
    return s;
  }

  /** Runs {@code sql} with the tenant, customer and date bound where it names them. */
  private void sql(String sql) {
    Query q = em.createNativeQuery(sql).setParameter("t", tenant);
    if (sql.contains(":c")) {
      q.setParameter("c", customer);
    }
    if (sql.contains(":asof")) {
      q.setParameter("asof", AS_OF);
    }
    q.executeUpdate();
  }

  private void inTenant(Runnable work) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              tenants.bindTransaction(tenant);
              work.run();
            });
  }
}
