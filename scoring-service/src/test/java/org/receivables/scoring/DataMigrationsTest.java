package org.receivables.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.receivables.kit.testing.ScratchSchema;

/**
 * The migration that moves data (V3: scoring's invoice copy onto the kit's replica) rehearsed on a
 * real PostgreSQL: Flyway migrates a fresh schema to V2, rows are written as V2 stored them, then
 * Flyway migrates to the end and the rows must be where the new version reads them.
 */
@ExtendWith(ScratchSchema.PerTest.class)
class DataMigrationsTest {

  @Test
  void v3MovesEveryTenantsInvoicesOntoTheReplicaWithTheirDisputesAndCancellations(ScratchSchema db)
      throws Exception {
    db.migrate("2");
    db.execute(
        "insert into sc_invoice (tenant_id, invoice_id, customer_id, number, currency, issue_date,"
            + " due_date, total, outstanding, status, cancelled_on) values"
            + " ('t1', 'i-1', 'c-1', 'F-1', 'EUR', '2026-01-10', '2026-02-09', 1200.00, 200.00,"
            + " 'PARTIALLY_PAID', null),"
            + " ('t1', 'i-2', 'c-1', null, 'EUR', '2026-01-12', '2026-02-11', 80, 0, 'CANCELLED',"
            + " '2026-01-20'),"
            + " ('t2', 'i-1', 'c-9', 'F-9', 'USD', '2026-01-11', '2026-03-12', 50.5, 50.5, 'OPEN',"
            + " null)");
    db.execute(
        "insert into sc_dispute (tenant_id, customer_id, invoice_id, dispute_id, amount,"
            + " opened_on, resolved_on, outcome) values"
            + " ('t1', 'c-1', 'i-1', 'd-1', 100, '2026-02-01', null, null),"
            + " ('t2', 'c-9', 'i-1', 'd-2', 10, '2026-02-01', '2026-02-05', 'REJECTED')");

    db.migrate("latest");

    assertThat(
            db.rows(
                "select tenant_id, invoice_id, customer_id, number, currency, issue_date, due_date,"
                    + " total_incl_tax, outstanding, status, disputed from invoice_replica"
                    + " order by tenant_id, invoice_id"))
        .containsExactly(
            "t1|i-1|c-1|F-1|EUR|2026-01-10|2026-02-09|1200.0000|200.0000|PARTIALLY_PAID|t",
            "t1|i-2|c-1|i-2|EUR|2026-01-12|2026-02-11|80.0000|0.0000|CANCELLED|f",
            "t2|i-1|c-9|F-9|USD|2026-01-11|2026-03-12|50.5000|50.5000|OPEN|f");
    assertThat(db.rows("select tenant_id, invoice_id, cancelled_on from sc_invoice_cancellation"))
        .containsExactly("t1|i-2|2026-01-20");
    assertThat(db.rows("select dispute_id, resolved_on from sc_dispute order by dispute_id"))
        .containsExactly("d-1|null", "d-2|2026-02-05");
    assertThat(
            db.rows(
                "select count(*) from information_schema.tables where table_name = 'sc_invoice'"
                    + " and table_schema = current_schema()"))
        .containsExactly("0");
  }
}
