package org.receivables.kpi.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.receivables.kpi.sql.Rows;

/**
 * Posts dated movements of what is owed on an invoice, and keeps in the same transaction what reads
 * rely on: the invoice's balance, balance at its due date and closing date, the customer's daily
 * flows, the tenant-wide aggregates (per due date, per day of change of the outstanding, daily
 * flows of the whole tenant) and the daily snapshots that the movement makes stale. Set-based SQL:
 * every aggregate is an upsert adding to its row, never a read-modify-write in Java.
 */
@ApplicationScoped
public class LedgerRepository {

  /** The invoice's state after an update of its balance. */
  private record Balances(
      BigDecimal balance, BigDecimal atDue, LocalDate dueDate, LocalDate issueDate) {}

  /** The summed columns of a daily flow row, each with its parameter in {@link #bindFlow}. */
  private static final List<String> FLOW_COLUMNS =
      List.of(
          "invoiced",
          "invoices_issued",
          "credited",
          "cancelled",
          "discounted",
          "collected",
          "written_off",
          "disputed",
          "collected_due_days",
          "collected_issue_days");

  private static final String CUSTOMER_FLOW =
      flowUpsert("kpi_daily_flow", "customer_id", "tenant_id, currency, day, customer_id");
  private static final String TENANT_FLOW =
      flowUpsert("kpi_tenant_daily_flow", null, "tenant_id, currency, day");

  @Inject EntityManager em;

  /** Adds {@code amount} (positive raises what is owed) to the invoice on {@code date}. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void post(
      InvoiceRef invoice,
      LocalDate date,
      String kind,
      BigDecimal amount,
      String eventId,
      FlowDelta flow) {
    if (amount.signum() != 0) {
      em.createNativeQuery(
              "insert into kpi_ledger_entry (tenant_id, invoice_id, entry_date, kind, amount,"
                  + " event_id) values (:tenant, :id, :date, :kind, :amount, :event)")
          .setParameter("tenant", invoice.tenantId())
          .setParameter("id", invoice.invoiceId())
          .setParameter("date", date)
          .setParameter("kind", kind)
          .setParameter("amount", amount)
          .setParameter("event", eventId)
          .executeUpdate();
      Balances now =
          Rows.single(
              em.createNativeQuery(
                      "update kpi_invoice set balance = balance + :amount, closed_on = case when"
                          + " balance + :amount = 0 then (select max(entry_date) from"
                          + " kpi_ledger_entry e where e.invoice_id = :id) end, balance_at_due ="
                          + " balance_at_due + case when :date <= due_date then :amount else 0"
                          + " end where invoice_id = :id returning balance, balance_at_due,"
                          + " due_date, issue_date")
                  .setParameter("amount", amount)
                  .setParameter("date", date)
                  .setParameter("id", invoice.invoiceId()),
              r -> new Balances(r.decimal(0), r.decimal(1), r.date(2), r.date(3)));
      addToDueTotal(
          invoice,
          now.dueDate(),
          DueTotalChange.ofMovement(amount, date, now.dueDate(), now.balance(), now.atDue()));
      em.createNativeQuery(
              "insert into kpi_outstanding_change (tenant_id, currency, day, amount) values"
                  + " (:tenant, :currency, :day, :amount) on conflict (tenant_id, currency, day)"
                  + " do update set amount = kpi_outstanding_change.amount + excluded.amount")
          .setParameter("tenant", invoice.tenantId())
          .setParameter("currency", invoice.currency())
          .setParameter("day", DueTotalChange.outstandingChangeDay(date, now.issueDate()))
          .setParameter("amount", amount)
          .executeUpdate();
    }
    addFlow(invoice, date, flow);
  }

  /**
   * Moves the invoice to another due date: its balance at the new due date is summed again from its
   * entries, and the per-due-date totals follow.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void moveDueDate(InvoiceRef invoice, LocalDate newDue) {
    Balances before =
        Rows.single(
            em.createNativeQuery(
                    "select balance, balance_at_due, due_date, issue_date from kpi_invoice where"
                        + " invoice_id = :id for update")
                .setParameter("id", invoice.invoiceId()),
            r -> new Balances(r.decimal(0), r.decimal(1), r.date(2), r.date(3)));
    BigDecimal newAtDue =
        Rows.decimal(
            em.createNativeQuery(
                    "select coalesce(sum(amount), 0) from kpi_ledger_entry where invoice_id = :id"
                        + " and entry_date <= :due")
                .setParameter("id", invoice.invoiceId())
                .setParameter("due", newDue));
    em.createNativeQuery(
            "update kpi_invoice set due_date = :due, balance_at_due = :atDue where invoice_id ="
                + " :id")
        .setParameter("due", newDue)
        .setParameter("atDue", newAtDue)
        .setParameter("id", invoice.invoiceId())
        .executeUpdate();
    addToDueTotal(
        invoice, before.dueDate(), DueTotalChange.leaving(before.balance(), before.atDue()));
    addToDueTotal(invoice, newDue, DueTotalChange.joining(before.balance(), newAtDue));
  }

  private void addToDueTotal(InvoiceRef invoice, LocalDate due, DueTotalChange change) {
    em.createNativeQuery(
            "insert into kpi_due_total (tenant_id, currency, due_date, balance, open_count,"
                + " owed_at_due) values (:tenant, :currency, :due, :balance, :open, :owed) on"
                + " conflict (tenant_id, currency, due_date) do update set balance ="
                + " kpi_due_total.balance + excluded.balance, open_count ="
                + " kpi_due_total.open_count + excluded.open_count, owed_at_due ="
                + " kpi_due_total.owed_at_due + excluded.owed_at_due")
        .setParameter("tenant", invoice.tenantId())
        .setParameter("currency", invoice.currency())
        .setParameter("due", due)
        .setParameter("balance", change.balance())
        .setParameter("open", change.openCount())
        .setParameter("owed", change.owedAtDue())
        .executeUpdate();
  }

  /** Adds a movement's flows to its customer's and its tenant's rows of the day. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void addFlow(InvoiceRef invoice, LocalDate date, FlowDelta f) {
    bindFlow(em.createNativeQuery(CUSTOMER_FLOW), invoice, date, f)
        .setParameter("customer_id", invoice.customerId())
        .executeUpdate();
    bindFlow(em.createNativeQuery(TENANT_FLOW), invoice, date, f).executeUpdate();
    staleFrom(invoice.tenantId(), invoice.currency(), date);
  }

  private static Query bindFlow(Query q, InvoiceRef invoice, LocalDate date, FlowDelta f) {
    return q.setParameter("tenant_id", invoice.tenantId())
        .setParameter("currency", invoice.currency())
        .setParameter("day", date)
        .setParameter("invoiced", f.invoiced())
        .setParameter("invoices_issued", f.invoicesIssued())
        .setParameter("credited", f.credited())
        .setParameter("cancelled", f.cancelled())
        .setParameter("discounted", f.discounted())
        .setParameter("collected", f.collected())
        .setParameter("written_off", f.writtenOff())
        .setParameter("disputed", f.disputed())
        .setParameter("collected_due_days", f.collectedDueDays())
        .setParameter("collected_issue_days", f.collectedIssueDays());
  }

  /** An upsert adding each flow column to the row of its key, parameters named as the columns. */
  private static String flowUpsert(String table, String extraKey, String conflictKey) {
    String keys = "tenant_id, currency, day" + (extraKey == null ? "" : ", " + extraKey);
    String columns = keys + ", " + String.join(", ", FLOW_COLUMNS);
    String values =
        List.of(columns.split(", ")).stream().map(c -> ":" + c).collect(Collectors.joining(", "));
    String sums =
        FLOW_COLUMNS.stream()
            .map(c -> c + " = " + table + "." + c + " + excluded." + c)
            .collect(Collectors.joining(", "));
    return "insert into "
        + table
        + " ("
        + columns
        + ") values ("
        + values
        + ") on conflict ("
        + conflictKey
        + ") do update set "
        + sums;
  }

  /** Snapshots of {@code from} and later no longer hold: they are computed again when read. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void staleFrom(String tenantId, String currency, LocalDate from) {
    em.createNativeQuery(
            "delete from kpi_daily_snapshot where tenant_id = :tenant and currency = :currency"
                + " and day >= :from")
        .setParameter("tenant", tenantId)
        .setParameter("currency", currency)
        .setParameter("from", from)
        .executeUpdate();
  }

  /** Every currency's snapshots of the tenant from {@code from} on. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void staleFrom(String tenantId, LocalDate from) {
    em.createNativeQuery(
            "delete from kpi_daily_snapshot where tenant_id = :tenant and day >= :from")
        .setParameter("tenant", tenantId)
        .setParameter("from", from)
        .executeUpdate();
  }
}
