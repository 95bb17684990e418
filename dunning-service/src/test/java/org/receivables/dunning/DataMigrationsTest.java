package org.receivables.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.receivables.kit.testing.ScratchSchema;

/**
 * The migrations that move data (V7: invoices into the kit's replica; V9: policy steps out of JSON
 * text) rehearsed on a real PostgreSQL: Flyway migrates a fresh schema to the version before, rows
 * are written as that version stored them, then Flyway migrates to the end and the rows must be
 * where the new version reads them.
 */
@ExtendWith(ScratchSchema.PerTest.class)
class DataMigrationsTest {

  @Test
  void v7MovesEveryTenantsInvoicesIntoTheReplicaAndKeepsTheirPaymentReferences(ScratchSchema db)
      throws Exception {
    db.migrate("6");
    db.execute(
        "insert into dn_invoice (tenant_id, invoice_id, customer_id, number, currency, issue_date,"
            + " due_date, total_incl_tax, outstanding, status, disputed, updated_at,"
            + " payment_reference) values"
            + " ('t1', 'i-1', 'c-1', 'F-1', 'EUR', '2026-01-10', '2026-02-09', 1200.00, 200.00,"
            + " 'PARTIALLY_PAID', true, '2026-02-01T10:00:00Z', 'RF18539007547034'),"
            + " ('t2', 'i-1', 'c-9', 'F-9', 'USD', '2026-01-11', '2026-03-12', 50.5, 50.5, 'OPEN',"
            + " false, '2026-02-02T10:00:00Z', null)");

    db.migrate("latest");

    assertThat(
            db.rows(
                "select tenant_id, invoice_id, customer_id, number, currency, issue_date, due_date,"
                    + " total_incl_tax, outstanding, status, disputed from invoice_replica"
                    + " order by tenant_id"))
        .containsExactly(
            "t1|i-1|c-1|F-1|EUR|2026-01-10|2026-02-09|1200.0000|200.0000|PARTIALLY_PAID|t",
            "t2|i-1|c-9|F-9|USD|2026-01-11|2026-03-12|50.5000|50.5000|OPEN|f");
    assertThat(db.rows("select tenant_id, invoice_id, payment_reference from dunning_invoice"))
        .containsExactly("t1|i-1|RF18539007547034");
    assertThat(
            db.rows(
                "select count(*) from information_schema.tables where table_name = 'dn_invoice'"
                    + " and table_schema = current_schema()"))
        .containsExactly("0");
  }

  @Test
  void v9MovesEachVersionsJsonStepsIntoRowsInLadderOrderKeepingIdsAndVersions(ScratchSchema db)
      throws Exception {
    db.migrate("8");
    String id = "6f1c1e44-5a6b-4c3e-9d5e-0a1b2c3d4e5f";
    db.execute(
        "insert into dunning_policy (tenant_id, id, version, name, description, is_default,"
            + " risk_classes, segments, priority, min_gap_days, interest_basis, contractual_rate,"
            + " steps, retired, created_at, created_by) values"
            + " ('t1', '"
            + id
            + "', 1, 'Key accounts', null, true, '[\"A\",\"B\"]', '[]', 50, 5, 'FR_LEGAL', -1,"
            + " '[{\"code\":\"FRIENDLY\",\"name\":\"Friendly\",\"offsetDays\":1,"
            + "\"channels\":[\"EMAIL\",\"SMS\"],\"template\":\"friendly\",\"minimumAmount\":15.00,"
            + "\"actions\":[\"SEND\"]},"
            + "{\"code\":\"CALL\",\"name\":\"Call\",\"offsetDays\":20,\"actions\":[\"CALL_TASK\"]}]',"
            + " false, '2026-01-01T09:00:00Z', 'alice'),"
            + " ('t1', '"
            + id
            + "', 2, 'Key accounts', '', false, '[]', '[\"KEY\",\"VIP\"]', 50, 7, 'CONTRACTUAL',"
            + " 12.5, '[{\"code\":\"NOTICE\",\"name\":\"Notice\",\"offsetDays\":30,"
            + "\"channels\":[\"LETTER\"],\"template\":\"formal-notice\","
            + "\"actions\":[\"FORMAL_NOTICE\",\"CREDIT_HOLD\"]}]',"
            + " true, '2026-01-02T09:00:00Z', 'bob')");

    db.migrate("latest");

    assertThat(
            db.rows(
                "select id, version, name, is_default, risk_classes, segments, priority,"
                    + " min_gap_days, interest_basis, contractual_rate, retired, created_by"
                    + " from dunning_policy order by version"))
        .containsExactly(
            id + "|1|Key accounts|t|{A,B}|{}|50|5|FR_LEGAL|null|f|alice",
            id + "|2|Key accounts|f|{}|{KEY,VIP}|50|7|CONTRACTUAL|12.5000|t|bob");
    assertThat(
            db.rows(
                "select policy_version, position, code, name, offset_days, channels, template,"
                    + " minimum_amount, actions from dunning_policy_step"
                    + " order by policy_version, position"))
        .containsExactly(
            "1|0|FRIENDLY|Friendly|1|{EMAIL,SMS}|friendly|15.00|{SEND}",
            "1|1|CALL|Call|20|null|null|null|{CALL_TASK}",
            "2|0|NOTICE|Notice|30|{LETTER}|formal-notice|null|{FORMAL_NOTICE,CREDIT_HOLD}");
    assertThat(
            db.rows(
                "select count(*) from information_schema.columns where table_name = 'dunning_policy'"
                    + " and column_name = 'steps' and table_schema = current_schema()"))
        .containsExactly("0");
  }
}
