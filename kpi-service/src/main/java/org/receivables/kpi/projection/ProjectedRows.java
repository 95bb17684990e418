package org.receivables.kpi.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/** Every row projected for a tenant, as a whole: what a rebuild deletes before replaying. */
@ApplicationScoped
public class ProjectedRows {

  /** Every projected table, each with the tenant_id column, children first (targets are kept). */
  static final List<String> TABLES =
      List.of(
          "kpi_payment",
          "kpi_ledger_entry",
          "kpi_invoice",
          "kpi_customer",
          "kpi_score_history",
          "kpi_daily_flow",
          "kpi_dispute",
          "kpi_reminder_invoice",
          "kpi_reminder",
          "kpi_commitment",
          "kpi_daily_snapshot",
          "kpi_due_total",
          "kpi_outstanding_change",
          "kpi_tenant_daily_flow",
          "kpi_segment_due_total",
          "kpi_segment_outstanding_change",
          "kpi_segment_daily_flow");

  @Inject EntityManager em;

  /** Deletes the tenant's projected rows; the caller holds the tenant's lock. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void deleteTenant(String tenantId) {
    for (String table : TABLES) {
      String where =
          table.equals("kpi_payment")
              ? "invoice_id in (select invoice_id from kpi_invoice where tenant_id = :tenant)"
              : "tenant_id = :tenant";
      em.createNativeQuery("delete from " + table + " where " + where)
          .setParameter("tenant", tenantId)
          .executeUpdate();
    }
  }
}
